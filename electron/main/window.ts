/**
 * The app window, locked down: context isolation, sandbox, no Node in the
 * renderer, no navigation away from our page, no new windows, no remote
 * content (the page's own CSP meta tag covers scripts and connections).
 */
import { BrowserWindow, shell } from 'electron';

export interface WindowPaths {
  preload: string;
  /** The renderer's address (app://…, see app-protocol.ts). */
  url: string;
}

export function createMainWindow(paths: WindowPaths): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Pool Playground',
    backgroundColor: '#1e1e1e',
    show: false,
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    // Links to documentation open in the user's browser, never inside the app.
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  void window.loadURL(paths.url);
  return window;
}
