/**
 * Loading an example replaces the code and the run settings, and clears the
 * prediction (it was a guess about another run). If the editor holds code of
 * the learner's own (not any example's), ask first; the editor keeps the old
 * code in its undo history either way. An example of another language or
 * kind (a whole Python program, say) leaves the code on screen in its own
 * slot, as switching by hand does.
 */
import { slotOf } from '../../../shared/code-slots';
import { isExampleCode, sameCode, type Example } from '../../../shared/examples';
import type { WorkspaceStore } from '../workspace/workspace-store';

export { sameCode };

/** True when the code is the learner's own work: not empty and not one of the examples as shipped. */
export function hasOwnCode(code: string): boolean {
  return code.trim() !== '' && !isExampleCode(code);
}

export function loadExample(workspace: WorkspaceStore, example: Example): void {
  // The interpreter is the workspace's own setting, not the example's.
  const { python: _interpreter, ...spec } = example.spec;
  workspace.update((ws) => {
    const from = slotOf(ws.spec.language, ws.spec.kind);
    const to = slotOf(spec.language, spec.kind);
    const { [to]: _replaced, ...others } = ws.stash;
    return {
      code: example.code,
      spec,
      stash: from === to ? ws.stash : { ...others, [from]: ws.code },
      exampleId: example.id,
      prediction: { wallSec: null, order: null },
    };
  });
}
