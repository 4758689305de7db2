/**
 * Presenter layout: the timeline and the terminal get the screen (editor
 * and side bar out of the way, the run bar compact) for teaching on a
 * projector. A preference of this machine, kept in this browser's storage,
 * like the text size.
 */
import { useSyncExternalStore } from 'react';

const KEY = 'pool-playground.presenter';
const listeners = new Set<() => void>();
let presenter = read();

function read(): boolean {
  try {
    return window.localStorage.getItem(KEY) === 'true';
  } catch {
    return false;
  }
}

export function isPresenter(): boolean {
  return presenter;
}

export function setPresenter(on: boolean): void {
  if (on === presenter) return;
  presenter = on;
  try {
    window.localStorage.setItem(KEY, String(on));
  } catch {
    // Storage unavailable: the layout just is not remembered.
  }
  for (const listener of listeners) listener();
}

export function togglePresenter(): void {
  setPresenter(!presenter);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function usePresenter(): boolean {
  return useSyncExternalStore(subscribe, isPresenter);
}

/** Whether a key press belongs to typing (a field, the editor), where P is a letter, not a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('.monaco-editor, .xterm')) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}
