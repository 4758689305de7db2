/**
 * Where the worker entry lives. Builds put `pool-worker.cjs` beside the
 * bundle that hosts the pool (out/main, out/web). When the pool runs from its
 * TypeScript sources (tests, benchmarks), the entry is bundled on first use
 * with esbuild into a temporary file: the same code, the same start-up cost.
 */
import type * as Esbuild from 'esbuild';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WORKER_BUNDLE_NAME = 'pool-worker.cjs';

let compiled: string | null = null;

export function defaultWorkerScript(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const built = join(here, WORKER_BUNDLE_NAME);
  if (existsSync(built)) return built;
  compiled ??= compileWorkerEntry(join(here, 'worker', 'entry.ts'));
  return compiled;
}

function compileWorkerEntry(entry: string): string {
  const require = createRequire(import.meta.url);
  const esbuild = require('esbuild') as typeof Esbuild;
  const dir = mkdtempSync(join(tmpdir(), 'pool-worker-'));
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
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return outfile;
}
