// `npm run web`: build the app if needed, then start the browser host.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outputs = ['out/web/server.js', 'out/web/pool-worker.cjs', 'out/renderer/index.html'].map((p) =>
  join(root, p),
);

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const built = outputs.every((p) => existsSync(p));
const stale =
  built &&
  Math.max(...['electron', 'renderer', 'shared'].map((d) => newestSource(join(root, d)))) >
    Math.min(...outputs.map((p) => statSync(p).mtimeMs));
if (!built || stale) {
  console.log(built ? 'Sources changed: rebuilding…' : 'Building the app (first run)…');
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const server = spawnSync(process.execPath, [join(root, 'out/web/server.js'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(server.status ?? 0);
