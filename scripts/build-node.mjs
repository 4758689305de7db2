// Bundles what electron-vite does not: the pool's worker entry (next to each
// bundle that hosts a pool) and the browser host's server.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', sourcemap: 'linked' };

for (const outdir of ['out/main', 'out/web']) {
  await build({
    ...common,
    entryPoints: { 'pool-worker': 'electron/pool/worker/entry.ts' },
    outdir,
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
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
