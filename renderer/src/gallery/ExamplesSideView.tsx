/** The examples as a side bar view: one click loads one (asking first if that would replace code of your own). */
import { useState } from 'react';
import type { Example } from '../../../shared/examples';
import { useApp } from '../app/app-context';
import { useExampleId } from '../app/hooks';
import { ExampleList } from './ExampleList';
import { hasOwnCode, loadExample } from './load-example';

export function ExamplesSideView() {
  const { workspace } = useApp();
  const exampleId = useExampleId();
  const [pending, setPending] = useState<Example | null>(null);
  return (
    <div className="sideview">
      {pending ? (
        <div className="confirm" role="alertdialog" aria-label="Replace your code?">
          <p>
            Loading <strong>{pending.title}</strong> replaces the code of your own in the editor.
          </p>
          <p className="confirm__hint">Undo (Ctrl+Z) in the editor brings it back.</p>
          <div className="confirm__actions">
            <button
              type="button"
              className="btn btn--primary"
              autoFocus
              onClick={() => {
                loadExample(workspace, pending);
                setPending(null);
              }}
            >
              Replace
            </button>
            <button type="button" className="btn btn--ghost" onClick={() => setPending(null)}>
              Keep my code
            </button>
          </div>
        </div>
      ) : (
        <ExampleList
          currentId={exampleId}
          onPick={(example) =>
            hasOwnCode(workspace.state.code) ? setPending(example) : loadExample(workspace, example)
          }
        />
      )}
    </div>
  );
}
