/**
 * What the tests do with runs: keep them in the history, compare, sweep,
 * predict and export them — in a learner's words.
 */
import type { Download, Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect } from './fixtures';
import { pickExample, runButton, waitForFinish } from './app';

/**
 * The CPU-bound example (eight tasks) with 1 worker, with 2 workers and as
 * the serial baseline, all three ticked and compared, the side bar closed so
 * the comparison gets the whole width.
 */
export async function compareWorkersAndBaseline(page: Page): Promise<void> {
  await pickExample(page, 'primes');
  await setMaxWorkers(page, 1);
  await runAndWait(page, 90_000);
  await setMaxWorkers(page, 2);
  await runAndWait(page, 90_000);
  await page.getByTestId('run-baseline').click();
  await expect(historyItems(page)).toHaveCount(3, { timeout: 90_000 });
  await expect(historyItems(page).first()).toHaveAttribute('data-outcome', 'ok', { timeout: 90_000 });
  for (const box of await page.getByTestId('history-select').all()) await box.check();
  await page.getByTestId('compare-selected').click();
  await expect(page.getByTestId('compare-run')).toHaveCount(3);
  await expect(page.getByTestId('compare-run').nth(2).getByTestId('timeline-bar')).toHaveCount(8);
  await page.getByRole('button', { name: 'Close History' }).click();
}

/** The CPU-bound example, made small enough for a test: four tasks counting primes below 300,000. */
export async function smallPrimes(page: Page, workers = 2): Promise<void> {
  await pickExample(page, 'primes');
  await setInputs(page, '[300_000] * 4');
  await setMaxWorkers(page, workers);
}

export async function setInputs(page: Page, inputs: string): Promise<void> {
  await page.getByLabel('Inputs', { exact: true }).fill(inputs);
}

export async function setMaxWorkers(page: Page, workers: number): Promise<void> {
  await page.getByLabel('Max workers', { exact: true }).fill(String(workers));
}

/** Press Run and wait until the run is over and listed in the History (which this opens). */
export async function runAndWait(page: Page, timeout = 60_000): Promise<void> {
  const before = await historyCount(page);
  await runButton(page).click();
  await waitForFinish(page, timeout);
  await expect.poll(() => historyCount(page), { timeout }).toBeGreaterThan(before);
}

export async function openHistory(page: Page): Promise<Locator> {
  const view = page.getByTestId('history');
  if (!(await view.isVisible())) await page.getByRole('button', { name: 'History', exact: true }).click();
  await expect(view).toBeVisible();
  return view;
}

async function historyCount(page: Page): Promise<number> {
  await openHistory(page);
  return page.getByTestId('history-item').count();
}

export function historyItems(page: Page): Locator {
  return page.getByTestId('history-item');
}

export function historyItem(page: Page, name: string | RegExp): Locator {
  return historyItems(page).filter({ has: page.getByTestId('history-open').filter({ hasText: name }) });
}

/** Download a file by clicking `button`; its name and its text. */
export interface Downloaded {
  name: string;
  text: string;
  buffer: Buffer;
  file: Download;
}

export async function download(page: Page, button: Locator): Promise<Downloaded> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const buffer = readFileSync(await file.path());
  return { name: file.suggestedFilename(), text: buffer.toString('utf8'), buffer, file };
}

/** Width and height of a PNG file (from its header), or null when it is not a PNG. */
export function pngSize(buffer: Buffer): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buffer.length < 24 || signature.some((b, i) => buffer[i] !== b)) return null;
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}
