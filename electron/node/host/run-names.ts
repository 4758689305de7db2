/**
 * The name a run gets in the history when nobody named it: its settings in
 * short; for a whole program (which has no settings to speak of), what it
 * did — the functions it ran and on how many processes or threads.
 */
import type { RunEvent } from '../../../shared/run-events';
import type { RunSpec } from '../../../shared/run-spec';

export function defaultRunName(spec: RunSpec, events: readonly RunEvent[]): string {
  if (spec.kind === 'program') return programRunName(spec, events);
  const language = spec.language === 'python' ? ' · Python' : '';
  if (spec.mode === 'serial') return `${spec.fn} · serial baseline${language}`;
  const workers = `${spec.maxWorkers} worker${spec.maxWorkers === 1 ? '' : 's'}`;
  const chunk = spec.mode === 'map' && spec.chunksize > 1 ? ` · chunksize ${spec.chunksize}` : '';
  return `${spec.fn} · ${spec.mode} · ${workers}${chunk}${language}`;
}

/** "main.py · squere · 3 processes", "main.py · count_primes · 2 threads", "main.ts · nothing traced". */
function programRunName(spec: RunSpec, events: readonly RunEvent[]): string {
  const file = spec.language === 'python' ? 'main.py' : 'main.ts';
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
    processes.size > 0 ? `${processes.size} process${processes.size === 1 ? '' : 'es'}` : '',
    threads > 0 ? `${threads} thread${threads === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return [file, what, ...on].join(' · ');
}
