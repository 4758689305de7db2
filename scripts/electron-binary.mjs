// Where the Electron binary is, without triggering its download: the
// `electron` package records it in path.txt once its installer has run.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './ensure-build.mjs';

export const electronDir = join(root, 'node_modules', 'electron');

export function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}
