/** In the title bar: open a shared file (a run, a comparison, a workspace), and save the workspace as one. */
import { useRef } from 'react';
import { useApp } from '../app/app-context';
import { openSharedFile, saveWorkspaceFile } from './share-files';

export function ShareControls() {
  const stores = useApp();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="share-controls" role="group" aria-label="Share">
      <button
        type="button"
        className="btn btn--ghost btn--small"
        title="Open a run, a comparison or a workspace someone saved as a file (or drop the file on the window)"
        onClick={() => input.current?.click()}
        data-testid="open-shared-file"
      >
        Open file…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="open-shared-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void openSharedFile(stores, file);
        }}
      />
      <button
        type="button"
        className="btn btn--ghost btn--small"
        title="Save the code and run settings as a file another Pool Playground can open (an exercise to hand out)"
        onClick={() => saveWorkspaceFile(stores)}
        data-testid="save-workspace-file"
      >
        Save workspace
      </button>
    </div>
  );
}
