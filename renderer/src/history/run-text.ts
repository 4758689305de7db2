/** Words for a saved run: its settings in short, when it ran, how it ended. */
import type { RunOutcome } from '../../../shared/run-events';
import type { RunSpec } from '../../../shared/run-spec';
import { formatSeconds } from '../../../shared/timeline-scale';

type SpecLike = Pick<RunSpec, 'fn' | 'mode' | 'maxWorkers' | 'chunksize'> &
  Partial<Pick<RunSpec, 'language' | 'kind'>>;

/** The name the host gives a run nobody named (the same words: shared/run-name.ts). */
export { runName as defaultRunName } from '../../../shared/run-name';

/** `map · 3 workers · chunksize 4`, `serial · 1 process`, `whole program · Python`. */
export function specSummary(spec: SpecLike): string {
  if (spec.kind === 'program')
    return `whole program · ${spec.language === 'python' ? 'Python' : 'TypeScript'}`;
  if (spec.mode === 'serial') return 'serial · 1 process';
  const workers = `${spec.maxWorkers} worker${spec.maxWorkers === 1 ? '' : 's'}`;
  return spec.mode === 'map' ? `map · ${workers} · chunksize ${spec.chunksize}` : `${spec.mode} · ${workers}`;
}

export function outcomeText(outcome: RunOutcome | 'running', wallMs: number | null): string {
  const wall = wallMs !== null ? formatSeconds(wallMs) : '–';
  switch (outcome) {
    case 'ok':
      return wall;
    case 'stopped':
      return `stopped · ${wall}`;
    case 'error':
      return `failed · ${wall}`;
    case 'broken':
      return `broken pool · ${wall}`;
    case 'timeout':
      return `timed out · ${wall}`;
    case 'running':
      return 'running';
  }
}

/** `just now`, `5 min ago`, `3 h ago`, else the date. */
export function whenText(at: number, now = Date.now()): string {
  const s = Math.round((now - at) / 1000);
  if (s < 45) return 'just now';
  if (s < 3600) return `${Math.max(1, Math.round(s / 60))} min ago`;
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`;
  return new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

export function fullDate(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}
