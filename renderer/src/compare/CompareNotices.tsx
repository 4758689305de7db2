/**
 * Above the comparison: what in its measurements is noise rather than a
 * lesson — the runs made on a busy machine (with what was measured) and the
 * figures that cannot be true of the pool — and the runs that did other
 * work than the baseline, whose "speedup" is only a ratio of wall times.
 */
import { busyShortText, SLOWER_TASKS_LIMIT } from '../../../shared/busy-machine';
import type { Comparison, CompareSet } from '../../../shared/compare';
import { noiseText } from '../../../shared/noise-flags';

interface Props {
  comparison: Comparison;
  runName(id: string): string;
  setLabel(set: CompareSet): string;
}

export function CompareNotices({ comparison, runName, setLabel }: Props) {
  const busy = comparison.rows.filter((r) => r.busy !== null);
  const noisy = comparison.sets.filter((s) => s.noise.length > 0);
  const other = comparison.sets.filter((s) => s.otherWork.length > 0);
  const base = comparison.sets.find((s) => s.isBaseline);
  if (busy.length === 0 && noisy.length === 0 && other.length === 0) return null;
  const slower = Math.round((SLOWER_TASKS_LIMIT - 1) * 100);
  return (
    <div className="compare__notices" role="note" data-testid="compare-notices">
      {busy.length > 0 && (
        <div className="measure-notice" data-testid="compare-busy-notice">
          <strong>
            Busy machine during {busy.length} of {comparison.rows.length} run
            {comparison.rows.length === 1 ? '' : 's'}
          </strong>
          <ul>
            {busy.map((r) => (
              <li key={r.id}>
                {runName(r.id)}: {busyShortText(r.busy!)}
              </li>
            ))}
          </ul>
          <p>
            Their times are noise, not a result: compare medians of repeated runs, or run again when the
            machine is quieter.
          </p>
          <details>
            <summary>What counts as busy</summary>
            <p>
              A 1-minute load average above the CPU count when a run started: more processes wanted a CPU than
              there were. Tasks more than {slower} % slower inside the workers than in the serial baseline of
              the same work: something else used the CPUs. Judged only for runs with no more workers than
              CPUs: past that, the workers share CPUs and slower tasks are the lesson.
            </p>
          </details>
        </div>
      )}
      {noisy.map((set) => (
        <div key={set.key} className="measure-notice" data-testid="compare-noise-notice">
          <strong>Noise, not a result: {setLabel(set)}</strong>
          {set.noise.map((flag) => (
            <p key={flag.kind}>{noiseText(flag)}</p>
          ))}
        </div>
      ))}
      {other.length > 0 && base && (
        <div className="measure-notice" data-testid="compare-different-work">
          <strong>Not the same work as the baseline ({setLabel(base)})</strong>
          <ul>
            {other.map((set) => (
              <li key={set.key}>
                {setLabel(set)}: {set.otherWork.join('; ')}
              </li>
            ))}
          </ul>
          <p>{differentWorkText(other.length, base)}</p>
        </div>
      )}
    </div>
  );
}

/** Why a speedup against other work is only a ratio of wall times (a whole program's pools are in its code). */
function differentWorkText(count: number, base: CompareSet): string {
  if (base.spec.kind === 'program') {
    return 'A program sets its pools in its code: where only those settings changed (max_workers…), the ratio of wall times is what they bought; where the work changed too, it compares different work.';
  }
  return `So ${count === 1 ? 'its' : 'their'} speedup is only how the wall times compare, not what the pool's settings bought. To measure that, run the same code and inputs with other settings.`;
}
