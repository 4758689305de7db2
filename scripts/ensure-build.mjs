// Builds the app when out/ is missing or older than the sources, so that
// `npm start` and `npm run web` always run what is in the tree.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

const OUTPUTS = [
  'out/main/index.js',
  'out/main/pool-worker.cjs',
  'out/preload/index.cjs',
  'out/renderer/index.html',
  'out/web/server.js',
  'out/web/pool-worker.cjs',
];
const SOURCES = [
  'electron',
  'renderer',
  'shared',
  'package.json',
  'electron.vite.config.ts',
  'scripts/build-node.mjs',
];

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'test' || entry.startsWith('.')) continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

export function ensureBuild() {
  const outputs = OUTPUTS.map((p) => join(root, p));
  const built = outputs.every((p) => existsSync(p));
  const stale =
    built &&
    Math.max(...SOURCES.map((p) => newest(join(root, p)))) >
      Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  if (built && !stale) return;
  console.log(built ? 'Sources changed: rebuilding…' : 'Building the app (first run)…');
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
