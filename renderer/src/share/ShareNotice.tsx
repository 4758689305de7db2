/**
 * What opening a shared file did, in one line under the run bar, and the
 * question before a shared workspace replaces code of the learner's own.
 */
import { useApp } from '../app/app-context';
import { useStore } from '../app/hooks';
import { Dialog } from '../common/Dialog';
import { ReplaceConfirm } from '../gallery/ReplaceConfirm';
import { loadSharedWorkspace } from './share-files';

export function ShareNotice() {
  const stores = useApp();
  const share = useStore('share');
  return (
    <>
      {share.notice && (
        <div className="share-notice" role="status" data-testid="share-notice">
          <span>{share.notice}</span>
          <button
            type="button"
            className="btn btn--ghost btn--small"
            aria-label="Dismiss"
            onClick={() => share.say(null)}
          >
            ×
          </button>
        </div>
      )}
      <Dialog
        open={share.pending !== null}
        title="Replace your code?"
        onClose={() => share.ask(null)}
        testId="shared-workspace-dialog"
      >
        {share.pending && (
          <ReplaceConfirm
            hint="Undo (Ctrl+Z) in the editor brings your code back."
            replaceLabel="Open the shared workspace"
            onReplace={() => share.pending && loadSharedWorkspace(stores, share.pending)}
            onKeep={() => share.ask(null)}
          >
            <strong>{share.pending.fileName}</strong> holds a workspace: opening it replaces the code of your
            own in the editor and the run settings.
          </ReplaceConfirm>
        )}
      </Dialog>
    </>
  );
}
