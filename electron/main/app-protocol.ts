/**
 * The renderer is served from a private `app://playground/` origin rather
 * than file://: a standard, secure scheme gives the page a real origin (the
 * editor's module workers need one), and it can only ever reach the built
 * renderer folder — no other file on disk.
 */
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { APP_HOST, APP_SCHEME, rendererFileFor } from './app-path';

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
  protocol.handle(APP_SCHEME, (request) => {
    const path = rendererFileFor(rendererDir, request.url);
    if (path === null) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(path).href);
  });
}
