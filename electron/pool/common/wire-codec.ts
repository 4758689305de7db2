/**
 * How pool messages travel over a child_process channel: structured-clone
 * semantics, at JSON's price where the two agree.
 *
 * Values cross the process boundary by structured clone, exactly as under
 * Electron's utilityProcess: Maps, Sets, Dates, typed arrays, undefined, NaN,
 * -0, shared and circular references all arrive as they were sent. Node's
 * structured-clone channel (`serialization: 'advanced'`) runs a v8
 * serializer and deserializer for every message, which is most of a short
 * task's round trip. So the channel runs in JSON mode, and a message is sent
 *
 *   - as itself, when every value the caller or a task supplied in it is a
 *     primitive that JSON carries exactly (a string, a boolean, null, or a
 *     finite number other than -0), and the rest is the pool's own envelope
 *     (plain objects and dense arrays it built, holding numbers and strings);
 *   - otherwise structured-cloned by v8's serializer (host objects handled as
 *     'advanced' mode does): small ones inline as `{ t: 'v8', b: base64 }`,
 *     larger ones as bytes down a pipe beside the channel (fork-channel.ts).
 *
 * Both sides use it, through fork-channel.ts beside it.
 */
import { DefaultDeserializer, DefaultSerializer } from 'node:v8';
import type { DoneRecord, OutRecord, ParentMessage, WireError, WireTask, WorkerMessage } from './protocol';

export type WireMessage = ParentMessage | WorkerMessage;

/** A message that went through v8's serializer, inline; `b` is base64. */
interface InlineClone {
  t: 'v8';
  b: string;
}

/** Strings longer than this go through the serializer: JSON would scan and escape them twice. */
const MAX_JSON_STRING = 16 * 1024;

/** What a JSON channel should carry for `message`. Throws (a DataCloneError) if it cannot be cloned. */
export function encodeMessage(message: WireMessage): WireMessage | InlineClone {
  return travelsAsJson(message) ? message : inlineClone(cloneToBytes(message));
}

/** The message a JSON channel delivered (a plain message, or an inline clone). */
export function decodeMessage<M extends WireMessage>(raw: unknown): M {
  const message = raw as M | InlineClone;
  if (message.t !== 'v8') return message;
  return cloneFromBytes(Buffer.from(message.b, 'base64')) as M;
}

export function inlineClone(bytes: Buffer): InlineClone {
  return { t: 'v8', b: bytes.toString('base64') };
}

/** True when JSON carries `message` exactly (and cheaply). */
export function travelsAsJson(message: WireMessage): boolean {
  switch (message.t) {
    case 'run':
      return message.tasks.every(taskIsExact);
    case 'out':
      return message.records.every(recordIsExact);
    case 'init-failed':
      return errorIsExact(message.error);
    case 'init':
      // Once per worker, and initargs are the caller's own array: always cloned.
      return false;
    case 'exit':
    case 'ready':
      return true;
  }
}

/** A value JSON carries exactly (parsing its JSON text gives it back), and not a long string. */
export function isJsonExactPrimitive(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
      return value.length <= MAX_JSON_STRING;
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object':
      return value === null;
    default:
      return false;
  }
}

/** Every element is an exact primitive (`values` is an array the pool built: dense, no extra keys). */
function allExact(values: readonly unknown[]): boolean {
  for (let i = 0; i < values.length; i++) if (!isJsonExactPrimitive(values[i])) return false;
  return true;
}

function taskIsExact(task: WireTask): boolean {
  return allExact(task.args ?? task.items!);
}

function recordIsExact(record: OutRecord): boolean {
  switch (record.k) {
    case 'log':
      return record.text.length <= MAX_JSON_STRING;
    case 'ok':
      return okValueIsExact(record);
    case 'err':
      return errorIsExact(record.error);
  }
}

function okValueIsExact(record: Extract<DoneRecord, { k: 'ok' }>): boolean {
  // A chunk's results: an array the worker built, one slot per item.
  if (record.chunk) return allExact(record.value as unknown[]);
  // JSON drops an undefined property, and the parent reads it back as undefined.
  return record.value === undefined || isJsonExactPrimitive(record.value);
}

/** `props` and `unclonable` are objects toWireError() built; only the values came from the task. */
function errorIsExact(error: WireError): boolean {
  // name and message are whatever the task's error held; undefined stays undefined as above.
  for (const text of [error.name, error.message, error.stack]) {
    if (text !== undefined && !isJsonExactPrimitive(text)) return false;
  }
  for (const key in error.props) if (!isJsonExactPrimitive(error.props[key])) return false;
  return true;
}

// ── structured clone, as child_process's 'advanced' mode does it ──

/** Host objects that are not typed arrays travel as plain copies of their own properties. */
const ARRAY_BUFFER_VIEW = 0;
const OTHER_HOST_OBJECT = 1;

interface HostObjectHooks {
  _writeHostObject(this: DefaultSerializer, object: object): void;
  _readHostObject(this: DefaultDeserializer): unknown;
}

class WireSerializer extends DefaultSerializer {
  _writeHostObject(object: object): void {
    if (ArrayBuffer.isView(object)) {
      this.writeUint32(ARRAY_BUFFER_VIEW);
      (DefaultSerializer.prototype as unknown as HostObjectHooks)._writeHostObject.call(this, object);
      return;
    }
    this.writeUint32(OTHER_HOST_OBJECT);
    this.writeValue({ ...object });
  }
}

class WireDeserializer extends DefaultDeserializer {
  _readHostObject(): unknown {
    if (this.readUint32() === ARRAY_BUFFER_VIEW) {
      return (DefaultDeserializer.prototype as unknown as HostObjectHooks)._readHostObject.call(this);
    }
    return this.readValue();
  }
}

/** Structured clone, to bytes. Throws a DataCloneError for what cannot be cloned. */
export function cloneToBytes(value: unknown): Buffer {
  const serializer = new WireSerializer();
  serializer.writeHeader();
  serializer.writeValue(value);
  return serializer.releaseBuffer();
}

export function cloneFromBytes(bytes: Uint8Array): unknown {
  const deserializer = new WireDeserializer(bytes);
  deserializer.readHeader();
  return deserializer.readValue();
}
