// The layering rule: which folder may import what. A file's folder says
// which process runs it (see README, "Where things are"), so an import across
// a line it must not cross is an error:
//
//   electron/pool/worker/   only electron/pool/common/ and Node built-ins
//   electron/pool/common/   nothing from parent/ or worker/
//   electron/pool/          nothing outside electron/pool/ (Node built-ins and declared packages only)
//   electron/node/          nothing from electron/main/ or electron/preload/
//   renderer/               only renderer/, shared/ and its npm packages
//   shared/                 no Node built-ins, nothing from electron/ or renderer/
//   everywhere              only electron/main/ and electron/preload/ import `electron`
//
// ESLint's no-restricted-imports matches the import's text, not the file it
// names, and a later config block replaces an earlier block's options for the
// same rule. So each block holds every restriction of the files it matches,
// with each forbidden place spelled as the relative path that reaches it from
// there (`../../shared`); lint/layers.test.ts proves each line holds.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { posix } from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// `electron` is declared too: whether it may be imported is the electron rule's to say.
const declared = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const BUILTINS = `(?:node:|(?:${builtinModules.map(escape).join('|')})(?:/|$))`;

/** `from` → `to` as an import writes it, without the leading './' ('' when they are the same folder). */
const up = (from, to) => posix.relative(from, to);
/** A regex source matching specifiers that reach `to` (or below) from folder `from`. */
function reaches(from, to) {
  const rel = up(from, to);
  if (rel === '') return String.raw`\.(?:/|$)`;
  return `${rel.startsWith('..') ? '' : String.raw`\./`}${escape(rel)}(?:/|$)`;
}
/** Specifiers that leave folder `area` (or any of its subfolders) from folder `from`. */
function leaves(from, area) {
  const rel = up(from, area);
  return `${rel ? `${escape(rel)}/` : ''}\\.\\.(?:/|$)`;
}
const within = (dir, area) => dir === area || dir.startsWith(`${area}/`);

const ELECTRON = {
  regex: '^electron(?:/|$)',
  message: 'Only electron/main and electron/preload import electron.',
};

/** Every restriction on the files directly in `dir`. */
export function restrictionsFor(dir) {
  const patterns = [];
  if (!within(dir, 'electron/main') && !within(dir, 'electron/preload')) patterns.push(ELECTRON);
  if (within(dir, 'electron/pool/worker')) {
    const allowed = [reaches(dir, 'electron/pool/worker'), reaches(dir, 'electron/pool/common')];
    patterns.push({
      regex: `^(?!${BUILTINS}|(?:${allowed.join('|')})(?!.*\\.\\.))`,
      message: 'A pool worker imports only electron/pool/common and Node built-ins.',
    });
  }
  if (within(dir, 'electron/pool/common')) {
    patterns.push({
      regex: `^(?:${reaches(dir, 'electron/pool/parent')}|${reaches(dir, 'electron/pool/worker')})`,
      message: 'electron/pool/common is loaded by both sides: it imports nothing from parent/ or worker/.',
    });
  }
  if (within(dir, 'electron/pool')) {
    patterns.push({
      regex: `^${leaves(dir, 'electron/pool')}`,
      message: 'The pool is a library of its own: it imports nothing from outside electron/pool.',
    });
    patterns.push({
      regex: `^(?!\\.|${BUILTINS}|(?:${declared.map(escape).join('|')})(?:/|$))`,
      message: 'The pool imports only Node built-ins and packages declared in package.json.',
    });
  }
  if (within(dir, 'electron/node')) {
    patterns.push({
      regex: `^(?:${reaches(dir, 'electron/main')}|${reaches(dir, 'electron/preload')})`,
      message:
        'electron/node runs in any Node process: it imports nothing from electron/main or electron/preload.',
    });
  }
  if (within(dir, 'renderer')) {
    patterns.push({
      regex: `^${escape(up(dir, 'renderer') ? `${up(dir, 'renderer')}/` : '')}\\.\\.(?!/shared(?:/|$))(?:/|$)`,
      message: 'The renderer imports only renderer/ and shared/ (it reaches the host through PlaygroundApi).',
    });
  }
  if (within(dir, 'renderer') || within(dir, 'shared')) {
    patterns.push({ regex: `^${BUILTINS}`, message: 'Code the renderer loads cannot use Node built-ins.' });
  }
  if (within(dir, 'shared')) {
    patterns.push({
      regex: `^${leaves(dir, 'shared')}`,
      message: 'shared/ is loaded by both sides: it imports nothing from electron/ or renderer/.',
    });
  }
  return patterns;
}

/**
 * Areas from the most general to the most specific: a file in several gets the
 * restrictions of the last (ESLint's later blocks win), which hold those of the
 * areas around it too. Each area gets a block per depth below it, so folders
 * that do not exist yet (a new electron/node/... folder) are covered as well.
 */
const AREAS = [
  'electron',
  'electron/pool',
  'electron/pool/common',
  'electron/pool/worker',
  'electron/node',
  'electron/main',
  'electron/preload',
  'renderer',
  'shared',
  'e2e',
  'bench',
  'scripts',
  'lint',
];
const MAX_DEPTH = 8;

export function layeringConfig() {
  const blocks = [];
  for (const area of AREAS) {
    for (let depth = 0; depth <= MAX_DEPTH; depth++) {
      // The restrictions depend on how deep a folder is, not on its name.
      const dir = [area, ...Array(depth).fill('_')].join('/');
      const glob = [area, ...Array(depth).fill('*')].join('/');
      blocks.push({
        files: [`${glob}/*.{ts,tsx,mts,mjs,js}`],
        rules: { 'no-restricted-imports': ['error', { patterns: restrictionsFor(dir) }] },
      });
    }
  }
  return blocks;
}
