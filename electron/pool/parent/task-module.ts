/**
 * Turns the `taskModule` option into the URL each worker imports. A module
 * written in TypeScript is bundled once with esbuild into a temporary ES
 * module (inline source maps keep the user's file and line numbers in remote
 * stacks); JavaScript modules are imported as they are.
 */
import type * as Esbuild from 'esbuild';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface ResolvedTaskModule {
  url: string;
  /** What error messages call it: the file's name. */
  label: string;
  dispose(): void;
}

const TYPESCRIPT = /\.(c|m)?tsx?$/;

/** The module's file path; throws at once when it is not a usable path. */
export function locateTaskModule(taskModule: string | URL): string {
  let path: string;
  if (taskModule instanceof URL || /^file:/.test(taskModule)) {
    path = fileURLToPath(taskModule);
  } else if (typeof taskModule === 'string' && taskModule.length > 0) {
    path = resolve(taskModule);
  } else {
    throw new TypeError('taskModule must be a file path or file: URL of an ES module');
  }
  if (!existsSync(path)) throw new TypeError(`taskModule not found: ${path}`);
  return path;
}

/** Prepare the module for import by workers (bundling TypeScript on the way). */
export function prepareTaskModule(path: string): ResolvedTaskModule {
  const label = basename(path);
  if (!TYPESCRIPT.test(path)) return { url: pathToFileURL(path).href, label, dispose: () => undefined };

  const require = createRequire(import.meta.url);
  const esbuild = require('esbuild') as typeof Esbuild;
  const dir = mkdtempSync(join(tmpdir(), 'pool-tasks-'));
  const outfile = join(dir, label.replace(TYPESCRIPT, '.mjs'));
  esbuild.buildSync({
    entryPoints: [path],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  return {
    url: pathToFileURL(outfile).href,
    label,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
