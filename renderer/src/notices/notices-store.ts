/**
 * Problems the host found in the saved data (a damaged workspace or run file
 * that it kept aside), shown until the user dismisses them. Fetched after
 * each history load, since that is when the host reads the run files.
 */
import type { DataNotice, PlaygroundApi } from '../../../shared/api';
import { FrameNotifier } from '../store/frame-notifier';

type NoticesApi = Pick<PlaygroundApi, 'dataNotices' | 'dismissDataNotice'>;

export class NoticesStore {
  notices: readonly DataNotice[] = [];
  readonly #api: NoticesApi;
  readonly #notifier = new FrameNotifier();

  constructor(api: NoticesApi) {
    this.#api = api;
  }

  subscribe = (listener: () => void): (() => void) => this.#notifier.subscribe(listener);
  getVersion = (): number => this.#notifier.getVersion();

  async refresh(): Promise<void> {
    try {
      this.notices = await this.#api.dataNotices();
      this.#notifier.now();
    } catch {
      // The host cannot be reached: the problems strip already says so.
    }
  }

  /** Seen: hide it here now, and tell the host (every tab stops showing it). */
  async dismiss(id: string): Promise<void> {
    this.notices = this.notices.filter((n) => n.id !== id);
    this.#notifier.now();
    await this.#api.dismissDataNotice(id).catch(() => undefined);
  }
}
