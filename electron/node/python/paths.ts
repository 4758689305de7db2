/**
 * Where the Python side lives: the folder put on PYTHONPATH (its
 * sitecustomize.py installs the tracer) and the helper scripts run by path.
 * A bundled app passes its own copy of the folder (`tracerDir` options).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function defaultTracerDir(): string {
  return fileURLToPath(new URL('./tracer', import.meta.url));
}

export function helperScript(tracerDir: string, name: 'probe.py' | 'check_syntax.py'): string {
  return join(tracerDir, 'pool_playground_tracer', name);
}
