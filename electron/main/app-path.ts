/**
 * Which file an `app://playground/…` request may read: one inside the built
 * renderer folder, and nothing else on disk — no `..`, no encoded `%2e%2e`
 * or `%2f`, no other host. Kept apart from app-protocol.ts (which needs
 * Electron) so it can be tested under plain Node.
 */
import { isAbsolute, join, normalize, relative } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'playground';

/** The file to serve for `requestUrl`, or null when it is not one of the renderer's files. */
export function rendererFileFor(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  let pathname: string;
  try {
    url = new URL(requestUrl);
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || pathname.includes('\0')) return null;
  const root = normalize(rendererDir);
  const path = normalize(join(root, pathname));
  const inside = relative(root, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return path;
}
