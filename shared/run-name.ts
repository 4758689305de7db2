/**
 * The name a run gets in the history when nobody names it: enough to tell
 * runs apart at a glance — the function and mode, then only what differs
 * from the defaults (workers, chunksize, max tasks per child, timeout, an
 * initializer, an early shutdown), how it ended when not well, and "edited
 * code" when its code is not an example's as shipped.
 */
import { isExampleCode } from './examples';
import type { RunOutcome } from './run-events';
import type { RunSpec } from './run-spec';
import { formatValue } from './format-value';

export type NamedSpec = Pick<
  RunSpec,
  'fn' | 'mode' | 'maxWorkers' | 'chunksize' | 'maxTasksPerChild' | 'timeoutSec' | 'initializer' | 'shutdown'
> & {
  /** The task module; when given and not an example's, the name says "edited code". */
  code?: string;
};

const OUTCOME_WORDS: Record<Exclude<RunOutcome, 'ok'>, string> = {
  error: 'failed',
  stopped: 'stopped',
  broken: 'broken pool',
  timeout: 'timed out',
};

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const py = (value: boolean): string => (value ? 'True' : 'False');

export function runName(spec: NamedSpec, outcome?: RunOutcome | 'running' | null): string {
  const parts = [spec.fn];
  if (spec.mode === 'serial') parts.push('serial baseline');
  else {
    parts.push(spec.mode, plural(spec.maxWorkers, 'worker'));
    if (spec.mode === 'map' && spec.chunksize > 1) parts.push(`chunksize ${spec.chunksize}`);
    if (spec.maxTasksPerChild !== null) parts.push(`max ${plural(spec.maxTasksPerChild, 'task')} per child`);
    if (spec.initializer !== null) parts.push(`initializer ${spec.initializer}`);
    const { afterResults, wait, cancelFutures } = spec.shutdown;
    if (afterResults !== null) {
      parts.push(
        `shutdown(wait=${py(wait)}, cancel_futures=${py(cancelFutures)}) after ${plural(afterResults, 'result')}`,
      );
    }
  }
  if (spec.timeoutSec !== null) parts.push(`timeout ${formatValue(spec.timeoutSec)} s`);
  if (outcome && outcome !== 'ok' && outcome !== 'running') parts.push(OUTCOME_WORDS[outcome]);
  if (spec.code !== undefined && !isExampleCode(spec.code)) parts.push('edited code');
  return parts.join(' · ');
}
