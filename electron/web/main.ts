/**
 * `npm run web`: the playground in a browser. Starts the browser host on
 * 127.0.0.1 and prints the address to open (it carries the access token).
 *
 *   --port N    listen on port N (default: a free port)
 *   --data DIR  where the workspace and run history live
 *               (default: $POOL_PLAYGROUND_DATA or ~/.pool-playground)
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ForkLauncher } from '../pool';
import { Store, cleanStaleTemporaryFiles } from '../host/store';
import { startWebHost } from './server';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = resolve(here, '..', 'renderer');
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error(`Pool Playground: the app is not built (${rendererDir} is missing): run npm run build.`);
  process.exit(1);
}
const dataDir = resolve(
  option('data') ?? process.env.POOL_PLAYGROUND_DATA ?? join(homedir(), '.pool-playground'),
);
await cleanStaleTemporaryFiles(dataDir);

const host = await startWebHost({
  rendererDir,
  port: Number(option('port') ?? process.env.PORT ?? 0),
  deps: {
    kind: 'web',
    store: new Store(dataDir),
    createLauncher: ({ env, cwd }) => new ForkLauncher({ env, cwd }),
    appVersion: process.env.npm_package_version ?? '0.1.0',
    electronVersion: null,
  },
});

console.log(`Pool Playground is running at ${host.url}`);
console.log('Open that address in a browser (it only answers this machine). Ctrl+C stops it.');

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) process.exit(1);
    closing = true;
    void host.close().then(() => process.exit(0));
  });
}
