/**
 * Temporary folders named for their owner: swept only when the owner is gone, and never a folder of
 * another naming (another tool's, or an older version's).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeOwnedTempDir, ownerOf, removeOwnedTempDir, sweepStaleTempDirs } from '../parent/owned-temp-dir';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pp-owned-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('sweeps the folders of processes that are gone, and only those', () => {
  const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
  const names = [
    `pool-worker-${dead}-AbC123`,
    `pool-worker-${process.ppid}-AbC123`, // a live process (the test runner)
    `pool-worker-${process.pid}-AbC123`, // this process
    'pool-worker-AbC123', // no owner in the name
    'pool-worker-e2e-AbC123',
    `other-${dead}-AbC123`,
  ];
  for (const name of names) mkdirSync(join(dir, name));
  expect(sweepStaleTempDirs('pool-worker-', dir)).toEqual([join(dir, `pool-worker-${dead}-AbC123`)]);
  expect(readdirSync(dir).sort()).toEqual(names.slice(1).sort());
});

it('names a folder for this process and removes it on request', () => {
  const made = makeOwnedTempDir('pp-owned-test-');
  expect(ownerOf(made.slice(tmpdir().length + 1), 'pp-owned-test-')).toBe(process.pid);
  removeOwnedTempDir(made);
  expect(existsSync(made)).toBe(false);
});
