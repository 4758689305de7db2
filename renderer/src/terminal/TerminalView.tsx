/**
 * The xterm terminal: prints the run's lines as they come, in colour, and
 * re-prints everything when the theme or font size changes (colours are
 * baked into the text). Input is off: this terminal only shows output.
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { FONT_MONO } from '../theme/fonts';
import type { ThemeName } from '../theme/palette';
import { ansiLine, xtermTheme } from './terminal-theme';
import type { TerminalStore } from './terminal-store';

interface Props {
  store: TerminalStore;
  theme: ThemeName;
  fontSize: number;
}

export function TerminalView({ store, theme, fontSize }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const termRef = useRef<Terminal | null>(null);
  const fitRef = useRef<FitAddon | null>(null);
  const writtenRef = useRef({ generation: -1, total: 0 });
  const themeRef = useRef(theme);
  /** The theme and font size the terminal's content was printed with. */
  const printedRef = useRef({ theme, fontSize });

  // Create the terminal once.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const term = new Terminal({
      disableStdin: true,
      convertEol: false,
      cursorBlink: false,
      cursorInactiveStyle: 'none',
      scrollback: 25_000,
      fontFamily: FONT_MONO,
      fontSize,
      lineHeight: 1.2,
      theme: xtermTheme(themeRef.current),
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(host);
    term.write('\x1b[?25l'); // no cursor: nothing is typed here
    termRef.current = term;
    fitRef.current = fit;
    writtenRef.current = { generation: -1, total: 0 };

    let frame = 0;
    const refit = (): void => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (host.clientWidth > 0 && host.clientHeight > 0) fit.fit();
      });
    };
    const observer = new ResizeObserver(refit);
    observer.observe(host);
    refit();
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      term.dispose();
      termRef.current = null;
      fitRef.current = null;
    };
    // fontSize and theme are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Write what is new, once per frame at most.
  useEffect(() => {
    const write = (): void => {
      const term = termRef.current;
      if (!term) return;
      const written = writtenRef.current;
      if (written.generation !== store.generation) {
        term.reset();
        term.write('\x1b[?25l');
        written.generation = store.generation;
        written.total = store.total - store.lines.length;
      }
      const lines = store.since(written.total);
      written.total = store.total;
      if (lines.length === 0) return;
      const theme = themeRef.current;
      term.write(lines.map((line) => `${ansiLine(line, theme)}\r\n`).join(''));
    };
    write();
    return store.subscribe(write);
  }, [store]);

  // Theme or font size changed: restyle and print everything again. (Not on mount: the write
  // effect printed it already, and reset() here would not cancel writes still queued.)
  useEffect(() => {
    const term = termRef.current;
    if (!term) return;
    if (printedRef.current.theme === theme && printedRef.current.fontSize === fontSize) return;
    printedRef.current = { theme, fontSize };
    themeRef.current = theme;
    term.options.theme = xtermTheme(theme);
    term.options.fontSize = fontSize;
    fitRef.current?.fit();
    term.reset();
    term.write('\x1b[?25l');
    const lines = store.since(store.total - store.lines.length);
    writtenRef.current = { generation: store.generation, total: store.total };
    if (lines.length > 0) term.write(lines.map((line) => `${ansiLine(line, theme)}\r\n`).join(''));
  }, [theme, fontSize, store]);

  return <div className="terminal-host" ref={hostRef} />;
}
