/**
 * Problems the host found in the saved data (a damaged workspace or run file
 * that it kept aside), shown until the user dismisses them. Fetched after
 * each history load, since that is when the host reads the run files.
 */
import type { DataNotice, PlaygroundApi } from '../../../shared/api';
import { ObservableStore } from '../store/observable-store';

type NoticesApi = Pick<PlaygroundApi, 'dataNotices' | 'dismissDataNotice'>;

export class NoticesStore extends ObservableStore {
  notices: readonly DataNotice[] = [];
  readonly #api: NoticesApi;

  constructor(api: NoticesApi) {
    super();
    this.#api = api;
  }

  async refresh(): Promise<void> {
    try {
      this.notices = await this.#api.dataNotices();
      this.changed();
    } catch {
      // The host cannot be reached: the problems strip already says so.
    }
  }

  /** Seen: hide it here now, and tell the host (every tab stops showing it). */
  async dismiss(id: string): Promise<void> {
    this.notices = this.notices.filter((n) => n.id !== id);
    this.changed();
    await this.#api.dismissDataNotice(id).catch(() => undefined);
  }
}
