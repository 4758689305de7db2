/**
 * The xterm terminal: prints the run's lines as they come, in colour, and
 * re-prints everything when the theme or font size changes (colours are
 * baked into the text). Input is off: this terminal only shows output.
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { liveClock } from '../store/live-clock';
import { FONT_MONO } from '../theme/fonts';
import type { ThemeName } from '../theme/palette';
import { ansiLine, xtermTheme } from './terminal-theme';
import type { TerminalStore } from './terminal-store';
import type { TermLine } from './terminal-feed';

/** While a run is live, a tick with more lines than this prints only a screenful (the newest). */
const LIVE_LINES_PER_TICK = 60;

/**
 * Lines per write() when printing a whole output: xterm yields to the page between writes
 * (after ~12 ms of them), but parses each one whole, at 50–300 µs a line here: 500 lines
 * held the page for 100 ms at the end of a flood.
 */
const CHUNK_LINES = 40;

/** Empty the terminal, with no cursor (nothing is typed here). */
function clear(term: Terminal): void {
  term.reset();
  term.write('\x1b[?25l');
}

/** Print every line the store keeps, from an empty terminal; what was written is now all of it. */
function reprint(
  term: Terminal,
  store: TerminalStore,
  theme: ThemeName,
  written: { generation: number; total: number },
): void {
  clear(term);
  written.generation = store.generation;
  written.total = store.total;
  writeInChunks(term, store.since(store.total - store.lines.length), theme);
}

/** Write lines a chunk at a time; `parsed` is called once xterm has parsed the last. */
function writeInChunks(
  term: Terminal,
  lines: readonly TermLine[],
  theme: ThemeName,
  parsed?: () => void,
): void {
  for (let i = 0; i < lines.length; i += CHUNK_LINES) {
    const last = i + CHUNK_LINES >= lines.length;
    term.write(
      lines
        .slice(i, i + CHUNK_LINES)
        .map((line) => `${ansiLine(line, theme)}\r\n`)
        .join(''),
      last ? parsed : undefined,
    );
  }
}

interface Props {
  store: TerminalStore;
  theme: ThemeName;
  fontSize: number;
}

export function TerminalView({ store, theme, fontSize }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const bannerRef = useRef<HTMLDivElement>(null);
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

  // Write what is new: once per frame at most, and while a run is live, at the start of the
  // live clock's tick (the rest of the tick waits for xterm to parse it, so both draw in one frame).
  useEffect(() => {
    let queued = false;
    let disposed = false;
    /** Lines held back during a flood, until the run ends: said on the banner (and read by tests). */
    const holdBack = (count: number): void => {
      const banner = bannerRef.current;
      if (!banner) return;
      banner.dataset.linesHeldBack = String(count);
      banner.hidden = count === 0;
      banner.textContent =
        count === 0
          ? ''
          : `Output faster than it can be shown: the newest lines live, ${count.toLocaleString('en')} more when the run ends`;
    };
    let heldBack = 0;
    const write = (): Promise<void> | void => {
      queued = false;
      const term = termRef.current;
      if (!term || disposed) return;
      const written = writtenRef.current;
      if (written.generation !== store.generation) {
        clear(term);
        written.generation = store.generation;
        written.total = store.total - store.lines.length;
        heldBack = 0;
        holdBack(0);
      }
      let lines = store.since(written.total);
      written.total = store.total;
      if (lines.length === 0) return;
      // The run that flooded is over: printAll prints every line, this excerpt would be wiped.
      if (!liveClock.ticking && heldBack > 0) return;
      const theme = themeRef.current;
      // A flood: xterm parses ~50 µs a line, so while the run is live print a screenful (the
      // newest lines) and hold the rest back until the run ends.
      const keep = Math.max(1, term.rows);
      if (liveClock.ticking && lines.length > Math.max(LIVE_LINES_PER_TICK, keep)) {
        if (heldBack === 0) liveClock.onceStopped(printAll);
        heldBack += lines.length - keep;
        holdBack(heldBack);
        lines = lines.slice(-keep);
      }
      return new Promise((parsed) => writeInChunks(term, lines, theme, parsed));
    };
    /** The run is over: print every kept line again, in place of the live excerpt. */
    const printAll = (): void => {
      const term = termRef.current;
      if (!term || heldBack === 0 || disposed) return;
      heldBack = 0;
      holdBack(0);
      reprint(term, store, themeRef.current, writtenRef.current);
    };
    const onChange = (): void => {
      if (queued) return;
      queued = true;
      if (!liveClock.early(write)) void write();
    };
    void write();
    const unsubscribe = store.subscribe(onChange);
    return () => {
      disposed = true;
      unsubscribe();
    };
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
    reprint(term, store, theme, writtenRef.current);
  }, [theme, fontSize, store]);

  return (
    <>
      <div className="terminal-host" ref={hostRef} />
      <div
        className="terminal-held-back"
        ref={bannerRef}
        role="status"
        data-testid="terminal-held-back"
        data-lines-held-back="0"
        hidden
      />
    </>
  );
}
