/** Right column: the timeline on top, the terminal below (the timeline gets most of it when presenting). */
import { useEffect, useRef } from 'react';
import { Group, Panel, Separator, useGroupRef } from 'react-resizable-panels';
import { TerminalPane } from '../terminal/TerminalPane';
import { TimelinePane } from '../timeline/TimelinePane';
import { usePaneLayout } from './use-pane-layout';
import { usePresenter } from './presenter';

/** The timeline's share of the column in the presenter layout (percent). */
const PRESENTER_TIMELINE = 72;

const IDS = ['panel-timeline', 'panel-terminal'] as const;

export function OutputColumn() {
  const { defaultLayout, onLayoutChanged } = usePaneLayout('output', IDS);
  const groupRef = useGroupRef();
  const presenter = usePresenter();
  const before = useRef<Record<string, number> | null>(null);
  useEffect(() => {
    const group = groupRef.current;
    if (!group) return;
    if (presenter) {
      before.current ??= group.getLayout();
      group.setLayout({ 'panel-timeline': PRESENTER_TIMELINE, 'panel-terminal': 100 - PRESENTER_TIMELINE });
    } else if (before.current) {
      group.setLayout(before.current);
      before.current = null;
    }
  }, [presenter, groupRef]);
  return (
    <Group
      groupRef={groupRef}
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
