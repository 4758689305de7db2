/**
 * The browser host's wire format: PlaygroundApi calls as JSON over one
 * WebSocket. Requests carry an id; responses echo it; run events are pushed.
 */
import type { ApiMethod } from './api';
import type { RunEventBatch } from './run-events';

export interface RpcRequest {
  id: number;
  method: ApiMethod;
  params: unknown[];
}

export type RpcResponse =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

export interface RpcPush {
  event: 'run-events';
  batch: RunEventBatch;
}

export type ServerMessage = RpcResponse | RpcPush;
