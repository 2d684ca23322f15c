// `npm start`: installs what is missing, builds the editor when its build is stale, then starts the server on
// its embedded defaults, in this process.
import { ensureDependencies } from './ensure-deps.mjs';

ensureDependencies();
const { buildEditor } = await import('./build-editor.mjs');
await buildEditor({ quiet: false });
const { register } = await import('tsx/esm/api');
register();
process.argv.splice(2, 0, 'serve');
await import('../app/main.ts');
