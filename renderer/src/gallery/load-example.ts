/**
 * Loading an example replaces the code and the run settings. If the editor
 * holds code of the learner's own (not any example's), ask first; the editor
 * keeps the old code in its undo history either way.
 */
import { EXAMPLES, type Example } from '../../../shared/examples';
import type { WorkspaceStore } from '../workspace/workspace-store';

const normalise = (code: string): string => code.replace(/\r\n/g, '\n').trim();

export function sameCode(a: string, b: string): boolean {
  return normalise(a) === normalise(b);
}

/** True when the code is the learner's own work: not empty and not one of the examples as shipped. */
export function hasOwnCode(code: string): boolean {
  const mine = normalise(code);
  return mine !== '' && !EXAMPLES.some((e) => normalise(e.code) === mine);
}

export function loadExample(workspace: WorkspaceStore, example: Example): void {
  workspace.update({ code: example.code, spec: { ...example.spec }, exampleId: example.id });
}
