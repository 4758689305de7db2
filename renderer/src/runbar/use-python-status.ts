/**
 * Which Python a run would use (the host asks the interpreter itself): its
 * version and build, or one sentence saying there is none and how to get
 * one. Asked again when the chosen interpreter changes.
 */
import { useEffect, useState } from 'react';
import type { PythonStatus } from '../../../shared/api';
import { useApp } from '../app/app-context';

export function usePythonStatus(python: string | null, wanted: boolean): PythonStatus | null {
  const { api } = useApp();
  const [status, setStatus] = useState<{ for: string | null; status: PythonStatus } | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    api
      .pythonStatus(python)
      .then((answer) => {
        if (current) setStatus({ for: python, status: answer });
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [api, python, wanted]);
  return status && status.for === python ? status.status : null;
}

/** "Python 3.11.7 · GIL", "Python 3.13.1 · free-threaded". */
export function shortPythonName(status: Extract<PythonStatus, { ok: true }>): string {
  const build =
    status.build === 'GIL' ? 'GIL' : status.gilEnabled ? 'free-threaded, GIL on' : 'free-threaded';
  return `Python ${status.version} · ${build}`;
}
