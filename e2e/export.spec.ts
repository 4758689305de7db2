/**
 * Export: a run (or a comparison) as a Chrome trace with one process track
 * per worker PID and one slice per task; the timeline as PNG and SVG; the
 * results as CSV and JSON. Each is a real download.
 */
import { expect, test } from './fixtures';
import { lanePids } from './app';
import { download, openHistory, pngSize, runAndWait, setMaxWorkers, smallPrimes } from './runs';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  cat?: string;
  args?: Record<string, unknown>;
}

function tracks(events: TraceEvent[]): number[] {
  return events.filter((e) => e.ph === 'M' && e.name === 'process_name' && e.pid > 0).map((e) => e.pid);
}

test('a run exports as a Chrome trace, PNG, SVG, CSV and JSON', async ({ app: page }) => {
  await smallPrimes(page, 2);
  await runAndWait(page);
  const pids = (await lanePids(page)).map(Number);
  expect(pids.length).toBeGreaterThan(0);

  const trace = await download(page, page.getByRole('button', { name: 'Export trace' }));
  expect(trace.name).toBe('countPrimes-submit-2-workers.trace.json');
  const parsed = JSON.parse(trace.text) as { traceEvents: TraceEvent[] };
  expect(tracks(parsed.traceEvents).sort()).toEqual([...pids].sort());
  const slices = parsed.traceEvents.filter((e) => e.ph === 'X' && e.cat !== 'worker');
  expect(slices).toHaveLength(4);
  for (const slice of slices) expect(pids).toContain(slice.pid);
  expect(parsed.traceEvents.filter((e) => e.ph === 'i' && e.cat === 'delivery')).toHaveLength(4);

  const png = await download(page, page.getByRole('button', { name: 'Export PNG' }));
  expect(png.name).toMatch(/\.png$/);
  expect(pngSize(png.buffer)!.width).toBeGreaterThan(300);
  const svg = await download(page, page.getByRole('button', { name: 'Export SVG' }));
  expect(svg.name).toMatch(/\.svg$/);
  expect(svg.text).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
  expect(svg.text).toContain('countPrimes · submit · 2 workers');
  // Colours travel inline (no classes, no CSS variables): the file renders on its own.
  expect(svg.text).toMatch(/<rect [^>]*fill="#[0-9a-f]{6}"/);
  expect(svg.text).not.toContain('var(--');
  // The timeline itself is in the picture: each task's label, each process's PID.
  for (const pid of pids) expect(svg.text).toContain(`PID ${pid}`);
  const csv = await download(page, page.getByRole('button', { name: 'Export CSV' }));
  expect(csv.name).toMatch(/\.csv$/);
  expect(csv.text.trim().split('\n')).toHaveLength(5);
  expect(csv.text.split('\n')[0]).toMatch(/^task,input_index,label/);
  const json = await download(page, page.getByRole('button', { name: 'Export JSON' }));
  expect(json.name).toMatch(/\.json$/);
  expect(JSON.parse(json.text)).toHaveLength(4);
});

test('the PNG is a real picture, and a comparison exports as one trace', async ({ app: page }) => {
  await smallPrimes(page, 1);
  await runAndWait(page);
  // The PNG decodes as a picture in the browser, at twice the timeline's size (sharp on any screen).
  const png = await download(page, page.getByRole('button', { name: 'Export PNG' }));
  const size = pngSize(png.buffer)!;
  const decoded = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    // Runs in the page (a browser), not in Node.
    const { createImageBitmap } = globalThis as unknown as {
      createImageBitmap(blob: Blob): Promise<{ width: number; height: number }>;
    };
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    return { width: bitmap.width, height: bitmap.height };
  }, png.buffer.toString('base64'));
  expect(decoded).toEqual(size);
  const lanes = await page.getByTestId('timeline').boundingBox();
  expect(size.width).toBeGreaterThanOrEqual(lanes!.width * 2);
  await setMaxWorkers(page, 2);
  await runAndWait(page);
  await openHistory(page);
  for (const box of await page.getByTestId('history-select').all()) await box.check();
  await page.getByTestId('compare-selected').click();
  await expect(page.getByTestId('compare-run')).toHaveCount(2);
  const groupPids = await page
    .getByTestId('compare-run')
    .getByTestId('timeline-lane')
    .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-pid'))));
  const compare = page.getByTestId('compare-page');
  const trace = await download(page, compare.getByRole('button', { name: 'Export trace' }));
  expect(trace.name).toBe('comparison.trace.json');
  const parsed = JSON.parse(trace.text) as { traceEvents: TraceEvent[]; otherData: { runs: string[] } };
  expect(tracks(parsed.traceEvents).sort()).toEqual([...groupPids].sort());
  expect(parsed.traceEvents.filter((e) => e.ph === 'X' && e.cat !== 'worker')).toHaveLength(8);
  expect(parsed.otherData.runs).toHaveLength(2);
  const svg = await download(page, compare.getByRole('button', { name: 'Export SVG' }));
  expect(svg.text).toContain('countPrimes · submit · 1 worker');
  expect(svg.text).toContain('countPrimes · submit · 2 workers');
  const comparePng = await download(page, compare.getByRole('button', { name: 'Export PNG' }));
  expect(pngSize(comparePng.buffer)!.height).toBeGreaterThan(200);
});
