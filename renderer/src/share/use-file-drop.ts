/**
 * Dropping a shared file anywhere on the window opens it (the same as
 * Open file…). Only drags that carry files are taken; text dragged into the
 * editor is left alone.
 */
import type { DragEvent } from 'react';
import type { AppStores } from '../app/app-context';
import { openSharedFile } from './share-files';

const carriesFiles = (e: DragEvent): boolean => Array.from(e.dataTransfer.types).includes('Files');

export function fileDropHandlers(stores: AppStores) {
  const { share } = stores;
  return {
    onDragOver(e: DragEvent): void {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      share.drag(true);
    },
    onDragLeave(e: DragEvent): void {
      // Leaving the window, not moving between its parts.
      if (e.relatedTarget === null) share.drag(false);
    },
    onDrop(e: DragEvent): void {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      share.drag(false);
      const file = e.dataTransfer.files[0];
      if (file) void openSharedFile(stores, file);
    },
  };
}
