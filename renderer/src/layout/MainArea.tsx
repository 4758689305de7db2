/**
 * Everything right of the side bar: the playground (editor column and
 * output column, resizable) and, in front of it when open, the comparison
 * or the sweep page. The playground stays mounted behind a page (the editor
 * keeps its undo history), hidden from view and from assistive technology.
 */
import { Group, Panel, Separator } from 'react-resizable-panels';
import { ComparePage } from '../compare/ComparePage';
import { usePages } from '../app/hooks';
import { SweepPage } from '../sweep/SweepPage';
import { EditorColumn } from './EditorColumn';
import { OutputColumn } from './OutputColumn';
import { PageTabs } from './PageTabs';
import { usePaneLayout } from './use-pane-layout';

const IDS = ['panel-editor', 'panel-output'] as const;

export function MainArea({ onEditorReady }: { onEditorReady(): void }) {
  const pages = usePages();
  const { defaultLayout, onLayoutChanged } = usePaneLayout('playground', IDS);
  const behind = pages.active !== null;
  return (
    <div className="main-area">
      <PageTabs />
      <div className="main-area__stack">
        <div
          className="main-area__playground"
          data-behind={behind ? 'true' : undefined}
          inert={behind}
          aria-hidden={behind || undefined}
        >
          <Group
            orientation="horizontal"
            id="group-playground"
            defaultLayout={defaultLayout}
            onLayoutChanged={onLayoutChanged}
          >
            <Panel id="panel-editor" minSize="22%" defaultSize="44%">
              <EditorColumn onEditorReady={onEditorReady} />
            </Panel>
            <Separator
              className="separator separator--vertical separator--editor"
              aria-label="Resize the editor and the output"
            />
            <Panel id="panel-output" minSize="28%" defaultSize="56%">
              <OutputColumn />
            </Panel>
          </Group>
        </div>
        {pages.open.includes('compare') && (
          <div className="main-area__page" hidden={pages.active !== 'compare'}>
            <ComparePage />
          </div>
        )}
        {pages.open.includes('sweep') && (
          <div className="main-area__page" hidden={pages.active !== 'sweep'}>
            <SweepPage />
          </div>
        )}
      </div>
    </div>
  );
}
