/**
 * The terminal's colours per theme, and how a line is coloured: the PID tag
 * in its worker's colour (the same as its timeline lane), stderr in red,
 * the driver's lines bright, notices dim, the summary green or red.
 */
import type { ITheme } from '@xterm/xterm';
import { workerColor, type ThemeName } from '../theme/palette';
import type { TermLine } from './terminal-feed';

interface Tones {
  fg: string;
  bright: string;
  dim: string;
  bad: string;
  good: string;
}

const TONES: Record<ThemeName, Tones> = {
  dark: { fg: '#d4d4d4', bright: '#ffffff', dim: '#9da5b4', bad: '#ff7b72', good: '#56d364' },
  light: { fg: '#1f2328', bright: '#000000', dim: '#57606a', bad: '#c0211a', good: '#1a7f37' },
};

export function xtermTheme(theme: ThemeName): ITheme {
  return theme === 'dark'
    ? {
        background: '#141414',
        foreground: TONES.dark.fg,
        cursor: '#141414',
        cursorAccent: '#141414',
        selectionBackground: '#264f78',
      }
    : {
        background: '#ffffff',
        foreground: TONES.light.fg,
        cursor: '#ffffff',
        cursorAccent: '#ffffff',
        selectionBackground: '#b6d7ff',
      };
}

function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `${(n >> 16) & 255};${(n >> 8) & 255};${n & 255}`;
}

const fg = (hex: string): string => `\x1b[38;2;${rgb(hex)}m`;
const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';

/** One line with its colours, as escape sequences for xterm (no newline). */
export function ansiLine(line: TermLine, theme: ThemeName): string {
  const t = TONES[theme];
  const body = (color: string | null): string => (color ? `${fg(color)}${line.text}${RESET}` : line.text);
  switch (line.kind) {
    case 'info':
      return body(t.dim);
    case 'summary':
      return `${BOLD}${body(line.tone === 'good' ? t.good : t.bad)}`;
    case 'notice': {
      const color = line.tone === 'bad' ? t.bad : t.dim;
      const tag = line.tag === null ? '' : `${BOLD}${fg(tagColor(line, theme))}[${line.tag}]${RESET} `;
      return `${tag}${body(color)}`;
    }
    case 'worker':
    case 'driver': {
      const tag = `${BOLD}${fg(tagColor(line, theme))}[${line.tag}]${RESET} `;
      const color = line.stream === 'stderr' ? t.bad : line.kind === 'driver' ? t.bright : null;
      return `${tag}${body(color)}`;
    }
  }
}

function tagColor(line: TermLine, theme: ThemeName): string {
  if (line.worker !== null) return workerColor(theme, line.worker);
  return TONES[theme].bright;
}
