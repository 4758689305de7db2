/** Subscribe a component to a store that exposes `subscribe` and `getVersion`. */
import { useSyncExternalStore } from 'react';

export interface VersionedStore {
  subscribe(listener: () => void): () => void;
  getVersion(): number;
}

export function useStoreVersion(store: VersionedStore): number {
  return useSyncExternalStore(store.subscribe, store.getVersion);
}
