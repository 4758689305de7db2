/** Hooks that subscribe a component to one store of the app. */
import { useSyncExternalStore } from 'react';
import type { Workspace } from '../../../shared/api';
import { useApp } from './app-context';
import type { RunSession } from './run-session';
import { useStoreVersion } from './use-store';
import type { SaveState } from './workspace-store';

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
