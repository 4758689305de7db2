/**
 * The one size limit: every request a client can legally make fits in the
 * browser host's frame limit (MAX_MESSAGE_BYTES), and the frame limit is no
 * larger than the largest legal request needs. "Largest" is built from the
 * schemas themselves, so a new field without a limit, or a limit raised in
 * one place only, fails here.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API_METHODS } from '../../../../shared/api';
import { MAX_MESSAGE_BYTES } from '../../../../shared/limits';
import { runSpecSchema } from '../../../../shared/run-spec';
import { API_PARAMS, dispatch, runMetaSchema } from '../dispatch';
import type { ServiceApi } from '../service';

interface JsonSchema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  maxProperties?: number;
  prefixItems?: JsonSchema[];
  items?: JsonSchema | false;
  maxItems?: number;
}

/** JSON writes this character as \u0001: six bytes for one character, the worst there is. */
const WORST = '\u0001';

function longestJson(values: unknown[]): unknown {
  return values.reduce((a, b) => (JSON.stringify(b).length > JSON.stringify(a).length ? b : a));
}

/** The value of `schema` whose JSON is longest: every text at its limit, of the costliest character. */
function largest(schema: JsonSchema, path: string): unknown {
  if ('const' in schema) return schema.const;
  if (schema.enum) return longestJson(schema.enum);
  if (schema.anyOf) return longestJson(schema.anyOf.map((s, i) => largest(s, `${path}|${i}`)));
  const types = [schema.type ?? 'unknown'].flat().filter((t) => t !== 'null');
  if (types.length === 0) return null;
  if (types.length !== 1) throw new Error(`${path}: cannot size a value of type ${String(schema.type)}`);
  switch (types[0]) {
    case 'string':
      if (schema.maxLength === undefined) throw new Error(`${path}: a string without a length limit`);
      // A name must match its pattern: letters, one byte each, are the most it can take.
      return (schema.pattern ? 'a' : WORST).repeat(schema.maxLength);
    case 'integer':
      return schema.maximum ?? schema.minimum ?? -Number.MAX_SAFE_INTEGER;
    case 'number':
      return schema.maximum ?? schema.minimum ?? -Number.MAX_VALUE;
    case 'boolean':
      return false;
    case 'array': {
      if (schema.prefixItems) return schema.prefixItems.map((s, i) => largest(s, `${path}[${i}]`));
      if (schema.maxItems === undefined || !schema.items)
        throw new Error(`${path}: a list without a length limit`);
      const item = schema.items;
      return Array.from({ length: schema.maxItems }, (_, i) => largest(item, `${path}[${i}]`));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(schema.properties ?? {})) {
        out[key] = largest(value, `${path}.${key}`);
      }
      const extra = schema.additionalProperties;
      if (typeof extra === 'object') {
        const keyLength = schema.propertyNames?.maxLength;
        if (schema.maxProperties === undefined || keyLength === undefined)
          throw new Error(`${path}: a record without a limit on its keys`);
        for (let i = 0; i < schema.maxProperties; i++) {
          const key = WORST.repeat(keyLength - 3) + String(i).padStart(3, '0');
          out[key] = largest(extra, `${path}.${key}`);
        }
      }
      return out;
    }
    default:
      throw new Error(`${path}: a value without a limit (${String(types[0])})`);
  }
}

/** What each method may legally carry; startRun's spec is checked by the service, with the run spec's schema. */
function paramsSchema(method: (typeof API_METHODS)[number]): z.ZodType<unknown[]> {
  return method === 'startRun' ? z.tuple([runSpecSchema, runMetaSchema]) : API_PARAMS[method];
}

function largestRequest(method: (typeof API_METHODS)[number]): { params: unknown[]; bytes: number } {
  const schema = paramsSchema(method);
  const params = largest(z.toJSONSchema(schema, { io: 'input' }) as JsonSchema, method) as unknown[];
  // The generated request must itself be legal.
  const legal = schema.safeParse(params);
  expect(legal.success, `${method}: ${legal.error?.issues[0]?.message ?? ''}`).toBe(true);
  const frame = JSON.stringify({ id: -Number.MAX_SAFE_INTEGER, method, params });
  return { params, bytes: Buffer.byteLength(frame) };
}

describe('the message size limit', () => {
  it('fits the largest legal request of every method, and is no larger than the largest needs', () => {
    const sizes = API_METHODS.map((method) => ({ method, bytes: largestRequest(method).bytes }));
    for (const { method, bytes } of sizes) {
      expect(bytes, method).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    }
    const biggest = Math.max(...sizes.map((s) => s.bytes));
    expect(biggest / MAX_MESSAGE_BYTES).toBeGreaterThan(0.98);
  });

  it('the largest legal workspace passes dispatch, as the Electron IPC and the WebSocket both call it', async () => {
    const calls: unknown[] = [];
    const service = new Proxy(
      {},
      {
        get:
          () =>
          (...args: unknown[]) =>
            Promise.resolve(void calls.push(args)),
      },
    );
    const { params } = largestRequest('saveWorkspace');
    await dispatch(service as ServiceApi, 'saveWorkspace', params);
    expect(calls).toHaveLength(1);
  });
});
