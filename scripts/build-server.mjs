// Compiles the server and CLI (app/main.ts with engine/, connectors/ and the editor's static handler) into one
// JavaScript module with a source map, dist/flowbus.js, when it is missing or stale. The npm packages it uses
// are bundled too: loading hundreds of small files from node_modules was a third of the start-up time.
// `node scripts/build-server.mjs` builds when needed; `--force` always builds. Used by `npm start`, bin/flowbus.js
// and the compiled-server test.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const outDir = join(root, 'dist');

/** The compiled entry; one level below the root, as its sources are, so module-relative paths still hold. */
export const serverBundle = join(outDir, 'flowbus.js');
const manifestFile = join(outDir, 'flowbus.inputs.json');

/** Files whose change means a rebuild besides the bundle's own inputs. */
const BUILD_INPUTS = [
  'package-lock.json',
  'node_modules/.package-lock.json',
  'tsconfig.json',
  'scripts/build-server.mjs',
];

function modifiedAt(file) {
  try {
    return statSync(join(root, file)).mtimeMs;
  } catch {
    return Infinity;
  }
}

/**
 * Whether dist/flowbus.js is missing or older than a file it was built from. The manifest lists exactly the
 * files the last build read (from esbuild's metafile), so the check stats those and nothing else: a new file
 * only matters once an existing input imports it, which changes that input.
 */
export function serverBuildIsStale() {
  if (!existsSync(serverBundle) || !existsSync(manifestFile)) return true;
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch {
    return true;
  }
  if (!Array.isArray(manifest.inputs) || typeof manifest.startedAt !== 'number') return true;
  // compared with the build's start: a source saved while the build ran counts as newer
  return [...manifest.inputs, ...BUILD_INPUTS].some((file) => modifiedAt(file) >= manifest.startedAt);
}

/** Writes a file through a temporary name, so that a process loading the bundle never sees half of it. */
function writeAtomically(file, contents) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

/**
 * The bundle with every character outside ASCII written as `\uXXXX`. esbuild already escapes them in code
 * (`charset: 'ascii'`) but keeps comments as they are (six such characters, in comments of bundled packages), and
 * a source with any character past Latin-1 is two-byte text to V8: 1.8 MB more heap, measured at idle.
 */
function asciiOnly(text) {
  return text.replace(/[^\x00-\x7f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Builds when stale (or always with `force`); resolves with the path of the compiled entry. */
export async function buildServer({ force = false, quiet = false } = {}) {
  if (!force && !serverBuildIsStale()) return serverBundle;
  if (!quiet) console.log('compiling the server (esbuild)...');
  const startedAt = Date.now();
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['app/main.ts'],
    outfile: serverBundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    charset: 'ascii',
    // bundled CommonJS packages require Node's built-ins; an ES module has no `require` of its own
    banner: {
      js: [
        "import { createRequire as __flowbusRequire } from 'node:module';",
        'const require = __flowbusRequire(import.meta.url);',
      ].join(' '),
    },
    logLevel: quiet ? 'silent' : 'warning',
    metafile: true,
    write: false,
  });
  mkdirSync(outDir, { recursive: true });
  // the map first: a process that sees the new bundle finds its map
  const isMap = (output) => output.path.endsWith('.map');
  const outputs = [...result.outputFiles.filter(isMap), ...result.outputFiles.filter((output) => !isMap(output))];
  for (const output of outputs) writeAtomically(output.path, isMap(output) ? output.contents : asciiOnly(output.text));
  // packages are covered by the installed lock file (BUILD_INPUTS), which every install rewrites
  const inputs = Object.keys(result.metafile.inputs)
    .map((file) => relative(root, join(root, file)))
    .filter((file) => !file.startsWith('node_modules/'));
  writeAtomically(manifestFile, `${JSON.stringify({ startedAt, inputs }, null, 2)}\n`);
  return serverBundle;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const bundle = await buildServer({ force: process.argv.includes('--force') });
  console.log(`server ready in ${relative(root, bundle)}`);
}
