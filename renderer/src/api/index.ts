/**
 * The one way the renderer reaches a host: Electron's preload exposes
 * `window.playground`; in a browser we connect to the browser host.
 */
import type { PlaygroundApi } from '../../../shared/api';
import { connectWebSocketApi } from './ws-client';

declare global {
  interface Window {
    playground?: PlaygroundApi;
  }
}

let api: PlaygroundApi | null = null;

export function getApi(): PlaygroundApi {
  api ??= window.playground ?? connectWebSocketApi();
  return api;
}
