/**
 * Sharing lessons as files: what was just opened (said in a short notice)
 * and a shared workspace waiting for the learner to confirm it may replace
 * their code and settings.
 */
import type { Workspace } from '../../../shared/api';
import { ObservableStore } from '../store/observable-store';

export interface PendingWorkspace {
  fileName: string;
  workspace: Workspace;
}

export class ShareStore extends ObservableStore {
  pending: PendingWorkspace | null = null;
  /** What the last file opened was, for the notice (null: nothing to say). */
  notice: string | null = null;
  /** A file is being dragged over the window. */
  dragging = false;

  ask(pending: PendingWorkspace | null): void {
    this.pending = pending;
    this.changed();
  }

  say(notice: string | null): void {
    this.notice = notice;
    this.changed();
  }

  drag(on: boolean): void {
    if (this.dragging === on) return;
    this.dragging = on;
    this.changed();
  }
}
