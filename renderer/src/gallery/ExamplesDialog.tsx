/**
 * The examples gallery. Picking one loads its code and settings; if the
 * editor holds the learner's own code, a second step asks before replacing
 * it (and says how to get it back: Undo in the editor).
 */
import { useState } from 'react';
import { EXAMPLE_GROUPS, EXAMPLES, type Example } from '../../../shared/examples';
import { Dialog } from '../common/Dialog';
import { focusEditor } from '../editor/editor-bridge';
import { useApp } from '../app/app-context';
import { useExampleId } from '../app/hooks';
import { ExampleList } from './ExampleList';
import { ReplaceConfirm } from './ReplaceConfirm';
import { hasOwnCode, loadExample } from './load-example';

interface Props {
  open: boolean;
  onClose(): void;
}

export function ExamplesDialog({ open, onClose }: Props) {
  const { workspace } = useApp();
  const exampleId = useExampleId();
  const [pending, setPending] = useState<Example | null>(null);

  const close = (): void => {
    setPending(null);
    onClose();
  };
  const load = (example: Example): void => {
    loadExample(workspace, example);
    close();
    requestAnimationFrame(() => focusEditor());
  };
  const pick = (example: Example): void => {
    if (hasOwnCode(workspace.state.code)) setPending(example);
    else load(example);
  };

  return (
    <Dialog
      open={open}
      title={pending ? 'Replace your code?' : 'Examples'}
      onClose={close}
      className="dialog--examples"
      testId="examples-dialog"
    >
      {pending ? (
        <ReplaceConfirm
          hint="You can get your code back with Undo (Ctrl+Z) in the editor."
          replaceLabel="Replace with the example"
          onReplace={() => load(pending)}
          onKeep={() => setPending(null)}
        >
          The editor holds code of your own. Loading <strong>{pending.title}</strong> replaces it and the run
          settings.
        </ReplaceConfirm>
      ) : (
        <>
          <p className="dialog__intro">
            {EXAMPLES.length} lessons in {EXAMPLE_GROUPS.length} chapters. Each loads its code and run
            settings and says what to look for; press Run to watch it.
          </p>
          <ExampleList currentId={exampleId} onPick={pick} autoFocus />
        </>
      )}
    </Dialog>
  );
}
