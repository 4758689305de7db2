/**
 * Follow a store, but re-render at most every `ms` (the last change always
 * gets through): for views that need not keep up with every redraw, like
 * the timeline's accessible mirror during a live run.
 */
import { useEffect, useState } from 'react';
import type { VersionedStore } from '../store/use-store';

export function useThrottledVersion(store: VersionedStore, ms: number): number {
  const [version, setVersion] = useState(() => store.getVersion());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const update = (): void => {
      timer = null;
      last = performance.now();
      setVersion(store.getVersion());
    };
    const unsubscribe = store.subscribe(() => {
      if (timer !== null) return;
      const wait = last + ms - performance.now();
      if (wait <= 0) update();
      else timer = setTimeout(update, wait);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store, ms]);
  return version;
}
