/**
 * @module Vite build of the editor: a static single-page app in `editor/dist`, served by the flowbus server.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const editorRoot = fileURLToPath(new URL('./', import.meta.url));

export default defineConfig({
  root: editorRoot,
  base: './',
  logLevel: 'warn',
  resolve: {
    // The editor reuses engine/expressions in the browser for syntax checks and previews; its one Node import
    // (randomUUID for `$uuid()`) maps to the Web Crypto API.
    alias: { 'node:crypto': fileURLToPath(new URL('./src/shims/node-crypto.ts', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist/', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      onwarn(warning, warn) {
        // React Flow marks its bundle "use client" for server-component frameworks; a plain SPA has none.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
