/**
 * The editor keeps one piece of code per language and kind — TypeScript
 * tasks, Python tasks, a TypeScript program, a Python program — so switching
 * between them loses nothing: the workspace holds the code on screen and
 * stashes the others (shared/workspace.ts).
 */
import type { CodeKind, Language } from './run-spec';

export const CODE_SLOTS = [
  'typescript-tasks',
  'python-tasks',
  'typescript-program',
  'python-program',
] as const;
export type CodeSlot = (typeof CODE_SLOTS)[number];

export function slotOf(language: Language, kind: CodeKind): CodeSlot {
  return `${language}-${kind}`;
}

/** The file name the code has in the editor, in tracebacks and in diagnostics. */
export function fileNameOf(language: Language, kind: CodeKind): string {
  if (language === 'python') return kind === 'program' ? 'main.py' : 'tasks.py';
  return kind === 'program' ? 'main.ts' : 'tasks.ts';
}

export const LANGUAGE_LABELS: Record<Language, string> = { typescript: 'TypeScript', python: 'Python' };
export const KIND_LABELS: Record<CodeKind, string> = { tasks: 'Tasks', program: 'Program' };
