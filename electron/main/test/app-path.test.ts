/** The `app://` path guard: the renderer's files are served, nothing else on disk. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererFileFor } from '../app-path';

const ROOT = join('/opt', 'app', 'renderer');

describe('the app:// path guard', () => {
  it('serves files inside the renderer folder', () => {
    expect(rendererFileFor(ROOT, 'app://playground/index.html')).toBe(join(ROOT, 'index.html'));
    expect(rendererFileFor(ROOT, 'app://playground/assets/app.js?v=2#x')).toBe(
      join(ROOT, 'assets', 'app.js'),
    );
    expect(rendererFileFor(ROOT, 'app://playground/assets/a%20b.css')).toBe(join(ROOT, 'assets', 'a b.css'));
    // A `..` that stays inside is fine.
    expect(rendererFileFor(ROOT, 'app://playground/assets/../index.html')).toBe(join(ROOT, 'index.html'));
  });

  it('refuses paths that leave it, however they are spelled', () => {
    for (const url of [
      'app://playground/../secret.txt',
      'app://playground/../../etc/passwd',
      'app://playground/%2e%2e/secret.txt',
      'app://playground/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      'app://playground/assets/..%2f..%2fsecret.txt',
      'app://playground/..%5c..%5csecret.txt',
      `app://playground/..${encodeURIComponent('/')}renderer-other/x.js`,
    ]) {
      const path = rendererFileFor(ROOT, url);
      expect(path === null || path.startsWith(`${ROOT}/`), url).toBe(true);
      if (path !== null) expect(path, url).not.toContain('..');
    }
    // The URL parser folds `..` and `%2e%2e` segments away itself; an encoded slash reaches the guard.
    expect(rendererFileFor(ROOT, 'app://playground/%2e%2e/secret.txt')).toBe(join(ROOT, 'secret.txt'));
    expect(rendererFileFor(ROOT, 'app://playground/..%2fsecret.txt')).toBeNull();
    expect(rendererFileFor(ROOT, 'app://playground/..%2frenderer-other/x.js')).toBeNull();
  });

  it('refuses the folder itself, another host or scheme, and malformed escapes', () => {
    expect(rendererFileFor(ROOT, 'app://playground/')).toBeNull();
    expect(rendererFileFor(ROOT, 'app://other/index.html')).toBeNull();
    expect(rendererFileFor(ROOT, 'file:///opt/app/renderer/index.html')).toBeNull();
    expect(rendererFileFor(ROOT, 'app://playground/%E0%A4%A')).toBeNull();
    expect(rendererFileFor(ROOT, 'app://playground/index.html%00.png')).toBeNull();
  });
});
