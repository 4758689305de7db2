/**
 * Colours that carry meaning, per theme: one colour per worker process
 * (the same in the terminal's PID prefix and the timeline's lane), and one
 * per task state (the timeline's bars and legend). Chosen for contrast on
 * a projector: bar labels are dark text on mid-bright fills in both themes.
 */
import type { TaskState } from '../../../shared/run-model';

export type ThemeName = 'dark' | 'light';

/** Worker colours, in the order workers are numbered (cycled past the end). */
const WORKER_COLORS: Record<ThemeName, readonly string[]> = {
  dark: [
    '#4fc1ff',
    '#f5c451',
    '#c586f0',
    '#5fd39a',
    '#ff8f70',
    '#6ee0e8',
    '#f27ec0',
    '#b5d86e',
    '#9aa7ff',
    '#e8a85f',
  ],
  light: [
    '#005fb8',
    '#8a5a00',
    '#7a2fb0',
    '#11703f',
    '#b23a12',
    '#006d78',
    '#a4246c',
    '#4f6b00',
    '#3a47c4',
    '#8c4a00',
  ],
};

export function workerColor(theme: ThemeName, workerIndex: number): string {
  const colors = WORKER_COLORS[theme];
  return colors[((workerIndex % colors.length) + colors.length) % colors.length]!;
}

/** What the timeline shows a task as: queued and dispatched are both "waiting". */
export type BarState = 'waiting' | 'running' | 'done' | 'failed' | 'cancelled';

export function barState(state: TaskState): BarState {
  switch (state) {
    case 'queued':
    case 'dispatched':
      return 'waiting';
    case 'running':
      return 'running';
    case 'ok':
      return 'done';
    case 'error':
      return 'failed';
    case 'cancelled':
      return 'cancelled';
  }
}

export const BAR_STATES: readonly { state: BarState; label: string }[] = [
  { state: 'waiting', label: 'waiting' },
  { state: 'running', label: 'running' },
  { state: 'done', label: 'done' },
  { state: 'failed', label: 'failed' },
  { state: 'cancelled', label: 'cancelled' },
];
