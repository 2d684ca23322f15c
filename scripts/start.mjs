// `npm start`: installs what is missing, builds the editor and compiles the server when their builds are stale,
// then starts the compiled server on its embedded defaults, in this process.
import { pathToFileURL } from 'node:url';
import { ensureDependencies } from './ensure-deps.mjs';

ensureDependencies();
const { buildEditor } = await import('./build-editor.mjs');
const { buildServer } = await import('./build-server.mjs');
await buildEditor({ quiet: false });
const bundle = await buildServer({ quiet: false });
process.setSourceMapsEnabled(true);
process.argv.splice(2, 0, 'serve');
await import(pathToFileURL(bundle).href);
