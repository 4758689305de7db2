/** The examples as a side bar view: one click loads one (asking first if that would replace code of your own). */
import { useState } from 'react';
import type { Example } from '../../../shared/examples';
import { useApp } from '../app/app-context';
import { useExampleId } from '../app/hooks';
import { ExampleList } from './ExampleList';
import { ReplaceConfirm } from './ReplaceConfirm';
import { hasOwnCode, loadExample } from './load-example';

export function ExamplesSideView() {
  const { workspace } = useApp();
  const exampleId = useExampleId();
  const [pending, setPending] = useState<Example | null>(null);
  return (
    <div className="sideview">
      {pending ? (
        <ReplaceConfirm
          ariaLabel="Replace your code?"
          hint="Undo (Ctrl+Z) in the editor brings it back."
          replaceLabel="Replace"
          onReplace={() => {
            loadExample(workspace, pending);
            setPending(null);
          }}
          onKeep={() => setPending(null)}
        >
          Loading <strong>{pending.title}</strong> replaces the code of your own in the editor.
        </ReplaceConfirm>
      ) : (
        <ExampleList
          compact
          currentId={exampleId}
          onPick={(example) =>
            hasOwnCode(workspace.state.code) ? setPending(example) : loadExample(workspace, example)
          }
        />
      )}
    </div>
  );
}
