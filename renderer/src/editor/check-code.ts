/**
 * Ask the host about the code: its syntax problems (editor markers) and its
 * export names (the function picker). If the chosen function is gone and the
 * module exports exactly one name, that one is picked — so renaming the only
 * function, or pasting new code and pressing Run at once, just works.
 */
import type { PlaygroundApi } from '../../../shared/api';
import { isCodeTooLong } from '../../../shared/limits';
import type { CodeCheckStore } from './code-check-store';
import type { WorkspaceStore } from '../workspace/workspace-store';

export interface CheckDeps {
  api: PlaygroundApi;
  codeCheck: CodeCheckStore;
  workspace: WorkspaceStore;
}

export async function checkCode({ api, codeCheck, workspace }: CheckDeps, code: string): Promise<void> {
  // The host would refuse it: say so at once, in the same words, without sending it.
  if (isCodeTooLong(code)) {
    codeCheck.tooLong(code);
    return;
  }
  const result = await api.checkCode(code);
  // An answer for code that has changed since is of no use (a newer check is on its way).
  if (workspace.state.code !== code) return;
  codeCheck.checked(code, result.diagnostics, result.exports);
  const { fn } = workspace.state.spec;
  if (result.diagnostics.length === 0 && result.exports.length === 1 && !result.exports.includes(fn)) {
    workspace.updateSpec({ fn: result.exports[0]! });
  }
}
