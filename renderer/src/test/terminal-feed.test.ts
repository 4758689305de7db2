import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../shared/run-events';
import { lineText, sanitize, TerminalFeed } from '../terminal/terminal-feed';

const out = (text: string, pid = 51605, stream: 'stdout' | 'stderr' = 'stdout'): RunEvent => ({
  type: 'output',
  worker: 0,
  pid,
  task: 0,
  stream,
  text,
  t: 1,
});

describe('TerminalFeed', () => {
  it('tags each line of worker output with its PID, across chunks and partial lines', () => {
    const feed = new TerminalFeed();
    const first = feed.push([out('Task 0 starting in process 51605\nTask 0 hal')]);
    expect(first.map(lineText)).toEqual(['[51605] Task 0 starting in process 51605']);
    expect(feed.hasPartials).toBe(true);
    const second = feed.push([out('f done\n\n')]);
    expect(second.map(lineText)).toEqual(['[51605] Task 0 half done', '[51605] ']);
    expect(feed.hasPartials).toBe(false);
  });

  it('keeps partial lines of different processes apart, and flushes them on demand', () => {
    const feed = new TerminalFeed();
    feed.push([out('a', 1), out('b', 2), out('c\n', 1)]);
    expect(feed.flushPartials().map(lineText)).toEqual(['[2] b']);
  });

  it('prints driver lines as the caller, the summary apart, and stderr as stderr', () => {
    const feed = new TerminalFeed();
    const lines = feed.push([
      { type: 'driver', text: '25', stream: 'stdout', t: 5 },
      { type: 'driver', text: 'Traceback: boom\n  at task (tasks.ts:3:9)', stream: 'stderr', t: 6 },
      { type: 'driver', text: 'Failed in 6.1 s · 5 tasks · 3 worker processes', stream: 'stderr', t: 7 },
    ]);
    expect(lines.map((l) => [l.kind, l.stream, lineText(l)])).toEqual([
      ['driver', 'stdout', '[caller] 25'],
      ['driver', 'stderr', '[caller] Traceback: boom'],
      ['driver', 'stderr', '[caller]   at task (tasks.ts:3:9)'],
      ['summary', 'stdout', 'Failed in 6.1 s · 5 tasks · 3 worker processes'],
    ]);
    expect(lines[3]!.tone).toBe('bad');
  });

  it('says when output was cut off, and when a worker died', () => {
    const feed = new TerminalFeed();
    const lines = feed.push([
      { type: 'output-truncated', dropped: 0, t: 1 },
      { type: 'worker-exited', worker: 1, pid: 7, code: 1, signal: null, reason: 'crash', t: 2 },
      { type: 'worker-exited', worker: 2, pid: 8, code: 0, signal: null, reason: 'shutdown', t: 3 },
      { type: 'output-truncated', dropped: 12, t: 4 },
    ]);
    expect(lines.map(lineText)).toEqual([
      'Output limit reached: further worker output is not shown.',
      '[7] process ended unexpectedly (exit code 1)',
      '12 more lines of worker output were not shown.',
    ]);
  });

  it('removes escape sequences and control characters from user output', () => {
    expect(sanitize('\x1b[2J\x1b[31mred\x1b[0m\x07 ok\tdone')).toBe('red ok\tdone');
  });
});
