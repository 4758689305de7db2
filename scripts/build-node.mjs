// Bundles what electron-vite does not: the pool's worker entry and a whole
// program's driver (next to each bundle that hosts a pool) and the browser
// host's server; then copies the
// files the Node side needs at run time that are not TypeScript, next to
// each host bundle.
import { build } from 'esbuild';
import { cpSync, existsSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', sourcemap: 'linked' };
/** The bundles that host a pool: Electron's main process and the browser host. */
const HOSTS = ['out/main', 'out/web'];

/**
 * Files read at run time from next to the bundle (source folder → name in the
 * bundle's folder). One whose folder does not exist (yet) is skipped.
 */
const ASSETS = [{ from: 'electron/node/python/tracer', to: 'tracer' }];

for (const outdir of HOSTS) {
  await build({
    ...common,
    entryPoints: { 'pool-worker': 'electron/pool/worker/entry.ts' },
    outdir,
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
  });
}

// A whole TypeScript program's driver process, beside each host (everything bundled in: it
// imports nothing from node_modules at run time).
for (const outdir of HOSTS) {
  await build({
    ...common,
    entryPoints: { 'program-driver': 'electron/node/program/driver.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
}

await build({
  ...common,
  entryPoints: { server: 'electron/node/web/main.ts' },
  outdir: 'out/web',
  format: 'esm',
  // Dependencies stay in node_modules (esbuild runs its own binary).
  packages: 'external',
  define: { 'process.env.npm_package_version': JSON.stringify(version) },
});

for (const { from, to } of ASSETS) {
  if (!existsSync(from)) continue;
  for (const outdir of HOSTS) {
    cpSync(from, `${outdir}/${to}`, {
      recursive: true,
      filter: (path) => !/(^|[\\/])__pycache__([\\/]|$)|\.pyc$/.test(path),
    });
  }
}
