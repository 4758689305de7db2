/**
 * The browser host's wire format: PlaygroundApi calls as JSON over one
 * WebSocket. Requests carry an id; responses echo it; run events are pushed.
 * A message the host cannot read as a request is answered with `id: null`
 * (as JSON-RPC does) when no numeric id could be read from it.
 */
import type { ApiMethod } from './api';
import type { RunEventBatch } from './run-events';

export interface RpcRequest {
  id: number;
  method: ApiMethod;
  params: unknown[];
}

export type RpcResponse =
  { id: number; ok: true; result: unknown } | { id: number | null; ok: false; error: string };

export interface RpcPush {
  event: 'run-events';
  batch: RunEventBatch;
}

export type ServerMessage = RpcResponse | RpcPush;
