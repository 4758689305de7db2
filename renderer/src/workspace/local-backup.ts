/**
 * A copy of the workspace in this browser's storage: if the host crashes or
 * the connection drops, the code is still here on the next start. Storage
 * can be full, disabled or blocked; that must never break the app.
 */
import type { Workspace } from '../../../shared/api';

const KEY = 'pool-playground.workspace.v1';

export function readLocalWorkspace(): unknown {
  try {
    const text = window.localStorage.getItem(KEY);
    return text === null ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

export function writeLocalWorkspace(workspace: Workspace): boolean {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(workspace));
    return true;
  } catch {
    return false;
  }
}

/** `savedAt` of a stored value, or -1 when it has none. */
export function savedAtOf(value: unknown): number {
  if (value && typeof value === 'object' && 'savedAt' in value) {
    const savedAt = (value as { savedAt: unknown }).savedAt;
    if (typeof savedAt === 'number' && Number.isFinite(savedAt)) return savedAt;
  }
  return -1;
}
