/**
 * Routes the worker's stdout/stderr through the outbox, tagged with the task
 * that was running, instead of the raw pipes: pipes lose what is written
 * just before a process exits, and they cannot say which task wrote what.
 * `console.*` writes through these streams, so it is covered too.
 */
import type { Outbox } from './outbox';

type Write = typeof process.stdout.write;

export function captureOutput(outbox: Outbox, currentTask: () => number | null): void {
  for (const stream of ['stdout', 'stderr'] as const) {
    const target = process[stream];
    const write = (chunk: unknown, encodingOrCallback?: unknown, callback?: unknown): boolean => {
      const text =
        typeof chunk === 'string'
          ? chunk
          : chunk instanceof Uint8Array
            ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString(
                typeof encodingOrCallback === 'string' ? (encodingOrCallback as BufferEncoding) : 'utf8',
              )
            : String(chunk);
      outbox.log(currentTask(), stream, text);
      const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
      if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
      return true;
    };
    target.write = write as Write;
  }
}
