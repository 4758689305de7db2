/** The app once started: stores in context, theme and shortcuts applied, the workbench. */
import { use, useState, useSyncExternalStore } from 'react';
import { Workbench } from '../layout/Workbench';
import { AppContext, type AppStores } from './app-context';
import { useGlobalShortcuts } from './use-global-shortcuts';
import { useDocumentTheme } from './use-theme';

export function App({ started }: { started: Promise<AppStores> }) {
  const stores = use(started);
  const theme = useSyncExternalStore(stores.workspace.subscribe, () => stores.workspace.state.theme);
  useDocumentTheme(theme);
  useGlobalShortcuts(stores.controller);
  const [editorReady, setEditorReady] = useState(false);
  return (
    <AppContext value={stores}>
      <Workbench onEditorReady={() => setEditorReady(true)} />
      {editorReady && <div data-testid="app-ready" hidden />}
    </AppContext>
  );
}
