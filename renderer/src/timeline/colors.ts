/**
 * The timeline's colours, read from the theme's CSS variables (tokens.css)
 * once per theme: a canvas cannot use CSS variables, and the exported SVG
 * must carry plain colours.
 */
import { workerColor, type ThemeName } from '../theme/palette';

export interface TimelineColors {
  theme: ThemeName;
  panel: string;
  fg: string;
  muted: string;
  lane: string;
  grid: string;
  now: string;
  link: string;
  hatch: string;
  markerBg: string;
  markerFg: string;
  barText: string;
  outline: string;
  waiting: string;
  running: string;
  runningStripe: string;
  done: string;
  failed: string;
  cancelled: string;
  init: string;
  deadline: string;
  stop: string;
  shutdown: string;
  selection: string;
  lifeOpacity: number;
  waitedOpacity: number;
  worker(index: number): string;
}

const FALLBACK: Record<string, string> = {
  '--bg-panel': '#1e1e1e',
  '--fg': '#e4e4e4',
  '--fg-muted': '#ababab',
  '--tl-lane': '#232326',
  '--tl-grid': '#34343a',
  '--tl-now': '#ffd166',
  '--tl-link': '#8c8c96',
  '--tl-hatch': 'rgba(255, 255, 255, 0.35)',
  '--marker-bg': '#e9e9ee',
  '--marker-fg': '#101214',
  '--bar-text': '#101214',
  '--bar-outline': '#ffffff',
  '--bar-waiting': '#8d9db6',
  '--bar-running': '#f2b84b',
  '--bar-running-stripe': 'rgba(16, 18, 20, 0.28)',
  '--bar-done': '#5cc98a',
  '--bar-failed': '#f0646c',
  '--bar-cancelled': '#9aa3ad',
  '--tl-init': '#c59cf5',
  '--tl-deadline': '#ff9e64',
  '--tl-stop': '#ff8a80',
  '--tl-shutdown': '#7dc4ff',
  '--tl-selection': 'rgba(102, 194, 255, 0.18)',
  '--tl-life-opacity': '0.16',
  '--tl-waited-opacity': '0.35',
};

let cache: { theme: ThemeName; colors: TimelineColors } | null = null;

/** The colours of `theme` (read from the document; the built-in dark values without one). */
export function timelineColors(theme: ThemeName): TimelineColors {
  if (cache && cache.theme === theme) return cache.colors;
  const style =
    typeof document !== 'undefined' && document.documentElement.dataset.theme === theme
      ? getComputedStyle(document.documentElement)
      : null;
  const v = (name: string): string => style?.getPropertyValue(name).trim() || FALLBACK[name]!;
  const colors: TimelineColors = {
    theme,
    panel: v('--bg-panel'),
    fg: v('--fg'),
    muted: v('--fg-muted'),
    lane: v('--tl-lane'),
    grid: v('--tl-grid'),
    now: v('--tl-now'),
    link: v('--tl-link'),
    hatch: v('--tl-hatch'),
    markerBg: v('--marker-bg'),
    markerFg: v('--marker-fg'),
    barText: v('--bar-text'),
    outline: v('--bar-outline'),
    waiting: v('--bar-waiting'),
    running: v('--bar-running'),
    runningStripe: v('--bar-running-stripe'),
    done: v('--bar-done'),
    failed: v('--bar-failed'),
    cancelled: v('--bar-cancelled'),
    init: v('--tl-init'),
    deadline: v('--tl-deadline'),
    stop: v('--tl-stop'),
    shutdown: v('--tl-shutdown'),
    selection: v('--tl-selection'),
    lifeOpacity: Number(v('--tl-life-opacity')) || 0.16,
    waitedOpacity: Number(v('--tl-waited-opacity')) || 0.35,
    worker: (index) => workerColor(theme, index),
  };
  // Only remember what was read from the page (not the fallback before the theme is applied).
  if (style) cache = { theme, colors };
  return colors;
}
