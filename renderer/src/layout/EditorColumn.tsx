/** Left column: the lesson, then the editor, and the equivalent program below (collapsible). */
import { useState } from 'react';
import { Group, Panel, Separator, usePanelRef } from 'react-resizable-panels';
import { EditorPane } from '../editor/EditorPane';
import { LessonPanel } from '../gallery/LessonPanel';
import { ProgramPane } from '../program/ProgramPane';
import { usePaneLayout } from './use-pane-layout';

const IDS = ['panel-code', 'panel-program'] as const;

export function EditorColumn({ onEditorReady }: { onEditorReady(): void }) {
  const { defaultLayout, onLayoutChanged } = usePaneLayout('editor-column', IDS);
  const programRef = usePanelRef();
  const [collapsed, setCollapsed] = useState(false);
  return (
    <div className="editor-column">
      <LessonPanel />
      <div className="editor-column__panes">
        <Group
          orientation="vertical"
          id="group-editor-column"
          defaultLayout={defaultLayout}
          onLayoutChanged={onLayoutChanged}
        >
          <Panel id="panel-code" minSize="25%" defaultSize="64%">
            <EditorPane onReady={onEditorReady} />
          </Panel>
          <Separator
            className="separator separator--horizontal"
            aria-label="Resize the editor and the equivalent program"
          />
          <Panel
            id="panel-program"
            panelRef={programRef}
            collapsible
            collapsedSize="2.6rem"
            minSize="18%"
            defaultSize="36%"
            onResize={() => setCollapsed(programRef.current?.isCollapsed() ?? false)}
          >
            <ProgramPane
              collapsed={collapsed}
              onToggle={() => {
                const panel = programRef.current;
                if (!panel) return;
                if (panel.isCollapsed()) panel.expand();
                else panel.collapse();
              }}
            />
          </Panel>
        </Group>
      </div>
    </div>
  );
}
