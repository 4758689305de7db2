/**
 * The README's picture of whole Python programs: the seed's three programs,
 * pasted verbatim into program mode and run under CPython, compared on one
 * time axis (docs/python-seed-programs.png). Taken by `npm run screenshots`.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '../fixtures';
import { chooseCode, pasteCode, runButton } from '../app';
import { historyItems, openHistory } from '../runs';

const seed = (name: string): string =>
  readFileSync(new URL(`../../electron/node/python/test/fixtures/${name}`, import.meta.url), 'utf8');

test("docs/python-seed-programs.png: the seed's three Python programs, their timelines compared", async ({
  app: page,
}) => {
  test.setTimeout(180_000);
  await chooseCode(page, 'Program', 'Python');
  await openHistory(page);
  for (const [i, name] of ['seed_submit.py', 'seed_map.py', 'seed_as_completed.py'].entries()) {
    await pasteCode(page, seed(name));
    await runButton(page).click();
    await expect(historyItems(page)).toHaveCount(i + 1, { timeout: 60_000 });
  }
  await expect(historyItems(page).first()).toHaveAttribute('data-outcome', 'ok');
  for (const box of await page.getByTestId('history-select').all()) await box.check();
  await page.getByTestId('compare-selected').click();
  await expect(page.getByTestId('compare-run')).toHaveCount(3);
  await page.getByRole('button', { name: 'Close History' }).click();
  await page.screenshot({ path: 'docs/python-seed-programs.png' });
});
