/**
 * In the status bar, once a run has finished: whether the machine was busy
 * during it (what was measured is in the tooltip), so its times are not
 * taken for a lesson.
 */
import { busyNoticeOf, busySentences, busyShortText, serialReferences } from '../../../shared/busy-machine';
import { runTiming } from '../../../shared/run-stats';
import { useHistory } from '../app/hooks';
import type { RunSession } from '../run/run-session';

export function BusyStatus({ session }: { session: RunSession }) {
  const history = useHistory();
  const { model } = session;
  if (session.phase !== 'finished' || !model.finish || !model.spec) return null;
  const notice = busyNoticeOf({ spec: model.spec, timing: runTiming(model) }, serialReferences(history.runs));
  if (!notice) return null;
  return (
    <div
      className="statusbar__item statusbar__busy"
      data-testid="status-busy"
      title={busySentences(notice).join(' ')}
    >
      <span aria-hidden="true">⚠ </span>
      Busy machine
      <span className="visually-hidden">
        {' '}
        ({busyShortText(notice)}). {busySentences(notice).join(' ')}
      </span>
    </div>
  );
}
