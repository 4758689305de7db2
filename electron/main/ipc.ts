/**
 * Typed IPC between the window and its PlaygroundService. Every handler
 * checks that the message comes from our own window's top frame, loaded
 * from our own files; run events are queued until the renderer says it is
 * listening, so nothing a run prints early is lost. Arguments go through
 * dispatch: the same shape checks and size limits (shared/limits.ts) as the
 * browser host's WebSocket.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { API_METHODS } from '../../shared/api';
import type { RunEventBatch } from '../../shared/run-events';
import { dispatch } from '../node/host/dispatch';
import type { PlaygroundService } from '../node/host/service';
import { invokeChannel, READY_CHANNEL, RUN_EVENTS_CHANNEL } from '../ipc/channels';
import { isTrustedSender as isTrustedSenderOf } from './trusted-sender';

export interface WindowBinding {
  window: BrowserWindow | null;
  service: PlaygroundService | null;
  rendererUrl: string;
}

function isTrustedSender(event: IpcMainInvokeEvent, binding: WindowBinding): boolean {
  return isTrustedSenderOf(event, binding.window, binding.rendererUrl);
}

/** Registers every handler; call once, before any window exists. */
export function setupIpc(binding: WindowBinding): void {
  for (const method of API_METHODS) {
    ipcMain.handle(invokeChannel(method), (event, ...params: unknown[]) => {
      if (!isTrustedSender(event, binding) || !binding.service) throw new Error('refused: unknown sender');
      return dispatch(binding.service, method, params);
    });
  }
  ipcMain.handle(READY_CHANNEL, (event) => {
    if (!isTrustedSender(event, binding)) throw new Error('refused: unknown sender');
    readyFlush();
  });
  let ready = false;
  const queue: RunEventBatch[] = [];
  const readyFlush = (): void => {
    ready = true;
    for (const batch of queue.splice(0)) deliver(batch);
  };
  const deliver = (batch: RunEventBatch): void => {
    const window = binding.window;
    if (window && !window.isDestroyed()) window.webContents.send(RUN_EVENTS_CHANNEL, batch);
  };
  sendRunEvents = (batch) => (ready ? deliver(batch) : queue.push(batch));
  resetReady = () => {
    ready = false;
  };
}

/** Set by setupIpc: how the service's run events reach the window. */
export let sendRunEvents: (batch: RunEventBatch) => void = () => undefined;
/** A reload means the renderer must say "ready" again. */
export let resetReady: () => void = () => undefined;
