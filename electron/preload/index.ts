/**
 * The preload: exposes PlaygroundApi to the sandboxed renderer as
 * `window.playground`, plain functions only, nothing else of Electron.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { remoteApi } from '../../shared/api';
import type { RunEventBatch } from '../../shared/run-events';
import { invokeChannel, READY_CHANNEL, RUN_EVENTS_CHANNEL } from '../ipc/channels';

const api = remoteApi(
  (method, params) => ipcRenderer.invoke(invokeChannel(method), ...params),
  (listener: (batch: RunEventBatch) => void): (() => void) => {
    const handler = (_event: IpcRendererEvent, batch: RunEventBatch): void => listener(batch);
    ipcRenderer.on(RUN_EVENTS_CHANNEL, handler);
    void ipcRenderer.invoke(READY_CHANNEL);
    return () => {
      ipcRenderer.removeListener(RUN_EVENTS_CHANNEL, handler);
    };
  },
);

contextBridge.exposeInMainWorld('playground', api);
