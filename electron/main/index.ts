/**
 * Electron main process: wires the concerns together, one setup per
 * concern, and creates the window only after every IPC handler exists.
 * The pool's workers are utility processes (see utility-launcher.ts), and so
 * is a whole TypeScript program's driver (utility-driver-launcher.ts).
 */
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { WORKER_BUNDLE_NAME } from '../pool';
import { prepareHost } from '../node/host/host-setup';
import { DRIVER_BUNDLE_NAME } from '../node/program/driver-launcher';
import { PlaygroundService } from '../node/host/service';
import { parseMaxWorkersTotal, WorkerBudget } from '../node/host/worker-budget';
import { APP_INDEX_URL, registerAppScheme, serveRenderer } from './app-protocol';
import { resetReady, sendRunEvents, setupIpc, type WindowBinding } from './ipc';
import { UtilityDriverLauncher } from './utility-driver-launcher';
import { UtilityLauncher } from './utility-launcher';
import { createMainWindow } from './window';

const here = import.meta.dirname;
const paths = {
  preload: join(here, '..', 'preload', 'index.cjs'),
  renderer: join(here, '..', 'renderer'),
  worker: join(here, WORKER_BUNDLE_NAME),
  driver: join(here, DRIVER_BUNDLE_NAME),
};

const binding: WindowBinding = {
  window: null,
  service: null,
  rendererUrl: APP_INDEX_URL,
};

function setupSingleInstance(): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => {
    const window = binding.window;
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  return true;
}

async function setupService(): Promise<void> {
  // POOL_PLAYGROUND_DATA moves the workspace and history, as for the browser host.
  const dataDir = process.env.POOL_PLAYGROUND_DATA ?? join(app.getPath('userData'), 'playground');
  const store = await prepareHost(dataDir);
  binding.service = new PlaygroundService(
    {
      kind: 'electron',
      store,
      createLauncher: ({ env, cwd }) => new UtilityLauncher({ script: paths.worker, env, cwd }),
      appVersion: app.getVersion(),
      electronVersion: process.versions.electron ?? null,
      workers: new WorkerBudget(maxWorkersTotal() ?? undefined),
      driverLauncher: new UtilityDriverLauncher(paths.driver),
    },
    (batch) => sendRunEvents(batch),
  );
}

/** The cap on worker processes: `--max-workers-total N` or POOL_PLAYGROUND_MAX_WORKERS_TOTAL (default 4 × CPUs). */
function maxWorkersTotal(): number | null {
  const text =
    app.commandLine.getSwitchValue('max-workers-total') || process.env.POOL_PLAYGROUND_MAX_WORKERS_TOTAL;
  const cap = parseMaxWorkersTotal(text);
  if (typeof cap !== 'string') return cap;
  console.error(`Pool Playground: ${cap}; using the default.`);
  return null;
}

function openWindow(): void {
  const window = createMainWindow({ preload: paths.preload, url: APP_INDEX_URL });
  binding.window = window;
  window.webContents.on('did-start-loading', () => resetReady());
  window.on('closed', () => {
    binding.window = null;
  });
}

function setupLifecycle(): void {
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  // Stop the active run and its workers before quitting: no process outlives the app.
  let disposed = false;
  app.on('before-quit', (event) => {
    if (disposed || !binding.service) return;
    event.preventDefault();
    disposed = true;
    void binding.service.dispose().finally(() => app.quit());
  });
}

if (setupSingleInstance()) {
  registerAppScheme();
  setupLifecycle();
  void app.whenReady().then(async () => {
    serveRenderer(paths.renderer);
    await setupService();
    setupIpc(binding);
    openWindow();
  });
}
