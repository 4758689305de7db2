// `npm run test:e2e`: make sure there is a Chromium (installing Playwright's
// when none is found) and a fresh build, then run the Playwright suite
// against the browser host.
import { spawnSync } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

let chromium = findChromium();
if (!chromium) {
  // A fresh machine with internet: get Playwright's own Chromium, then look again.
  console.log(
    'No Chromium found for the end-to-end tests: installing Playwright’s (npx playwright install chromium)…',
  );
  spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  chromium = findChromium();
}
if (!chromium) {
  console.error(
    'No Chromium found for the end-to-end tests: install one (Debian/Ubuntu: sudo apt-get install -y chromium; ' +
      'elsewhere: npx playwright install chromium), or set CHROMIUM_PATH.',
  );
  process.exit(1);
}
const run = (cmd, args, env = {}) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run('npm', ['run', '--silent', 'build']);
run('npx', ['playwright', 'test', ...process.argv.slice(2)], { CHROMIUM_PATH: chromium });
