import { describe, expect, it } from 'vitest';
import { CODE_TOO_LONG, MAX_CODE_CHARS } from '../../../../shared/limits';
import { defaultWorkspace } from '../../../../shared/workspace';
import { dispatch } from '../dispatch';
import type { ServiceApi } from '../service';

/** Records calls; dispatch's job is only to refuse what does not fit. */
function recordingService(): { service: ServiceApi; calls: unknown[][] } {
  const calls: unknown[][] = [];
  const handler =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, ...args]);
      return Promise.resolve(null);
    };
  const service = new Proxy({}, { get: (_t, name) => handler(String(name)) }) as ServiceApi;
  return { service, calls };
}

describe('dispatch', () => {
  it('calls known methods with well-formed arguments', async () => {
    const { service, calls } = recordingService();
    await dispatch(service, 'stopRun', ['abc-123']);
    await dispatch(service, 'startRun', [{ anything: 1 }]);
    await dispatch(service, 'startRun', [{}, { name: 'n' }]);
    expect(calls).toEqual([
      ['stopRun', 'abc-123'],
      ['startRun', { anything: 1 }],
      ['startRun', {}, { name: 'n' }],
    ]);
  });

  it('refuses unknown methods and malformed arguments', async () => {
    const { service, calls } = recordingService();
    await expect(dispatch(service, 'constructor', [])).rejects.toThrow(/unknown method/);
    await expect(dispatch(service, '__proto__', [])).rejects.toThrow(/unknown method/);
    await expect(dispatch(service, 'stopRun', [42])).rejects.toThrow(/bad arguments/);
    await expect(dispatch(service, 'getInfo', ['extra'])).rejects.toThrow(/bad arguments/);
    await expect(dispatch(service, 'saveWorkspace', [{ code: 1 }])).rejects.toThrow(/bad arguments/);
    await expect(dispatch(service, 'checkCode', 'not an array')).rejects.toThrow(/bad arguments/);
    expect(calls).toEqual([]);
  });

  it('holds code to the one limit in checkCode and saveWorkspace, with the same message (the Electron IPC and the WebSocket both call dispatch)', async () => {
    const { service, calls } = recordingService();
    const atLimit = 'a'.repeat(MAX_CODE_CHARS);
    const over = `${atLimit}a`;
    await dispatch(service, 'checkCode', [atLimit]);
    await dispatch(service, 'saveWorkspace', [{ ...defaultWorkspace(), code: atLimit }]);
    expect(calls).toHaveLength(2);
    await expect(dispatch(service, 'checkCode', [over])).rejects.toThrow(CODE_TOO_LONG);
    await expect(dispatch(service, 'saveWorkspace', [{ ...defaultWorkspace(), code: over }])).rejects.toThrow(
      CODE_TOO_LONG,
    );
    expect(calls).toHaveLength(2);
  });

  it('names an unknown method briefly, whatever was sent as its name', async () => {
    const { service } = recordingService();
    await expect(dispatch(service, 'x'.repeat(10_000), [])).rejects.toThrow(/^unknown method "x{60}…"$/);
    await expect(dispatch(service, { toString: 1 }, [])).rejects.toThrow('unknown method (object)');
    await expect(dispatch(service, null, [])).rejects.toThrow('unknown method (null)');
  });
});
