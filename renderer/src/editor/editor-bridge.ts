/** Lets other parts of the app (the problems strip) move the editor's cursor to a spot. */
import type { editor } from 'monaco-editor';

let current: editor.IStandaloneCodeEditor | null = null;

export function attachEditor(instance: editor.IStandaloneCodeEditor | null): void {
  current = instance;
}

export function focusEditorAt(line: number, column = 1): void {
  if (!current) return;
  current.revealLineInCenterIfOutsideViewport(line);
  current.setPosition({ lineNumber: line, column });
  current.focus();
}

export function focusEditor(): void {
  current?.focus();
}
