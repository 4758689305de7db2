/** Puts the workspace's theme on <html> (CSS variables follow; Monaco and xterm are told by their views). */
import { useEffect } from 'react';
import type { ThemeName } from '../theme/palette';

export function useDocumentTheme(theme: ThemeName): void {
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
}
