/** Hooks that subscribe a component to one store of the app. */
import { useSyncExternalStore } from 'react';
import type { Workspace } from '../../../shared/api';
import { useApp, type AppStores } from './app-context';
import type { TerminalStore } from '../terminal/terminal-store';
import type { HistoryStore } from '../history/history-store';
import type { PagesStore } from '../layout/pages-store';
import type { RunSession } from '../run/run-session';
import type { RunViewer, SavedView, ShownRun } from '../run/run-viewer';
import type { SweepStore } from '../sweep/sweep-store';
import { useStoreVersion, type VersionedStore } from '../store/use-store';
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
export const useLanguage = (): Workspace['spec']['language'] => useWorkspaceValue((ws) => ws.spec.language);
export const useCodeKind = (): Workspace['spec']['kind'] => useWorkspaceValue((ws) => ws.spec.kind);
export const usePythonSetting = (): string | null => useWorkspaceValue((ws) => ws.python);
export const useExampleId = (): string | null => useWorkspaceValue((ws) => ws.exampleId);

export function useSaveState(): SaveState {
  const { workspace } = useApp();
  useSyncExternalStore(workspace.subscribeSave, workspace.getSaveVersion);
  return workspace.saveState;
}

/** The stores a component can follow (those with a version). */
type Followable = {
  [K in keyof AppStores]: AppStores[K] extends VersionedStore ? K : never;
}[keyof AppStores];

/** One of the app's stores; the component re-renders when it changes (at most once a frame). */
export function useStore<K extends Followable>(key: K): AppStores[K] {
  const store = useApp()[key];
  useStoreVersion(store);
  return store;
}

export const useRunSession = (): RunSession => useStore('session');

/** The live run's phase only: re-renders when a run starts or ends, not on each of its events. */
export function useRunPhase(): RunSession['phase'] {
  const { session } = useApp();
  return useSyncExternalStore(session.subscribe, () => session.phase);
}
export const useHistory = (): HistoryStore => useStore('history');
export const usePages = (): PagesStore => useStore('pages');
export const useSweeps = (): SweepStore => useStore('sweeps');

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
  const replay = viewer.replay;
  useStoreVersion(replay ?? viewer);
  return {
    run: replay ?? saved ?? session,
    saved,
    terminal: replay ? replay.terminal : saved ? saved.terminal : terminal,
    viewer,
  };
}

/** The reopened run, or null (only re-renders when a run is reopened or closed, not on every frame of a live one). */
export function useSavedRun(): SavedView | null {
  const { viewer } = useApp();
  useStoreVersion(viewer);
  return viewer.saved;
}

/** The terminal of the shown run (only re-renders when a run is reopened or closed). */
export function useShownTerminal(): TerminalStore {
  const { viewer, terminal } = useApp();
  useStoreVersion(viewer);
  useStoreVersion(viewer.replay ?? viewer);
  if (viewer.replay) return viewer.replay.terminal;
  return viewer.saved ? viewer.saved.terminal : terminal;
}
