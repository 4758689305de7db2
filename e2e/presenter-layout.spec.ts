/**
 * The presenter layout, on a projector's screen: one action gives the
 * timeline and the terminal the screen, and after the seed's submit example
 * the queue, all three worker lanes and the caller lane are in view without
 * scrolling — at 1280×720, and at 150 % browser zoom on a 1440×900 screen
 * (960×600 CSS pixels at device scale factor 1.5).
 */
import type { Page } from '@playwright/test';
import { expect, saveScreenshot, test } from './fixtures';
import { pickExample, runButton, waitForFinish } from './app';

/** Every `testId` element is inside the viewport and inside the timeline's visible stage. */
async function expectInView(page: Page, testId: string, count: number): Promise<void> {
  const viewport = page.viewportSize()!;
  const stage = (await page.getByTestId('timeline').boundingBox())!;
  const boxes = await page.getByTestId(testId).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  expect(boxes, `${testId} count`).toHaveLength(count);
  for (const box of boxes) {
    expect(box.height, `${testId} has a height`).toBeGreaterThan(8);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width + 0.5);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height + 0.5);
    expect(box.y).toBeGreaterThanOrEqual(stage.y - 0.5);
    expect(box.y + box.height).toBeLessThanOrEqual(stage.y + stage.height + 0.5);
  }
}

async function presentSubmitExample(page: Page, shot: string): Promise<void> {
  await pickExample(page, 'submit');
  // P switches the layout (outside text fields and the editor, where it is a letter).
  await page.getByTestId('timeline').focus();
  await page.keyboard.press('p');
  await expect(page.getByTestId('presenter-toggle')).toHaveAttribute('aria-pressed', 'true');
  // The editor column is out of the way.
  await expect(page.locator('#panel-editor')).toBeHidden();
  await runButton(page).click();
  await waitForFinish(page);
  await expectInView(page, 'queue-lane', 1);
  await expectInView(page, 'timeline-lane', 3);
  await expectInView(page, 'caller-lane', 1);
  // The lanes are where the canvas drew them: each lane's bars are inside its box.
  await expect(page.getByTestId('timeline-bar')).toHaveCount(5);
  await saveScreenshot(page, shot);
}

test.describe('at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  test('the submit example fits: queue, three worker lanes and the caller lane', async ({ app: page }) => {
    await presentSubmitExample(page, 'presenter-1280x720');
    // The same action (the button this time) brings the editor back.
    await page.getByTestId('presenter-toggle').click();
    await expect(page.locator('#panel-editor')).toBeVisible();
  });

  test('with the projector text size too, lanes shrink and nothing is cut off', async ({ app: page }) => {
    await page.getByTestId('presenter-text').click();
    await expect(page.locator('.zoom__value')).toHaveText('140%');
    await presentSubmitExample(page, 'presenter-1280x720-projector-text');
  });
});

test.describe('at 150 % zoom on a 1440×900 screen', () => {
  test.use({ viewport: { width: 960, height: 600 }, deviceScaleFactor: 1.5 });
  test('the submit example fits: queue, three worker lanes and the caller lane', async ({ app: page }) => {
    await presentSubmitExample(page, 'presenter-960x600-at-1.5');
  });
});
