/**
 * The runs being compared: those ticked in the history, oldest first,
 * fetched (with their models) from the host as needed.
 */
import { useEffect } from 'react';
import type { SavedRunSummary } from '../../../shared/api';
import type { RunModel } from '../../../shared/run-model';
import { useApp } from '../app/app-context';
import { useHistory } from '../app/hooks';
import { useStoreVersion } from '../store/use-store';

export interface ComparedRun {
  summary: SavedRunSummary;
  model: RunModel;
}

export function useComparedRuns(): { runs: ComparedRun[]; waiting: number } {
  const { runs: cache } = useApp();
  const history = useHistory();
  useStoreVersion(cache);
  const summaries = history.selected
    .map((id) => history.byId(id))
    .filter((s): s is SavedRunSummary => s !== undefined)
    .sort((a, b) => a.createdAt - b.createdAt);
  const key = summaries.map((s) => s.id).join(',');
  useEffect(() => {
    if (key !== '') cache.want(key.split(','));
  }, [cache, key]);
  const runs: ComparedRun[] = [];
  let waiting = 0;
  for (const summary of summaries) {
    const loaded = cache.peek(summary.id);
    if (loaded) runs.push({ summary, model: loaded.model });
    else if (!cache.failed(summary.id)) waiting++;
  }
  return { runs, waiting };
}
