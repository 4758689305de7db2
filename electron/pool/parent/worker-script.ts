/**
 * Where the worker entry lives. Builds put `pool-worker.cjs` beside the
 * bundle that hosts the pool (out/main, out/web). When the pool runs from its
 * TypeScript sources (tests, benchmarks), the entry is bundled on first use
 * with esbuild into a temporary folder named for this process
 * (`pool-worker-<pid>-XXXXXX`): removed when the process exits, and swept by
 * the next process that bundles it if this one was killed first.
 */
import type * as Esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeOwnedTempDir, sweepStaleTempDirs } from './owned-temp-dir';

export const WORKER_BUNDLE_NAME = 'pool-worker.cjs';
export const WORKER_TEMP_PREFIX = 'pool-worker-';

let compiled: string | null = null;

export function defaultWorkerScript(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const built = join(here, WORKER_BUNDLE_NAME);
  if (existsSync(built)) return built;
  compiled ??= compileWorkerEntry(join(here, '..', 'worker', 'entry.ts'));
  return compiled;
}

function compileWorkerEntry(entry: string): string {
  const require = createRequire(import.meta.url);
  const esbuild = require('esbuild') as typeof Esbuild;
  sweepStaleTempDirs(WORKER_TEMP_PREFIX);
  const dir = makeOwnedTempDir(WORKER_TEMP_PREFIX);
  const outfile = join(dir, WORKER_BUNDLE_NAME);
  esbuild.buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  return outfile;
}
