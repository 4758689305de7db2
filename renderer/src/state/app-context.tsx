/**
 * The app's stores, made once at start and shared through context: the
 * workspace, the run on screen, the problems, the code check, the host,
 * the run history (and saved runs reopened or compared), notices about the
 * saved data, pages and sweeps.
 */
import { createContext, useContext } from 'react';
import type { HostInfo, PlaygroundApi } from '../../../shared/api';
import type { CodeCheckStore } from './code-check-store';
import type { DraftErrors } from './draft-errors';
import type { HistoryStore } from './history-store';
import type { NoticesStore } from './notices-store';
import type { PagesStore } from './pages-store';
import type { RunCache } from './run-cache';
import type { RunViewer } from './run-viewer';
import type { SweepStore } from './sweep-store';
import type { ProblemsStore } from './problems-store';
import type { RunController } from './run-controller';
import type { RunSession } from './run-session';
import type { WorkspaceStore } from './workspace-store';
import type { TerminalStore } from '../terminal/terminal-store';

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
}

export const AppContext = createContext<AppStores | null>(null);

export function useApp(): AppStores {
  const stores = useContext(AppContext);
  if (!stores) throw new Error('useApp() outside <AppContext>');
  return stores;
}
