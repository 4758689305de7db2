// `npm start`: the desktop app. npm does not run the `electron` package's
// download step by itself, so the first start runs it; where the binary
// cannot be downloaded, say so in one line and point to the browser host.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { electronBinary, electronDir } from './electron-binary.mjs';
import { ensureBuild, root } from './ensure-build.mjs';

let binary = electronBinary();
if (!binary) {
  console.log('Downloading the Electron runtime (first start only)…');
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 300_000 });
  binary = electronBinary();
}
if (!binary) {
  console.error(
    'Pool Playground: the Electron runtime could not be downloaded on this machine — run `npm run web` to use the same app in your browser.',
  );
  process.exit(1);
}
ensureBuild();
const app = spawn(binary, [root], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
app.on('exit', (code) => process.exit(code ?? 0));
