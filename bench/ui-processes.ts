/**
 * CPU time of the browser's processes and of the host, for `npm run bench:ui`:
 * Chromium says which process is which (CDP SystemInfo.getProcessInfo:
 * browser, renderer, GPU, utility…); Linux says how much CPU each used
 * (/proc/<pid>/stat, user + system time of the process itself, not of its
 * children — the host's workers are not counted as the host).
 */
import type { Browser, CDPSession } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const USER_HZ = 100;

/** Seconds of CPU a process has used so far, or null when it cannot be read. */
export function processCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return (utime + stime) / USER_HZ;
  } catch {
    return null;
  }
}

interface ChromiumProcess {
  type: string;
  id: number;
  cpuTime: number;
}

export type CpuSnapshot = Map<number, { type: string; seconds: number }>;

export class BrowserProcesses {
  readonly #session: CDPSession;

  private constructor(session: CDPSession) {
    this.#session = session;
  }

  static async attach(browser: Browser): Promise<BrowserProcesses> {
    return new BrowserProcesses(await browser.newBrowserCDPSession());
  }

  /** CPU seconds per Chromium process, by pid (from /proc when readable, else Chromium's own figure). */
  async snapshot(): Promise<CpuSnapshot> {
    const info = (await this.#session.send('SystemInfo.getProcessInfo')) as {
      processInfo: ChromiumProcess[];
    };
    const out: CpuSnapshot = new Map();
    for (const p of info.processInfo) {
      out.set(p.id, { type: p.type, seconds: processCpuSeconds(p.id) ?? p.cpuTime });
    }
    return out;
  }
}

/** CPU seconds used between two snapshots, summed per process type (renderer, GPU, browser…). */
export function cpuByType(before: CpuSnapshot, after: CpuSnapshot): Map<string, number> {
  const out = new Map<string, number>();
  for (const [pid, now] of after) {
    const then = before.get(pid)?.seconds ?? 0;
    out.set(now.type, (out.get(now.type) ?? 0) + Math.max(0, now.seconds - then));
  }
  return out;
}

/** Share of one CPU (%) each Chromium process type used while `during` ran (its wall time). */
export async function cpuSharesDuring(
  processes: BrowserProcesses,
  during: () => Promise<unknown>,
): Promise<Map<string, number>> {
  const before = await processes.snapshot();
  const t0 = performance.now();
  await during();
  const seconds = (performance.now() - t0) / 1000;
  const used = cpuByType(before, await processes.snapshot());
  return new Map([...used].map(([type, s]) => [type, (100 * s) / seconds]));
}

/**
 * Waits until the renderer processes use less than `share` of a CPU over
 * `windowMs` (at most `timeoutMs`): a page just loaded still type-checks the
 * code, lays out the editor and saves the workspace, which is not the cost
 * of watching a run. Returns the renderer share of the last window (%).
 */
export async function untilQuiet(
  processes: BrowserProcesses,
  { share = 0.05, windowMs = 300, timeoutMs = 10_000 } = {},
): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  let last = Infinity;
  while (performance.now() < deadline) {
    const shares = await cpuSharesDuring(processes, () => new Promise((r) => setTimeout(r, windowMs)));
    last = shares.get('renderer') ?? 0;
    if (last < share * 100) break;
  }
  return last;
}
