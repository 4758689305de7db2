/**
 * The whole window, VS Code style: title bar, run bar, problems, notices
 * about the saved data, then the
 * activity bar and resizable panes (side bar; the main area with the editor
 * and output columns, or a comparison or sweep page in front), and the
 * status bar. Side bar views (examples, run history) plug in through
 * `SIDE_VIEWS`.
 */
import { useEffect, useState } from 'react';
import { Group, Panel, Separator, usePanelRef } from 'react-resizable-panels';
import { ExamplesIcon, HistoryIcon } from '../common/icons';
import { ExamplesDialog } from '../gallery/ExamplesDialog';
import { ExamplesSideView } from '../gallery/ExamplesSideView';
import { HistorySideView } from '../history/HistorySideView';
import { DataNotices } from '../notices/DataNotices';
import { useApp } from '../app/app-context';
import { useStore } from '../app/hooks';
import { ShareNotice } from '../share/ShareNotice';
import { fileDropHandlers } from '../share/use-file-drop';
import { ProblemsStrip } from '../problems/ProblemsStrip';
import { RunBar } from '../runbar/RunBar';
import { StatusBar } from '../statusbar/StatusBar';
import { SweepDialog } from '../sweep/SweepDialog';
import type { SideView } from './activity';
import { ActivityBar } from './ActivityBar';
import { MainArea } from './MainArea';
import { usePresenter } from './presenter';
import { SideBar } from './SideBar';
import { TopBar } from './TopBar';
import { usePaneLayout } from './use-pane-layout';

const SIDE_VIEWS: readonly SideView[] = [
  { id: 'examples', label: 'Examples', icon: ExamplesIcon, panel: ExamplesSideView },
  { id: 'history', label: 'History', icon: HistoryIcon, panel: HistorySideView },
];

const IDS = ['panel-side', 'panel-main'] as const;

export function Workbench({ onEditorReady }: { onEditorReady(): void }) {
  const [examplesOpen, setExamplesOpen] = useState(false);
  const [sideView, setSideView] = useState<string | null>(null);
  const sideRef = usePanelRef();
  const { defaultLayout, onLayoutChanged } = usePaneLayout('main', IDS);
  const presenter = usePresenter();
  // The presenter layout gives the room to the timeline and the terminal: the side bar closes.
  useEffect(() => {
    if (presenter) sideRef.current?.collapse();
  }, [presenter, sideRef]);
  const stores = useApp();
  const share = useStore('share');

  const toggleSide = (id: string | null): void => {
    const next = id === sideView ? null : id;
    setSideView(next);
    const panel = sideRef.current;
    if (!panel) return;
    if (next === null) panel.collapse();
    else if (panel.isCollapsed()) panel.expand();
  };

  return (
    <div className="app" data-presenter={presenter ? 'true' : undefined} {...fileDropHandlers(stores)}>
      <TopBar onOpenExamples={() => setExamplesOpen(true)} />
      <RunBar />
      <ProblemsStrip />
      <ShareNotice />
      <DataNotices />
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
          <Panel id="panel-main" minSize="50%" defaultSize="100%">
            <MainArea onEditorReady={onEditorReady} />
          </Panel>
        </Group>
      </div>
      <StatusBar />
      <ExamplesDialog open={examplesOpen} onClose={() => setExamplesOpen(false)} />
      <SweepDialog />
      {share.dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop a shared run, comparison or workspace to open it
        </div>
      )}
    </div>
  );
}
