/**
 * The name a run gets in the history when nobody names it: enough to tell
 * runs apart at a glance — the function and mode, then only what differs
 * from the defaults (workers, chunksize, max tasks per child, timeout, an
 * initializer, an early shutdown), how it ended when not well, and "edited
 * code" when its code is not an example's as shipped. A whole program has no
 * settings to speak of: its name says what it did — the functions it ran and
 * on how many processes or threads — once its log is known.
 */
import { isExampleCode } from './examples';
import type { RunEvent, RunOutcome } from './run-events';
import type { RunSpec } from './run-spec';
import { formatValue } from './format-value';

export type NamedSpec = Pick<
  RunSpec,
  'fn' | 'mode' | 'maxWorkers' | 'chunksize' | 'maxTasksPerChild' | 'timeoutSec' | 'initializer' | 'shutdown'
> &
  Partial<Pick<RunSpec, 'language' | 'kind'>> & {
    /** The task module; when given and not an example's, the name says "edited code". */
    code?: string;
  };

const OUTCOME_WORDS: Record<Exclude<RunOutcome, 'ok'>, string> = {
  error: 'failed',
  stopped: 'stopped',
  broken: 'broken pool',
  timeout: 'timed out',
};

const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;
const py = (value: boolean): string => (value ? 'True' : 'False');

export function runName(
  spec: NamedSpec,
  outcome?: RunOutcome | 'running' | null,
  /** The run's log, for a whole program's name. */
  events?: readonly RunEvent[],
): string {
  if (spec.kind === 'program') {
    const name = programRunName(spec.language === 'python' ? 'main.py' : 'main.ts', events);
    return outcome && outcome !== 'ok' && outcome !== 'running'
      ? `${name} · ${OUTCOME_WORDS[outcome]}`
      : name;
  }
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
  if (spec.language === 'python') parts.push('Python');
  if (spec.code !== undefined && !isExampleCode(spec.code)) parts.push('edited code');
  return parts.join(' · ');
}

/** "main.py · square · 3 processes", "main.py · count_primes · 2 threads", "main.ts · nothing traced". */
function programRunName(file: string, events: readonly RunEvent[] | undefined): string {
  if (!events) return `${file} · whole program`;
  const fns = [...new Set(events.flatMap((e) => (e.type === 'task-submitted' ? [e.fn] : [])))];
  const processes = new Set<number>();
  let threads = 0;
  for (const e of events) {
    if (e.type !== 'worker-spawned') continue;
    if (e.thread) threads++;
    else processes.add(e.pid);
  }
  if (fns.length === 0) return `${file} · nothing traced`;
  const what = fns.length <= 2 ? fns.join(', ') : `${fns.slice(0, 2).join(', ')}…`;
  const on = [
    processes.size > 0 ? plural(processes.size, 'process', 'processes') : '',
    threads > 0 ? plural(threads, 'thread') : '',
  ].filter(Boolean);
  return [file, what, ...on].join(' · ');
}
