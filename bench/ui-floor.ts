/**
 * What any live view costs in this browser, whatever it draws: a blank page
 * (no app) that changes one line of text ten times a second, the live
 * view's own rate. Headless Chromium renders and composites in software, so
 * each frame costs the renderer and GPU processes CPU time even for a few
 * pixels; the app's live cost is best read against this floor.
 */
import type { Browser } from '@playwright/test';
import { cpuSharesDuring, type BrowserProcesses } from './ui-processes';

const MEASURE_MS = 5000;

/** The live view's tick (LIVE_REFRESH_MS in renderer/src/store/live-clock.ts). */
const EVERY_MS = 100;

/** CPU share of one CPU (%) used by the renderer and GPU processes while a blank page ticks. */
export async function tickingBlankPage(
  browser: Browser,
  processes: BrowserProcesses,
): Promise<{ renderer: number; gpu: number }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await page.goto('about:blank');
    // A string: it runs in the page, not in Node.
    await page.evaluate(`(() => {
      const line = document.createElement('div');
      document.body.append(line);
      let ticks = 0;
      setInterval(() => {
        ticks++;
        line.textContent = 'Elapsed ' + (ticks / 10).toFixed(2) + ' s';
      }, ${EVERY_MS});
    })()`);
    await page.waitForTimeout(500);
    const shares = await cpuSharesDuring(processes, () => page.waitForTimeout(MEASURE_MS));
    return { renderer: shares.get('renderer') ?? 0, gpu: shares.get('GPU') ?? 0 };
  } finally {
    await page.close();
  }
}
