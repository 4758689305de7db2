/**
 * Ask the host about the code: its syntax problems (editor markers) and its
 * export names (the function picker). If the chosen function is gone and the
 * module exports exactly one name, that one is picked — so renaming the only
 * function, or pasting new code and pressing Run at once, just works.
 */
import type { CodeCheckOptions, PlaygroundApi, Workspace } from '../../../shared/api';
import { isCodeTooLong } from '../../../shared/limits';
import type { CodeCheckStore } from './code-check-store';
import type { WorkspaceStore } from '../workspace/workspace-store';

export interface CheckDeps {
  api: PlaygroundApi;
  codeCheck: CodeCheckStore;
  workspace: WorkspaceStore;
}

/** What the code is checked as: its language and kind (and, for Python, the interpreter). */
function checkOptionsOf(ws: Workspace): CodeCheckOptions {
  return { language: ws.spec.language, kind: ws.spec.kind, python: ws.python };
}

/** The code and what it is checked as, in one string: a check answers for exactly this. */
function checkKey(code: string, options: CodeCheckOptions): string {
  return `${options.language}\u0000${options.kind}\u0000${options.python ?? ''}\u0000${code}`;
}

/** The key of the code in the editor as the workspace holds it now. */
function workspaceKey(ws: Workspace): string {
  return checkKey(ws.code, checkOptionsOf(ws));
}

/** Whether the last check answered for the code in the editor (not for code since replaced). */
export function checkedNow(codeCheck: CodeCheckStore, workspace: WorkspaceStore): boolean {
  return codeCheck.checkedKey === workspaceKey(workspace.state);
}

export async function checkCode({ api, codeCheck, workspace }: CheckDeps, code: string): Promise<void> {
  const options = checkOptionsOf(workspace.state);
  const key = checkKey(code, options);
  // The host would refuse it: say so at once, in the same words, without sending it.
  if (isCodeTooLong(code)) {
    codeCheck.tooLong(key);
    return;
  }
  const result = await api.checkCode(code, options);
  // An answer for code that has changed since is of no use (a newer check is on its way).
  if (workspaceKey(workspace.state) !== key) return;
  codeCheck.checked(key, result.diagnostics, result.exports);
  // Whole programs name no task function in the run bar.
  if (options.kind === 'program') return;
  const { fn } = workspace.state.spec;
  if (result.diagnostics.length === 0 && result.exports.length === 1 && !result.exports.includes(fn)) {
    workspace.updateSpec({ fn: result.exports[0]! });
  }
}
