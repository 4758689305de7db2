import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'lint/**/*.test.ts',
      'electron/**/*.test.ts',
      'shared/**/*.test.ts',
      'renderer/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    // Pool tests start real processes: give them room on a loaded 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
