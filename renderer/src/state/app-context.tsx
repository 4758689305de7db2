/**
 * The app's stores, made once at start and shared through context: the
 * workspace, the run on screen, the problems, the code check, and the host.
 */
import { createContext, useContext } from 'react';
import type { HostInfo, PlaygroundApi } from '../../../shared/api';
import type { CodeCheckStore } from './code-check-store';
import type { DraftErrors } from './draft-errors';
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
}

export const AppContext = createContext<AppStores | null>(null);

export function useApp(): AppStores {
  const stores = useContext(AppContext);
  if (!stores) throw new Error('useApp() outside <AppContext>');
  return stores;
}
