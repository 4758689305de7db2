/**
 * A button that opens a panel beside it (the run bar's Advanced settings,
 * the Python picker): a pointer press outside closes it, and Escape closes
 * it and gives the focus back to its button.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

export function usePopover() {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent): void => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && open) {
      e.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    }
  };

  return { open, setOpen, rootRef, buttonRef, onKeyDown };
}
