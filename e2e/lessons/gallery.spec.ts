/**
 * The gallery is a course: six chapters in order, every lesson two clicks
 * from the main screen (Examples, then its card). A lesson's note shows only
 * while its code and settings are the example's as shipped; Reset example
 * brings them back, Next lesson walks the course. A reopened run shows the
 * code and settings that produced it, read-only.
 */
import { EXAMPLE_GROUPS, EXAMPLES, findExample } from '../../shared/examples';
import { editorText, pickExample, runButton, setCode, waitForFinish } from '../app';
import { saveScreenshot } from '../fixtures';
import { historyItems, openHistory } from '../runs';
import { expect, expectNoteShown, lessonSuite, openLesson } from './lesson';

const { test, lesson } = lessonSuite();

test('every lesson is two clicks away, in chapters in course order', async () => {
  const { page } = lesson();
  await page.getByTestId('open-examples').click();
  const dialog = page.getByTestId('examples-dialog');
  const chapters = dialog.locator('.course__title');
  await expect(chapters).toHaveText(EXAMPLE_GROUPS.map((g) => g.title));
  const cards = dialog.locator('[data-testid^="example-"]');
  await expect(cards).toHaveCount(EXAMPLES.length);
  expect(await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')))).toEqual(
    EXAMPLES.map((e) => `example-${e.id}`),
  );
  await saveScreenshot(page, 'gallery');
  await page.keyboard.press('Escape');
  // The side bar lists them too (one click to open it, one to load).
  await page.getByRole('button', { name: 'Examples', exact: true }).last().click();
  await expect(page.locator('.sidebar [data-testid^="example-"]')).toHaveCount(EXAMPLES.length);
  await page.getByRole('button', { name: 'Close Examples' }).click();
});

test('the note hides when the settings or code change, and Reset example brings it back', async () => {
  const { page } = lesson();
  const map = await openLesson(page, 'map');
  await page.getByLabel('Max workers', { exact: true }).fill('2');
  const changed = page.getByTestId('lesson-changed');
  await expect(changed).toContainText('You changed max workers of “map(): results in input order”');
  await expect(changed).toContainText('describes the original example');
  await expect(page.getByTestId('look-for')).toHaveCount(0);
  await saveScreenshot(page, 'lesson-changed');

  await page.getByTestId('lesson-reset').click();
  await expectNoteShown(page, map);
  await expect(page.getByLabel('Max workers', { exact: true })).toHaveValue('3');

  await setCode(
    page,
    'export function square(n: number): number {\n  sleep(n * 1000);\n  return n * n + 1;\n}',
  );
  await expect(changed).toContainText('You changed the code');
  await page.getByTestId('lesson-reset').click();
  await expectNoteShown(page, map);
  await expect.poll(() => editorText(page)).toContain('return n * n;\n}');
});

test('Next lesson walks the course, asking before it replaces code of your own', async () => {
  const { page } = lesson();
  await openLesson(page, 'submit');
  await page.getByTestId('lesson-next').click();
  await expectNoteShown(page, findExample('map')!);
  await page.getByTestId('lesson-next').click();
  await expectNoteShown(page, findExample('as_completed')!);

  await setCode(page, 'export function mine(n: number): number {\n  return n;\n}');
  await page.getByTestId('lesson-next').click();
  await expect(page.getByRole('alertdialog', { name: 'Replace your code?' })).toBeVisible();
  await page.getByRole('button', { name: 'Keep my code' }).click();
  expect(await editorText(page)).toContain('export function mine');
  await page.getByTestId('lesson-next').click();
  await page.getByRole('button', { name: 'Replace', exact: true }).click();
  await expectNoteShown(page, findExample('cloneable')!);
  // The last lesson has no next one.
  await pickExample(page, EXAMPLES.at(-1)!.id);
  await expect(page.getByTestId('lesson-next')).toBeDisabled();
});

test('a reopened run shows the code and settings that produced it, read-only', async () => {
  const { page } = lesson();
  const submit = await openLesson(page, 'submit');
  await page.getByLabel('Inputs', { exact: true }).fill('range(2)');
  await runButton(page).click();
  await waitForFinish(page);
  // Then the editor moves on to another lesson.
  await pickExample(page, 'map');
  await openHistory(page);
  await historyItems(page).first().getByTestId('history-open').click();
  await expect(page.getByTestId('saved-run-banner')).toBeVisible();

  const saved = page.getByTestId('saved-code');
  await expect(saved).toBeVisible();
  await expect(saved.locator('.view-lines')).toContainText('Task ${n} starting in process');
  await expect(page.getByTestId('saved-code-status')).toHaveText('the code of the saved run · read-only');
  await expect(page.getByLabel('Inputs', { exact: true })).toHaveValue('range(2)');
  await expect(page.getByLabel('Inputs', { exact: true })).toBeDisabled();
  await expect(page.getByLabel('Function', { exact: true })).toHaveValue('task');
  // Not checked against the editor's code (the map lesson's, which has no task()): it is the run's.
  await expect(page.getByTestId('run-fn-error')).toHaveCount(0);
  await expect(page.getByTestId('runbar-saved')).toBeVisible();
  await expect(page.getByTestId('program-text')).toContainText('const inputs: unknown[] = range(2);');
  // The run's lesson, with what it changed: its note does not describe it.
  await expect(page.getByTestId('lesson-changed')).toContainText(
    `This run changed the inputs of “${submit.title}”`,
  );
  await saveScreenshot(page, 'saved-run-read-only');

  await page.getByTestId('back-to-live').click();
  await expect(page.getByTestId('saved-code')).toHaveCount(0);
  await expect(page.getByLabel('Inputs', { exact: true })).toHaveValue('[5, 2, 3, 4, 1]');
  await expect(page.getByLabel('Inputs', { exact: true })).toBeEnabled();
});
