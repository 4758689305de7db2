// `npm run screenshots`: take the README's pictures (docs/*.png) from the
// real app in Chromium (see e2e/readme/). The end-to-end tests never write
// them.
import { spawnSync } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error('No Chromium found: run `npm run test:e2e` once (it installs one), or set CHROMIUM_PATH.');
  process.exit(1);
}
const run = (cmd, args, env = {}) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run('npm', ['run', '--silent', 'build']);
// One picture at a time: the comparison's speedups must not share the CPUs with another picture's runs.
run(
  'npx',
  ['playwright', 'test', '--project', 'readme-pictures', '--workers', '1', ...process.argv.slice(2)],
  {
    CHROMIUM_PATH: chromium,
    POOL_PLAYGROUND_PICTURES: '1',
  },
);
