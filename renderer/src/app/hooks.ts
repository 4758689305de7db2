/** Hooks that subscribe a component to one store of the app. */
import { useSyncExternalStore } from 'react';
import type { Workspace } from '../../../shared/api';
import { useApp } from './app-context';
import type { TerminalStore } from '../terminal/terminal-store';
import type { HistoryStore } from '../history/history-store';
import type { PagesStore } from '../layout/pages-store';
import type { RunSession } from '../run/run-session';
import type { RunViewer, SavedView, ShownRun } from '../run/run-viewer';
import type { SweepStore } from '../sweep/sweep-store';
import { useStoreVersion } from '../store/use-store';
import type { SaveState } from '../workspace/workspace-store';

/**
 * One part of the workspace; the component re-renders only when that part
 * changes. The selector must return a primitive or a part of the workspace
 * object as is (its parts are replaced, never mutated).
 */
export function useWorkspaceValue<T>(select: (workspace: Workspace) => T): T {
  const { workspace } = useApp();
  return useSyncExternalStore(workspace.subscribe, () => select(workspace.state));
}

export const useTheme = (): Workspace['theme'] => useWorkspaceValue((ws) => ws.theme);
export const useSpec = (): Workspace['spec'] => useWorkspaceValue((ws) => ws.spec);
export const useCode = (): string => useWorkspaceValue((ws) => ws.code);
export const useExampleId = (): string | null => useWorkspaceValue((ws) => ws.exampleId);

export function useSaveState(): SaveState {
  const { workspace } = useApp();
  useSyncExternalStore(workspace.subscribeSave, workspace.getSaveVersion);
  return workspace.saveState;
}

/** The run session; the component re-renders (at most once a frame) when the run changes. */
export function useRunSession(): RunSession {
  const { session } = useApp();
  useStoreVersion(session);
  return session;
}

/** The run history; re-renders when it changes. */
export function useHistory(): HistoryStore {
  const { history } = useApp();
  useStoreVersion(history);
  return history;
}

export function usePages(): PagesStore {
  const { pages } = useApp();
  useStoreVersion(pages);
  return pages;
}

export function useSweeps(): SweepStore {
  const { sweeps } = useApp();
  useStoreVersion(sweeps);
  return sweeps;
}

export interface Shown {
  /** What the run views draw: the reopened run, else the live one. */
  run: ShownRun;
  /** The reopened run, when one is shown. */
  saved: SavedView | null;
  terminal: TerminalStore;
  viewer: RunViewer;
}

/** The run the timeline, terminal and exports show; re-renders with it. */
export function useShownRun(): Shown {
  const { viewer, terminal } = useApp();
  const session = useRunSession();
  useStoreVersion(viewer);
  const saved = viewer.saved;
  return { run: saved ?? session, saved, terminal: saved ? saved.terminal : terminal, viewer };
}

/** The terminal of the shown run (only re-renders when a run is reopened or closed). */
export function useShownTerminal(): TerminalStore {
  const { viewer, terminal } = useApp();
  useStoreVersion(viewer);
  return viewer.saved ? viewer.saved.terminal : terminal;
}
