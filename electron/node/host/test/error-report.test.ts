/**
 * What the caller prints when a run fails, as the learner reads it in the
 * terminal: a task's error once (not once in the summary and again in the
 * traceback), located in their own file as tasks.ts:LINE:COL — never a
 * temporary path — and times in seconds, as the app shows every time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findExample } from '../../../../shared/examples';
import { createHarness, driverLines, finishedEvent, type Harness } from './harness';

let h: Harness;
beforeAll(() => {
  h = createHarness();
});
afterAll(async () => {
  await h.dispose();
});

describe('what the caller prints when a run fails', () => {
  it("prints a task's error once, at tasks.ts:LINE:COL", async () => {
    const example = findExample('exception')!;
    const events = await h.run({ ...example.spec, code: example.code });
    const text = driverLines(events).join('\n');
    expect(text.match(/RangeError: cannot take the square root of -1/g)).toHaveLength(1);
    expect(text).toContain('at checkedSqrt (tasks.ts:7:11)');
    expect(text).not.toMatch(/pool-playground-|\/tmp\/|file:\/\//);
    const failed = events.find((e) => e.type === 'task-finished' && e.status === 'error');
    expect(failed?.type === 'task-finished' && failed.error?.remoteStack).toMatch(
      /^RangeError[\s\S]*\(tasks\.ts:7:11\)$/,
    );
  });

  it('says the timeout in seconds', async () => {
    const code = 'export function slow(n: number) { sleep(n); return n; }\n';
    for (const mode of ['submit', 'map', 'as_completed'] as const) {
      const events = await h.run({
        code,
        fn: 'slow',
        mode,
        inputs: '[50, 2000]',
        maxWorkers: 2,
        timeoutSec: 0.5,
      });
      const end = finishedEvent(events);
      expect(end.outcome).toBe('timeout');
      expect(end.message).toMatch(/within the 0\.5 s timeout/);
      expect(driverLines(events).join('\n')).not.toMatch(/timeoutMs|\d ms\b/);
    }
  });
});
