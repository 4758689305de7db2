/**
 * The main area's pages: the playground (editor, timeline, terminal) and,
 * once opened, the comparison and the sweep. Like editor tabs in VS Code:
 * open pages get a tab; one is in front.
 */
import { FrameNotifier } from '../store/frame-notifier';

export type PageId = 'compare' | 'sweep';

export class PagesStore {
  /** The page in front; null for the playground. */
  active: PageId | null = null;
  open: readonly PageId[] = [];
  /** The sweep dialog is open. */
  sweepDialog = false;
  readonly #notifier = new FrameNotifier();

  subscribe = (listener: () => void): (() => void) => this.#notifier.subscribe(listener);
  getVersion = (): number => this.#notifier.getVersion();

  show(page: PageId | null): void {
    if (page !== null && !this.open.includes(page)) this.open = [...this.open, page];
    this.active = page;
    this.#notifier.now();
  }

  openSweepDialog(open: boolean): void {
    this.sweepDialog = open;
    this.#notifier.now();
  }

  close(page: PageId): void {
    this.open = this.open.filter((p) => p !== page);
    if (this.active === page) this.active = null;
    this.#notifier.now();
  }
}
