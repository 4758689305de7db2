/**
 * The serial baseline of a run: the same spec in mode 'serial' (one call
 * after another in a single process, like Python's built-in map). From a
 * history item it then opens the comparison of the run and its baseline.
 */
import type { SavedRunSummary } from '../../../shared/api';
import type { RunSpec } from '../../../shared/run-spec';
import type { AppStores } from '../app/app-context';

export function baselineName(spec: Pick<RunSpec, 'fn'> & Partial<Pick<RunSpec, 'language'>>): string {
  return `${spec.fn} · serial baseline${spec.language === 'python' ? ' · Python' : ''}`;
}

/** Run the serial baseline of `spec`; its run id, or null when it did not start. */
export function runSerialBaseline(
  stores: Pick<AppStores, 'controller'>,
  spec: RunSpec,
): Promise<string | null> {
  return stores.controller.runSpec({ ...spec, mode: 'serial' }, { name: baselineName(spec) });
}

/** Run the baseline of a saved run, then compare the two. */
export async function baselineAndCompare(
  stores: Pick<AppStores, 'controller' | 'session' | 'history' | 'pages'>,
  run: SavedRunSummary,
): Promise<void> {
  const id = await runSerialBaseline(stores, run.spec);
  if (id === null) return;
  const end = await stores.session.whenFinished(id);
  if (end !== 'ok') return;
  await stores.history.refresh();
  stores.history.select([run.id, id]);
  stores.pages.show('compare');
}
