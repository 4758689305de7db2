/** Checks the code a moment after each edit, and when what it is checked as changes (see check-code.ts). */
import { useEffect } from 'react';
import { useApp } from '../app/app-context';
import { checkCode } from './check-code';

const CHECK_DELAY_MS = 350;

export function useCodeCheck(code: string, checkedAs: string): void {
  const { api, codeCheck, workspace } = useApp();
  useEffect(() => {
    const timer = setTimeout(() => {
      checkCode({ api, codeCheck, workspace }, code).catch(() => {
        // The host is unreachable: Run will say so; the editor keeps working.
      });
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [api, code, checkedAs, codeCheck, workspace]);
}
