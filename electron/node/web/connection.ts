/**
 * One browser tab's WebSocket: each text message is one PlaygroundApi call
 * (shared/rpc.ts) on that tab's own service. Whatever a client sends — too
 * large, not UTF-8, not JSON, not a request — is answered, or at worst ends
 * this one socket; nothing it sends can throw out of here and end the host.
 */
import type { WebSocket } from 'ws';
import type { ServerMessage } from '../../../shared/rpc';
import { dispatch } from '../host/dispatch';
import type { ServiceApi } from '../host/service';

const REQUEST_SHAPE = 'one JSON object {"id": <number>, "method": "<name>", "params": [...]}';

export type ReadRequest =
  | { ok: true; id: number; method: unknown; params: unknown }
  | { ok: false; id: number | null; error: string };

/** The envelope of a request; the method and its params are dispatch's to check. */
export function readRequest(text: string): ReadRequest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, id: null, error: `Not JSON: each message must be ${REQUEST_SHAPE}.` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    return { ok: false, id: null, error: `Not a request (${kind}): each message must be ${REQUEST_SHAPE}.` };
  }
  const { id, method, params } = value as Record<string, unknown>;
  if (typeof id !== 'number') {
    return {
      ok: false,
      id: null,
      error: `A request needs a numeric id: each message must be ${REQUEST_SHAPE}.`,
    };
  }
  return { ok: true, id, method, params };
}

export interface Connection {
  /** Push a message to the tab (dropped once the socket is closing). */
  send(message: ServerMessage): void;
}

/**
 * Answers the calls arriving on `ws` with `service`; `onClose` runs once
 * when the socket is gone, whatever the reason.
 */
export function serveConnection(ws: WebSocket, service: ServiceApi, onClose: () => void): Connection {
  const send = (message: ServerMessage): void => {
    if (ws.readyState !== ws.OPEN) return;
    let text: string;
    try {
      text = JSON.stringify(message);
    } catch (error) {
      // A result that cannot be written as JSON fails its own call, not the connection.
      if (!('id' in message) || message.id === null) return;
      text = JSON.stringify({
        id: message.id,
        ok: false,
        error: `could not send the answer: ${errorText(error)}`,
      });
    }
    ws.send(text);
  };

  // ws reports a frame over the size limit (close code 1009) or of invalid
  // UTF-8 (1007) here, then closes this socket itself: the tab reconnects.
  ws.on('error', () => undefined);

  ws.on('message', (data, isBinary) => {
    if (isBinary) {
      send({
        id: null,
        ok: false,
        error: `Binary messages are not accepted: send ${REQUEST_SHAPE} as text.`,
      });
      return;
    }
    const request = readRequest(String(data));
    if (!request.ok) {
      send({ id: request.id, ok: false, error: request.error });
      return;
    }
    const { id } = request;
    dispatch(service, request.method, request.params).then(
      (result) => send({ id, ok: true, result: result ?? null }),
      (error: unknown) => send({ id, ok: false, error: errorText(error) }),
    );
  });

  ws.once('close', onClose);
  return { send };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
