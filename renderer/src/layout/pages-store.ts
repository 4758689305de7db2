/**
 * The main area's pages: the playground (editor, timeline, terminal) and,
 * once opened, the comparison and the sweep. Like editor tabs in VS Code:
 * open pages get a tab; one is in front.
 */
import { ObservableStore } from '../store/observable-store';

export type PageId = 'compare' | 'sweep';

export class PagesStore extends ObservableStore {
  /** The page in front; null for the playground. */
  active: PageId | null = null;
  open: readonly PageId[] = [];
  /** The sweep dialog is open. */
  sweepDialog = false;

  show(page: PageId | null): void {
    if (page !== null && !this.open.includes(page)) this.open = [...this.open, page];
    this.active = page;
    this.changed();
  }

  openSweepDialog(open: boolean): void {
    this.sweepDialog = open;
    this.changed();
  }

  close(page: PageId): void {
    this.open = this.open.filter((p) => p !== page);
    if (this.active === page) this.active = null;
    this.changed();
  }
}
