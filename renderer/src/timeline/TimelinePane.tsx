/** The timeline panel: header (counts and legend), the example's hint, the timeline. */
import { useRunSession } from '../state/hooks';
import { PanelHeader } from '../layout/PanelHeader';
import { Legend } from './Legend';
import { LookFor } from './LookFor';
import { Timeline } from './Timeline';

export function TimelinePane() {
  const session = useRunSession();
  const model = session.model;
  const processes = model.workers.length;
  const detail =
    model.tasks.length > 0 || processes > 0
      ? `${processes} process${processes === 1 ? '' : 'es'} · ${model.taskCount || model.tasks.length} task${
          (model.taskCount || model.tasks.length) === 1 ? '' : 's'
        }`
      : null;
  return (
    <section className="pane timeline-pane" aria-label="Timeline">
      <PanelHeader title="Timeline" detail={detail} />
      <LookFor />
      <div className="pane__body timeline-body">
        <Timeline legend={<Legend />} />
      </div>
    </section>
  );
}
