/**
 * Workers run the user's code, and (as utility processes) are not sandboxed:
 * they get a scrubbed environment — no tokens, keys or proxies inherited from
 * whoever started the app — and a private temporary working directory.
 */
const KEEP = ['PATH', 'LANG', 'LC_ALL', 'TZ', 'SystemRoot', 'SYSTEMROOT', 'WINDIR', 'COMSPEC'];

export function workerEnvironment(workDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    HOME: workDir,
    TMPDIR: workDir,
    TEMP: workDir,
    TMP: workDir,
    NODE_ENV: 'production',
  };
  for (const key of KEEP) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  env.LANG ??= 'C.UTF-8';
  return env;
}
