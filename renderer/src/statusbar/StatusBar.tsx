/**
 * The status bar: the run's state and outcome, workers alive and busy, tasks
 * queued, running and done, a progress bar, the elapsed time (live), whether
 * the workspace is saved, and which host this is.
 */
import { formatSeconds } from '../../../shared/timeline-scale';
import { useApp } from '../app/app-context';
import { useRunSession, useSaveState } from '../app/hooks';
import type { SaveState } from '../workspace/workspace-store';
import { useNow } from '../timeline/use-now';
import { BusyStatus } from '../compare/BusyStatus';
import { runStatus } from './outcome';

export function StatusBar() {
  const { host } = useApp();
  const session = useRunSession();
  const save = useSaveState();
  const running = session.phase === 'running';
  const elapsed = useNow(running && !session.measuring, () => session.nowMs());
  const model = session.model;
  const counts = model.counts();
  const status = runStatus(session);
  const total = counts.total || model.tasks.length;
  const settled = counts.done + counts.failed + counts.cancelled;
  const hasRun = session.phase !== 'idle' && session.runId !== null;

  return (
    <footer className="statusbar" data-tone={status.tone} aria-label="Status">
      <div className="statusbar__item statusbar__state" data-testid="run-status" role="status">
        <span className="statusbar__dot" aria-hidden="true" />
        <strong data-testid="run-outcome">{status.text}</strong>
        {status.detail && (
          <span
            className="statusbar__detail"
            title={status.full ?? status.detail}
            data-testid="run-outcome-detail"
          >
            {status.detail}
          </span>
        )}
      </div>
      {hasRun && (
        <>
          <div className="statusbar__item" data-testid="status-workers">
            Workers: {counts.workersAlive} alive · {counts.workersBusy} busy
          </div>
          <div className="statusbar__item" data-testid="status-tasks">
            Tasks: {counts.queued} queued · {counts.running} running · {counts.done} done
            {counts.failed > 0 ? ` · ${counts.failed} failed` : ''}
            {counts.cancelled > 0 ? ` · ${counts.cancelled} cancelled` : ''}
          </div>
          <div className="statusbar__item statusbar__progress">
            <progress
              max={Math.max(1, total)}
              value={settled}
              aria-label={`Progress: ${settled} of ${total} tasks finished`}
              data-testid="status-progress"
            />
            <span>
              {settled}/{total}
            </span>
          </div>
          <div className="statusbar__item" data-testid="status-elapsed">
            Elapsed {formatSeconds(elapsed)}
          </div>
          <BusyStatus session={session} />
        </>
      )}
      <div className="statusbar__spacer" />
      <div
        className="statusbar__item"
        data-testid="save-state"
        data-tone={save.kind === 'failed' ? 'error' : undefined}
        title={save.kind === 'failed' ? save.message : undefined}
      >
        {save.kind === 'pending' ? 'Saving…' : save.kind === 'failed' ? notSavedText(save) : 'Saved'}
      </div>
      <div className="statusbar__item" data-testid="host-kind">
        {host
          ? `${host.kind === 'electron' ? 'Electron' : 'Browser'} · ${host.cpus} CPU${host.cpus === 1 ? '' : 's'}`
          : 'Host unknown'}
      </div>
    </footer>
  );
}

function notSavedText(save: Extract<SaveState, { kind: 'failed' }>): string {
  const where = save.keptLocally ? ' (kept in this browser)' : '';
  return save.fix
    ? `Not saved: ${save.fix}${where}`
    : save.keptLocally
      ? `Not saved to the host${where}`
      : 'Not saved';
}
