/** Right column: the timeline on top, the terminal below. */
import { Group, Panel, Separator } from 'react-resizable-panels';
import { TerminalPane } from '../terminal/TerminalPane';
import { TimelinePane } from '../timeline/TimelinePane';
import { usePaneLayout } from './use-pane-layout';

const IDS = ['panel-timeline', 'panel-terminal'] as const;

export function OutputColumn() {
  const { defaultLayout, onLayoutChanged } = usePaneLayout('output', IDS);
  return (
    <Group
      orientation="vertical"
      id="group-output"
      defaultLayout={defaultLayout}
      onLayoutChanged={onLayoutChanged}
    >
      <Panel id="panel-timeline" minSize="20%" defaultSize="62%">
        <TimelinePane />
      </Panel>
      <Separator
        className="separator separator--horizontal"
        aria-label="Resize the timeline and the terminal"
      />
      <Panel id="panel-terminal" minSize="12%" defaultSize="38%">
        <TerminalPane />
      </Panel>
    </Group>
  );
}
