/**
 * Ctrl/Cmd+Enter runs, wherever the focus is (the editor included: it would
 * insert a line). F6 / Shift+F6 move between panes. F11, or P outside a text
 * field, switches the presenter layout.
 */
import { useEffect } from 'react';
import type { RunController } from '../run/run-controller';
import { isTyping, togglePresenter } from '../layout/presenter';
import { cyclePanes } from './pane-cycle';

export function useGlobalShortcuts(controller: RunController): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      if (e.key === 'F6' && !e.ctrlKey && !e.altKey && !e.metaKey) {
        if (document.querySelector('dialog[open]')) return;
        e.preventDefault();
        e.stopPropagation();
        cyclePanes(e.shiftKey ? -1 : 1);
        return;
      }
      const plain = !e.ctrlKey && !e.altKey && !e.metaKey;
      if (plain && (e.key === 'F11' || ((e.key === 'p' || e.key === 'P') && !isTyping(e.target)))) {
        if (document.querySelector('dialog[open]')) return;
        // F11 also makes a browser full screen: the two go well together on a projector.
        if (e.key !== 'F11') e.preventDefault();
        togglePresenter();
        return;
      }
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      e.stopPropagation();
      void controller.run();
    };
    // Capture phase: before Monaco handles the key.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [controller]);
}
