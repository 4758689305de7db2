/**
 * The renderer is served from a private `app://playground/` origin rather
 * than file://: a standard, secure scheme gives the page a real origin (the
 * editor's module workers need one), and it can only ever reach the built
 * renderer folder — no other file on disk.
 */
import { net, protocol } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export const APP_SCHEME = 'app';
export const APP_HOST = 'playground';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  const root = normalize(rendererDir);
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    const path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (url.host !== APP_HOST || !path.startsWith(root + sep)) {
      return new Response('Not found', { status: 404 });
    }
    return net.fetch(pathToFileURL(path).href);
  });
}
