/**
 * The main process's IPC sender check. Electron cannot run here, so the
 * window, its webContents and frames are plain objects with the fields the
 * check reads; what is tested is the decision.
 */
import { describe, expect, it } from 'vitest';
import { isTrustedSender, type OwnWindow, type SenderInfo } from '../trusted-sender';

const PAGE = 'app://playground/index.html';

interface Frame {
  url: string;
  parent: Frame | null;
}

function ownWindow(destroyed = false): OwnWindow {
  return { isDestroyed: () => destroyed, webContents: { id: 1 } } as unknown as OwnWindow;
}

function event(sender: unknown, frame: Frame | null): SenderInfo {
  return { sender, senderFrame: frame } as unknown as SenderInfo;
}

const top = (url = PAGE): Frame => ({ url, parent: null });

describe('the IPC sender check', () => {
  it('trusts our window’s top frame on our page, with or without a query or hash', () => {
    const window = ownWindow();
    for (const url of [PAGE, `${PAGE}?x=1`, `${PAGE}#run`]) {
      expect(isTrustedSender(event(window.webContents, top(url)), window, PAGE), url).toBe(true);
    }
  });

  it('refuses another webContents, a subframe, another page, a missing frame', () => {
    const window = ownWindow();
    expect(isTrustedSender(event({ id: 2 }, top()), window, PAGE)).toBe(false);
    expect(isTrustedSender(event(window.webContents, { url: PAGE, parent: top() }), window, PAGE)).toBe(
      false,
    );
    for (const url of [
      'https://example.com/index.html',
      'app://playground/other.html',
      'app://evil/index.html',
      'file:///index.html',
      `${PAGE}.evil`,
    ]) {
      expect(isTrustedSender(event(window.webContents, top(url)), window, PAGE), url).toBe(false);
    }
    expect(isTrustedSender(event(window.webContents, null), window, PAGE)).toBe(false);
  });

  it('refuses everything when there is no window, or it was destroyed', () => {
    const gone = ownWindow(true);
    expect(isTrustedSender(event(gone.webContents, top()), gone, PAGE)).toBe(false);
    expect(isTrustedSender(event({ id: 1 }, top()), null, PAGE)).toBe(false);
  });
});
