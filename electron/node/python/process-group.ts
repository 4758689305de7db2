/**
 * The Python program runs in its own session and process group (spawned
 * `detached`), so its whole tree — the program, the forkserver, every worker,
 * anything they start — can be counted and ended together, and checked gone.
 *
 * Linux reads /proc; other POSIX systems ask `ps`. Zombies (dead, not yet
 * reaped) do not count: they hold no resources and cannot be signalled away.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface GroupMember {
  pid: number;
  ppid: number;
  /** The kernel's state letter (R, S, D, T, ...). */
  state: string;
  name: string;
}

/** The live (non-zombie) processes of process group `pgid`. */
export async function listGroup(pgid: number): Promise<GroupMember[]> {
  return process.platform === 'linux' ? listGroupLinux(pgid) : listGroupPs(pgid);
}

function listGroupLinux(pgid: number): GroupMember[] {
  const members: GroupMember[] = [];
  for (const entry of readdirSync('/proc')) {
    const first = entry.charCodeAt(0);
    if (first < 48 || first > 57) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
    } catch {
      continue; // gone meanwhile
    }
    // "pid (comm) state ppid pgrp ..." — comm may hold spaces and parentheses.
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    if (Number(fields[2]) !== pgid || fields[0] === 'Z' || fields[0] === 'X') continue;
    members.push({
      pid: Number(entry),
      ppid: Number(fields[1]),
      state: fields[0] ?? '?',
      name: stat.slice(stat.indexOf('(') + 1, close),
    });
  }
  return members;
}

function listGroupPs(pgid: number): Promise<GroupMember[]> {
  return new Promise((resolve) => {
    execFile('ps', ['-A', '-o', 'pid=,ppid=,pgid=,stat=,comm='], { encoding: 'utf8' }, (error, stdout) => {
      if (error) {
        resolve(groupExists(pgid) ? [{ pid: pgid, ppid: 0, state: '?', name: '?' }] : []);
        return;
      }
      const members: GroupMember[] = [];
      for (const line of stdout.split('\n')) {
        const [pid, ppid, group, state, ...name] = line.trim().split(/\s+/);
        if (Number(group) !== pgid || !state || state.startsWith('Z')) continue;
        members.push({ pid: Number(pid), ppid: Number(ppid), state, name: name.join(' ') });
      }
      resolve(members);
    });
  });
}

function groupExists(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Signal every process of the group; false when none was there. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Poll until the group has no live process, or `ms` passed; returns who is left. */
export async function waitForEmptyGroup(pgid: number, ms: number): Promise<GroupMember[]> {
  const deadline = performance.now() + ms;
  for (;;) {
    const left = await listGroup(pgid);
    if (left.length === 0 || performance.now() >= deadline) return left;
    await sleep(20);
  }
}

/**
 * End the group: SIGTERM, then SIGKILL for whatever is left after `graceMs`
 * (0: SIGKILL at once). Resolves with the processes still alive at the end —
 * none, unless one escaped into another group or is stuck in the kernel.
 */
export async function endGroup(pgid: number, graceMs = 300, killWaitMs = 600): Promise<GroupMember[]> {
  if (graceMs > 0) {
    if (!signalGroup(pgid, 'SIGTERM')) return waitForEmptyGroup(pgid, 0);
    if ((await waitForEmptyGroup(pgid, graceMs)).length === 0) return [];
  }
  // Repeat: a process forking at the moment of the signal may leave a new child.
  const deadline = performance.now() + killWaitMs;
  for (;;) {
    signalGroup(pgid, 'SIGKILL');
    const left = await waitForEmptyGroup(pgid, 60);
    if (left.length === 0 || performance.now() >= deadline) return left;
  }
}

/**
 * Counts the group's processes every `intervalMs` and reports the count; the
 * caller decides what is too many (the host's worker cap, a fork bomb).
 */
export class GroupWatch {
  #timer: ReturnType<typeof setTimeout> | null = null;
  #stopped = false;

  constructor(
    private readonly pgid: number,
    private readonly onCount: (members: GroupMember[]) => void,
    private readonly intervalMs = process.platform === 'linux' ? 100 : 250,
  ) {
    this.#schedule();
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
  }

  #schedule(): void {
    this.#timer = setTimeout(() => {
      void listGroup(this.pgid).then((members) => {
        if (this.#stopped) return;
        this.onCount(members);
        if (!this.#stopped) this.#schedule();
      });
    }, this.intervalMs);
  }
}
