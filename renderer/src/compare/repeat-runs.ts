/**
 * Run × N: the current settings run N times, one after another (each a real
 * run in the History, grouped with its siblings), then the comparison opens
 * on them — with the latest serial baseline of the same work, if there is
 * one, so the speedup has something to stand on.
 */
import type { SavedRunSummary } from '../../../shared/api';
import { workKey } from '../../../shared/busy-machine';
import type { RunSpec } from '../../../shared/run-spec';
import type { AppStores } from '../app/app-context';

/** The most Run × N will do at once. */
export const MAX_RUN_REPEATS = 20;
export const DEFAULT_RUN_REPEATS = 3;

/**
 * The latest serial baseline of the work `spec` does, from the history
 * (newest first): with its repeats when it was run several times.
 */
export function latestSerialBaseline(runs: readonly SavedRunSummary[], spec: RunSpec): string[] {
  const work = workKey(spec);
  const latest = runs.find((r) => r.spec.mode === 'serial' && r.outcome === 'ok' && workKey(r.spec) === work);
  if (!latest) return [];
  const group = latest.meta.group;
  if (!group) return [latest.id];
  return runs.filter((r) => r.meta.group === group && r.outcome === 'ok').map((r) => r.id);
}

export async function runRepeats(
  stores: Pick<AppStores, 'controller' | 'sweeps' | 'history' | 'pages'>,
  times: number,
): Promise<void> {
  const { controller, sweeps, history, pages } = stores;
  if (sweeps.running) return;
  const spec = await controller.currentSpec();
  if (!spec) return;
  const group = await sweeps.start({ kind: 'repeat', values: [spec.maxWorkers], repeats: times, spec });
  if (group === null || sweeps.state?.group !== group || sweeps.state.status !== 'done') return;
  await history.refresh();
  const repeats = history.group(group).map((r) => r.id);
  const baseline = spec.mode === 'serial' ? [] : latestSerialBaseline(history.runs, spec);
  history.select([...baseline, ...repeats]);
  pages.show('compare');
}
