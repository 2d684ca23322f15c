/**
 * @module Where the editor's sources and its built files live, for the server and the build script.
 */
import { fileURLToPath } from 'node:url';

// Resolved from the repository root, one level up both from this file and from the compiled server
// (dist/flowbus.js, which holds this module), so the two find the same folder.
const editorUrl = new URL('../editor/', import.meta.url);

/** The editor folder (sources, `index.html`, `vite.config.ts`). */
export const editorRoot = fileURLToPath(editorUrl);

/** The built editor: `index.html` and `assets/`, served at `/` by the flowbus server. */
export const editorDistDir = fileURLToPath(new URL('./dist/', editorUrl));
