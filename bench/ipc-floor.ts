/**
 * What the as_completed delivery delay cannot go below on this machine: the
 * same sleep schedule on 2 bare child_process.fork children, each answering
 * with its completion stamp, the parent taking now - stamp on 'message' and
 * sending the next sleep at once. Everything the pool adds is absent. With
 * JSON serialization (what our pool's channel runs in) or 'advanced'.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { epochMs } from './tasks.mjs';

const ECHO = fileURLToPath(new URL('./ipc-echo.mjs', import.meta.url));

export async function ipcFloorDelays(
  sleeps: readonly number[],
  serialization: 'json' | 'advanced',
): Promise<number[]> {
  const env = { PATH: process.env.PATH ?? '' };
  const children: ChildProcess[] = [0, 1].map(() =>
    fork(ECHO, [], {
      serialization,
      execArgv: [],
      env,
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    }),
  );
  const delays: number[] = [];
  let next = 0;
  try {
    await new Promise<void>((resolve) => {
      for (const child of children) {
        const give = (): void => {
          if (next < sleeps.length) child.send(sleeps[next++]!);
        };
        child.on('message', (stamp) => {
          delays.push(epochMs() - (stamp as number));
          if (delays.length === sleeps.length) resolve();
          else give();
        });
        give();
      }
    });
  } finally {
    for (const child of children) child.kill();
  }
  return delays;
}
