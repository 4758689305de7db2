/**
 * The whole window, VS Code style: title bar, run bar, problems, then the
 * activity bar and resizable panes (side bar, editor column, output column),
 * and the status bar. The side bar is where further views (run history,
 * comparison) plug in through `SIDE_VIEWS`.
 */
import { useState } from 'react';
import { Group, Panel, Separator, usePanelRef } from 'react-resizable-panels';
import { ExamplesIcon } from '../common/icons';
import { ExamplesDialog } from '../gallery/ExamplesDialog';
import { ExamplesSideView } from '../gallery/ExamplesSideView';
import { ProblemsStrip } from '../problems/ProblemsStrip';
import { RunBar } from '../runbar/RunBar';
import { StatusBar } from '../statusbar/StatusBar';
import type { SideView } from './activity';
import { ActivityBar } from './ActivityBar';
import { EditorColumn } from './EditorColumn';
import { OutputColumn } from './OutputColumn';
import { SideBar } from './SideBar';
import { TopBar } from './TopBar';
import { usePaneLayout } from './use-pane-layout';

const SIDE_VIEWS: readonly SideView[] = [
  { id: 'examples', label: 'Examples', icon: ExamplesIcon, panel: ExamplesSideView },
];

const IDS = ['panel-side', 'panel-editor', 'panel-output'] as const;

export function Workbench({ onEditorReady }: { onEditorReady(): void }) {
  const [examplesOpen, setExamplesOpen] = useState(false);
  const [sideView, setSideView] = useState<string | null>(null);
  const sideRef = usePanelRef();
  const { defaultLayout, onLayoutChanged } = usePaneLayout('main', IDS);

  const toggleSide = (id: string | null): void => {
    const next = id === sideView ? null : id;
    setSideView(next);
    const panel = sideRef.current;
    if (!panel) return;
    if (next === null) panel.collapse();
    else if (panel.isCollapsed()) panel.expand();
  };

  return (
    <div className="app">
      <TopBar onOpenExamples={() => setExamplesOpen(true)} />
      <RunBar />
      <ProblemsStrip />
      <div className="workbench">
        <ActivityBar views={SIDE_VIEWS} active={sideView} onToggle={toggleSide} />
        <Group
          orientation="horizontal"
          id="group-main"
          className="workbench__panes"
          defaultLayout={defaultLayout}
          onLayoutChanged={onLayoutChanged}
        >
          <Panel
            id="panel-side"
            panelRef={sideRef}
            collapsible
            collapsedSize={0}
            minSize="17rem"
            maxSize="35%"
            defaultSize="0%"
            onResize={(size) => {
              if (size.inPixels < 1 && sideView !== null) setSideView(null);
              if (size.inPixels >= 1 && sideView === null) setSideView(SIDE_VIEWS[0]!.id);
            }}
          >
            <SideBar
              view={SIDE_VIEWS.find((v) => v.id === sideView) ?? null}
              onClose={() => toggleSide(null)}
            />
          </Panel>
          <Separator className="separator separator--vertical" aria-label="Resize the side bar" />
          <Panel id="panel-editor" minSize="22%" defaultSize="44%">
            <EditorColumn onEditorReady={onEditorReady} />
          </Panel>
          <Separator
            className="separator separator--vertical"
            aria-label="Resize the editor and the output"
          />
          <Panel id="panel-output" minSize="28%" defaultSize="56%">
            <OutputColumn />
          </Panel>
        </Group>
      </div>
      <StatusBar />
      <ExamplesDialog open={examplesOpen} onClose={() => setExamplesOpen(false)} />
    </div>
  );
}
