/**
 * The layering rule (lint/layers.js) with the project's own ESLint config:
 * each snippet crosses a line it must not cross, linted as if it were a file
 * in that folder, and must be reported; the same folders' allowed imports
 * must not be.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

// The snippets are not files of the TypeScript project, so they are parsed
// without type information (and the rules that need it are off); every other
// setting is the project's.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
      '@typescript-eslint/await-thenable': 'off',
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
});

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const violations: [where: string, file: string, code: string, says: RegExp][] = [
  [
    'a pool worker imports the parent',
    'electron/pool/worker/x.ts',
    "import { Future } from '../parent/future';",
    /only electron\/pool\/common/,
  ],
  [
    'a pool worker imports the pool index',
    'electron/pool/worker/x.ts',
    "export * from '../index';",
    /only electron\/pool\/common/,
  ],
  [
    'a pool worker imports an npm package',
    'electron/pool/worker/x.ts',
    "import { z } from 'zod';",
    /only electron\/pool\/common/,
  ],
  [
    'a pool worker sneaks out through common',
    'electron/pool/worker/x.ts',
    "import '../common/../parent/executor';",
    /only electron\/pool\/common/,
  ],
  [
    'pool common imports the parent',
    'electron/pool/common/x.ts',
    "import type { PoolEvent } from '../parent/events';",
    /nothing from parent\/ or worker\//,
  ],
  [
    'pool common imports the worker',
    'electron/pool/common/x.ts',
    "import { Outbox } from '../worker/outbox';",
    /nothing from parent\/ or worker\//,
  ],
  [
    'the pool imports shared',
    'electron/pool/parent/x.ts',
    "import { formatValue } from '../../../shared/format-value';",
    /nothing from outside electron\/pool/,
  ],
  [
    'the pool imports the host',
    'electron/pool/x.ts',
    "import { Store } from '../node/host/store';",
    /nothing from outside electron\/pool/,
  ],
  [
    'a pool test imports the host',
    'electron/pool/test/x.ts',
    "import { Store } from '../../node/host/store';",
    /nothing from outside electron\/pool/,
  ],
  [
    'the pool imports an undeclared package',
    'electron/pool/parent/x.ts',
    "import left from 'left-pad';",
    /declared in package.json/,
  ],
  [
    'the pool imports electron',
    'electron/pool/parent/x.ts',
    "import { app } from 'electron';",
    /Only electron\/main and electron\/preload/,
  ],
  [
    'the renderer imports the pool',
    'renderer/src/run/x.ts',
    "import { Future } from '../../../electron/pool';",
    /only renderer\/ and shared\//,
  ],
  [
    'the renderer imports the browser host',
    'renderer/src/x.ts',
    "import '../../electron/node/web/server';",
    /only renderer\/ and shared\//,
  ],
  [
    'the renderer imports a Node built-in',
    'renderer/src/run/x.ts',
    "import { readFile } from 'node:fs';",
    /cannot use Node built-ins/,
  ],
  [
    'the renderer imports a bare Node built-in',
    'renderer/src/x.tsx',
    "import path from 'path';",
    /cannot use Node built-ins/,
  ],
  [
    'the renderer imports electron',
    'renderer/src/x.ts',
    "import { ipcRenderer } from 'electron';",
    /Only electron\/main and electron\/preload/,
  ],
  [
    'shared imports a Node built-in',
    'shared/x.ts',
    "import { tmpdir } from 'node:os';",
    /cannot use Node built-ins/,
  ],
  [
    'shared imports the pool',
    'shared/x.ts',
    "import type { PoolEvent } from '../electron/pool';",
    /imports nothing from electron\/ or renderer\//,
  ],
  [
    'shared imports the renderer',
    'shared/test/x.ts',
    "import { getApi } from '../../renderer/src/api';",
    /imports nothing from electron\/ or renderer\//,
  ],
  [
    'the host imports electron',
    'electron/node/host/x.ts',
    "import { app } from 'electron';",
    /Only electron\/main and electron\/preload/,
  ],
  [
    'the host imports the main process',
    'electron/node/host/x.ts',
    "import { setupIpc } from '../../main/ipc';",
    /nothing from electron\/main or electron\/preload/,
  ],
  [
    'a new node folder imports the preload',
    'electron/node/python/x.ts',
    "import '../../preload/index';",
    /nothing from electron\/main or electron\/preload/,
  ],
  [
    'the browser host imports electron',
    'electron/node/web/x.ts',
    "import { BrowserWindow } from 'electron';",
    /Only electron\/main and electron\/preload/,
  ],
  [
    'the IPC channel list imports electron',
    'electron/ipc/x.ts',
    "import { ipcMain } from 'electron';",
    /Only electron\/main and electron\/preload/,
  ],
];

const allowed: [where: string, file: string, code: string][] = [
  [
    'a pool worker imports common and Node',
    'electron/pool/worker/x.ts',
    "import { now } from '../common/clock';\nimport { Worker } from 'node:worker_threads';\nimport { Outbox } from './outbox';",
  ],
  ['pool common imports common', 'electron/pool/common/x.ts', "import { DataCloneError } from './errors';"],
  [
    'the parent imports common, Node and esbuild',
    'electron/pool/parent/x.ts',
    "import type { WireTask } from '../common/protocol';\nimport { fork } from 'node:child_process';\nimport type * as Esbuild from 'esbuild';",
  ],
  [
    'the host imports the pool and shared',
    'electron/node/host/x.ts',
    "import { ForkLauncher } from '../../pool';\nimport type { RunSpec } from '../../../shared/run-spec';",
  ],
  [
    'the renderer imports shared and react',
    'renderer/src/run/x.ts',
    "import type { RunSpec } from '../../../shared/run-spec';\nimport { useState } from 'react';\nimport { FrameNotifier } from '../store/frame-notifier';",
  ],
  [
    'shared imports shared and zod',
    'shared/x.ts',
    "import { z } from 'zod';\nimport { LIMITS } from './run-spec';",
  ],
  [
    'main and preload import electron',
    'electron/main/x.ts',
    "import { app } from 'electron';\nimport { invokeChannel } from '../ipc/channels';",
  ],
  ['the preload imports electron', 'electron/preload/x.ts', "import { contextBridge } from 'electron';"],
];

describe('the layering rule', () => {
  it.each(violations)('reports: %s', async (_where, file, code, says) => {
    const errors = await layeringErrors(file, code);
    expect(errors, code).toHaveLength(1);
    expect(errors[0]).toMatch(says);
  });

  it.each(allowed)('allows: %s', async (_where, file, code) => {
    expect(await layeringErrors(file, code), code).toEqual([]);
  });
});
