// Builds the editor (editor/ -> editor/dist) with Vite when the build is missing or older than its sources.
// `node scripts/build-editor.mjs` builds when needed; `--force` always builds. Used by `npm start` and the
// end-to-end test.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const editorDir = join(root, 'editor');
const distIndex = join(editorDir, 'dist', 'index.html');

/** Sources the bundle is made of: the editor and the engine modules it imports. */
const SOURCES = [
  'editor/src',
  'editor/index.html',
  'editor/vite.config.ts',
  'engine/core',
  'engine/expressions',
  'engine/regex',
  'engine/flow/document.ts',
  'engine/runtime/trigger-input.ts',
  'engine/bus/templates.ts',
  'package-lock.json',
];

function newestModification(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestModification(join(path, entry)));
  return newest;
}

/** Whether editor/dist is missing or older than any of its sources. */
export function editorBuildIsStale() {
  if (!existsSync(distIndex)) return true;
  const built = statSync(distIndex).mtimeMs;
  return SOURCES.some((source) => newestModification(join(root, source)) > built);
}

/** A build older than this holding the lock is taken to have died. */
const STALE_LOCK_MS = 120_000;

/** Runs `work` while holding editor/.build-lock, so that two processes never build into dist at once. */
async function withBuildLock(work) {
  const lock = join(editorDir, '.build-lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (thrown) {
      if (thrown.code !== 'EEXIST') throw thrown;
      const age = Date.now() - (existsSync(lock) ? statSync(lock).mtimeMs : Date.now());
      if (age > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds the editor when stale (or always with `force`); resolves with the dist folder. */
export async function buildEditor({ force = false, quiet = false } = {}) {
  const distDir = join(editorDir, 'dist');
  if (!force && !editorBuildIsStale()) return distDir;
  return withBuildLock(async () => {
    // Another process may have built it while this one waited for the lock.
    if (!force && !editorBuildIsStale()) return distDir;
    if (!quiet) console.log('building the editor (vite)...');
    const { build } = await import('vite');
    await build({ configFile: join(editorDir, 'vite.config.ts'), logLevel: quiet ? 'silent' : 'warn' });
    return distDir;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const distDir = await buildEditor({ force: process.argv.includes('--force') });
  console.log(`editor ready in ${distDir}`);
}
