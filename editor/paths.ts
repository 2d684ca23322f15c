/**
 * @module Where the editor's sources and its built files live, for the server and the build script.
 */
import { join } from 'node:path';
import { packageRoot } from '../engine/core/package-root.js';

// From the package root, so that the sources and the compiled server (dist/flowbus.js, which holds this
// module) find the same folder.
const editorDir = join(packageRoot(import.meta.url), 'editor');

/** The editor folder (sources, `index.html`, `vite.config.ts`). */
export const editorRoot = editorDir;

/** The built editor: `index.html` and `assets/`, served at `/` by the flowbus server. */
export const editorDistDir = join(editorDir, 'dist');
