import { defineConfig } from '@playwright/test';

// Debian's Chromium as root in a container: no sandbox, and no background
// networking (the machine has no internet; Chromium would keep trying).
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // Two spec files at a time: most of a test is waiting (tasks that sleep, processes starting), so
  // two share a 2-core machine well; the specs assert what happened, not how fast.
  workers: 2,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      ...(process.env.CHROMIUM_PATH ? { executablePath: process.env.CHROMIUM_PATH } : {}),
      args: CHROMIUM_ARGS,
    },
    // A failed test keeps its trace (actions and DOM snapshots), without the screencast: encoding a
    // frame of every paint costs the browser CPU that timed runs and the suite's length pay for.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true },
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'browser-host', testIgnore: /electron\.spec\.ts/ },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
    // The README's pictures: only `npm run screenshots` runs them (they write docs/*.png).
    ...(process.env.POOL_PLAYGROUND_PICTURES
      ? [
          {
            name: 'readme-pictures',
            testMatch: /\.shots\.ts$/,
            // No trace: recording one screencasts the page, CPU the comparison picture's runs would lose.
            use: { viewport: { width: 1440, height: 900 }, trace: 'off' as const },
          },
        ]
      : []),
  ],
});
