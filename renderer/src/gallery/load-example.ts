/**
 * Loading an example replaces the code and the run settings, and clears the
 * prediction (it was a guess about another run). If the editor holds code of
 * the learner's own (not any example's), ask first; the editor keeps the old
 * code in its undo history either way.
 */
import { isExampleCode, sameCode, type Example } from '../../../shared/examples';
import type { WorkspaceStore } from '../workspace/workspace-store';

export { sameCode };

/** True when the code is the learner's own work: not empty and not one of the examples as shipped. */
export function hasOwnCode(code: string): boolean {
  return code.trim() !== '' && !isExampleCode(code);
}

export function loadExample(workspace: WorkspaceStore, example: Example): void {
  workspace.update({
    code: example.code,
    spec: { ...example.spec },
    exampleId: example.id,
    prediction: { wallSec: null, order: null },
  });
}
