/**
 * The app's stores, made once at start and shared through context: the
 * workspace, the run on screen, the problems, the code check, the host,
 * the run history (and saved runs reopened or compared), notices about the
 * saved data, pages, sweeps and shared files.
 */
import { createContext, useContext } from 'react';
import type { HostInfo, PlaygroundApi } from '../../../shared/api';
import type { CodeCheckStore } from '../editor/code-check-store';
import type { DraftErrors } from '../runbar/draft-errors';
import type { HistoryStore } from '../history/history-store';
import type { NoticesStore } from '../notices/notices-store';
import type { PagesStore } from '../layout/pages-store';
import type { RunCache } from '../run/run-cache';
import type { RunViewer } from '../run/run-viewer';
import type { SweepStore } from '../sweep/sweep-store';
import type { ProblemsStore } from '../problems/problems-store';
import type { RunController } from '../run/run-controller';
import type { RunSession } from '../run/run-session';
import type { WorkspaceStore } from '../workspace/workspace-store';
import type { TerminalStore } from '../terminal/terminal-store';
import type { ShareStore } from '../share/share-store';

export interface AppStores {
  api: PlaygroundApi;
  host: HostInfo | null;
  workspace: WorkspaceStore;
  session: RunSession;
  problems: ProblemsStore;
  drafts: DraftErrors;
  codeCheck: CodeCheckStore;
  controller: RunController;
  terminal: TerminalStore;
  history: HistoryStore;
  notices: NoticesStore;
  runs: RunCache;
  viewer: RunViewer;
  pages: PagesStore;
  sweeps: SweepStore;
  share: ShareStore;
}

export const AppContext = createContext<AppStores | null>(null);

export function useApp(): AppStores {
  const stores = useContext(AppContext);
  if (!stores) throw new Error('useApp() outside <AppContext>');
  return stores;
}
