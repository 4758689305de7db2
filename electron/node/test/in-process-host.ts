/**
 * A real browser host in this process (real sockets, real worker processes
 * via child_process.fork), with its own data folder and a one-line page.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ForkLauncher } from '../../pool';
import { Store } from '../host/store';
import type { WorkerBudget } from '../host/worker-budget';
import { startWebHost, type RunningWebHost } from '../web/server';

export interface TestHost {
  host: RunningWebHost;
  dataDir: string;
  close(): Promise<void>;
}

export async function startTestHost(
  options: { workers?: WorkerBudget; dataDir?: string } = {},
): Promise<TestHost> {
  const dir = mkdtempSync(join(tmpdir(), 'pp-host-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
  const dataDir = options.dataDir ?? join(dir, 'data');
  const store = new Store(dataDir);
  await store.open();
  const host = await startWebHost({
    rendererDir: dir,
    deps: {
      kind: 'web',
      store,
      createLauncher: ({ env, cwd }) => new ForkLauncher({ env, cwd }),
      appVersion: 'test',
      electronVersion: null,
      ...(options.workers ? { workers: options.workers } : {}),
    },
  });
  return {
    host,
    dataDir,
    async close() {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
