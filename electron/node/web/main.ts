/**
 * `npm run web`: the playground in a browser. Starts the browser host on
 * 127.0.0.1 and prints the address to open (it carries the access token).
 *
 *   --port N               listen on port N (default: a free port)
 *   --data DIR             where the workspace and run history live
 *                          (default: $POOL_PLAYGROUND_DATA or ~/.pool-playground)
 *   --max-workers-total N  most worker processes at once, all tabs together
 *                          (default: 4 × CPUs, or $POOL_PLAYGROUND_MAX_WORKERS_TOTAL)
 *
 * POOL_PLAYGROUND_RENDERER_DIR serves another build of the page (tests).
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ForkLauncher } from '../../pool';
import { prepareHost } from '../host/host-setup';
import { parseMaxWorkersTotal, WorkerBudget } from '../host/worker-budget';
import { startWebHost } from './server';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function fail(message: string): never {
  console.error(`Pool Playground: ${message}`);
  process.exit(1);
}

const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = resolve(process.env.POOL_PLAYGROUND_RENDERER_DIR ?? join(here, '..', 'renderer'));
if (!existsSync(join(rendererDir, 'index.html'))) {
  fail(`the app is not built (${rendererDir} is missing): run npm run build.`);
}
const dataDir = resolve(
  option('data') ?? process.env.POOL_PLAYGROUND_DATA ?? join(homedir(), '.pool-playground'),
);
const cap = parseMaxWorkersTotal(
  option('max-workers-total') ?? process.env.POOL_PLAYGROUND_MAX_WORKERS_TOTAL,
);
if (typeof cap === 'string') fail(cap);
const workers = new WorkerBudget(cap ?? undefined);

const store = await prepareHost(dataDir).catch((error: unknown) =>
  fail(`cannot use the data folder ${dataDir}: ${error instanceof Error ? error.message : String(error)}`),
);
const host = await startWebHost({
  rendererDir,
  port: Number(option('port') ?? process.env.PORT ?? 0),
  deps: {
    kind: 'web',
    store,
    createLauncher: ({ env, cwd }) => new ForkLauncher({ env, cwd }),
    appVersion: process.env.npm_package_version ?? '0.1.0',
    electronVersion: null,
    workers,
  },
});

console.log(`Pool Playground is running at ${host.url}`);
console.log('Open that address in a browser (it only answers this machine). Ctrl+C stops it.');
console.log(`Up to ${workers.total} worker processes at once, all tabs together (--max-workers-total).`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) process.exit(1);
    closing = true;
    void host.close().then(() => process.exit(0));
  });
}
