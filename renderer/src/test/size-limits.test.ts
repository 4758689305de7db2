/**
 * The renderer checks sizes before it sends anything, with the host's own
 * words, and never drops the user's code for being too long: the workspace
 * is not sent (the status says why), and this browser's copy keeps it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Workspace } from '../../../shared/api';
import { CODE_TOO_LONG, MAX_CODE_CHARS, MAX_MESSAGE_BYTES } from '../../../shared/limits';
import { defaultWorkspace } from '../../../shared/workspace';
import { sizeProblem } from '../api/ws-client';
import { checkCode } from '../editor/check-code';
import { CodeCheckStore } from '../editor/code-check-store';
import { loadWorkspace, WorkspaceStore } from '../workspace/workspace-store';

const tooLong = 'x'.repeat(MAX_CODE_CHARS + 1);

/** This browser's storage, as local-backup.ts reaches it. */
function stubLocalStorage(): Map<string, string> {
  const items = new Map<string, string>();
  vi.stubGlobal('window', {
    localStorage: {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
    },
  });
  return items;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('size checks before sending', () => {
  it('refuses a message over the frame limit, counting UTF-8 bytes', () => {
    expect(sizeProblem('a'.repeat(1000))).toBeNull();
    expect(sizeProblem('a'.repeat(MAX_MESSAGE_BYTES))).toBeNull();
    expect(sizeProblem('a'.repeat(MAX_MESSAGE_BYTES + 1))).toMatch(/too large to send/);
    // Two-byte characters: fewer characters, over the limit in bytes.
    expect(sizeProblem('é'.repeat(MAX_MESSAGE_BYTES / 2 + 1))).toMatch(/too large to send/);
  });

  it('does not send code over the limit to be checked, and gives the host’s message', async () => {
    const api = { checkCode: vi.fn() };
    const codeCheck = new CodeCheckStore();
    const workspace = new WorkspaceStore(
      { ...defaultWorkspace(), code: tooLong },
      { loadWorkspace: vi.fn(), saveWorkspace: vi.fn() },
    );
    await checkCode({ api: api as never, codeCheck, workspace }, tooLong);
    expect(api.checkCode).not.toHaveBeenCalled();
    expect(codeCheck.isTooLong).toBe(true);
    expect(codeCheck.diagnostics).toEqual([{ source: 'code', message: CODE_TOO_LONG }]);
  });

  it('does not send a workspace whose code is over the limit, says why, and keeps it in this browser', async () => {
    const local = stubLocalStorage();
    const saveWorkspace = vi.fn(async () => undefined);
    const store = new WorkspaceStore(defaultWorkspace(), { loadWorkspace: vi.fn(), saveWorkspace });
    store.update({ code: tooLong });
    await store.flush();
    expect(saveWorkspace).not.toHaveBeenCalled();
    expect(store.saveState).toEqual({
      kind: 'failed',
      message: CODE_TOO_LONG,
      keptLocally: true,
      fix: 'the code is too long',
    });
    expect([...local.values()].some((v) => v.includes(tooLong))).toBe(true);

    // Shortened again, it saves.
    store.update({ code: 'export function task() {}' });
    await store.flush();
    expect(saveWorkspace).toHaveBeenCalledTimes(1);
    expect(store.saveState.kind).toBe('saved');
  });

  it('restores this browser’s copy of code over the limit rather than an older host copy', async () => {
    stubLocalStorage();
    const older: Workspace = { ...defaultWorkspace(), code: 'old', savedAt: 1 };
    const store = new WorkspaceStore(older, { loadWorkspace: vi.fn(), saveWorkspace: vi.fn() });
    store.update({ code: tooLong });
    await store.flush();
    const loaded = await loadWorkspace({ loadWorkspace: async () => older, saveWorkspace: vi.fn() });
    expect(loaded.workspace.code).toBe(tooLong);
  });
});
