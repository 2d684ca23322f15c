/**
 * @module Where the editor's sources and its built files live, for the server and the build script.
 */
import { fileURLToPath } from 'node:url';

/** The editor folder (sources, `index.html`, `vite.config.ts`). */
export const editorRoot = fileURLToPath(new URL('./', import.meta.url));

/** The built editor: `index.html` and `assets/`, served at `/` by the flowbus server. */
export const editorDistDir = fileURLToPath(new URL('./dist/', import.meta.url));
