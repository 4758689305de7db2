/**
 * What every host does once at start, before it serves anyone: sweep the
 * temporary folders of processes that are gone (a host that was killed
 * could not remove its own; folders of live processes — another host on
 * this machine — are left alone), then open the data folder (see store.ts).
 */
import { sweepStaleTempDirs } from '../../pool/parent/owned-temp-dir';
import { WORKER_TEMP_PREFIX } from '../../pool/parent/worker-script';
import { SESSION_TEMP_PREFIX } from './service';
import { Store } from './store';

export async function prepareHost(dataDir: string): Promise<Store> {
  sweepStaleTempDirs(SESSION_TEMP_PREFIX);
  sweepStaleTempDirs(WORKER_TEMP_PREFIX);
  const store = new Store(dataDir);
  await store.open();
  return store;
}
