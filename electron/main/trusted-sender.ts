/**
 * Whether an IPC message comes from our own window's top frame, showing our
 * own page: any other sender (a destroyed window, another webContents, a
 * subframe, a page navigated elsewhere) is refused. Kept apart from ipc.ts
 * (which needs Electron at run time) so it can be tested under plain Node.
 */
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';

/** The parts of an IPC event the check reads. */
export type SenderInfo = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;
/** The parts of the window the check reads. */
export type OwnWindow = Pick<BrowserWindow, 'isDestroyed' | 'webContents'>;

export function isTrustedSender(event: SenderInfo, window: OwnWindow | null, rendererUrl: string): boolean {
  if (!window || window.isDestroyed() || event.sender !== window.webContents) return false;
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && frame.url.split(/[?#]/)[0] === rendererUrl;
}
