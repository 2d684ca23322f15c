// `npm start`: installs what is missing, then starts the server on its embedded defaults, in this process.
import { ensureDependencies } from './ensure-deps.mjs';

ensureDependencies();
const { register } = await import('tsx/esm/api');
register();
process.argv.splice(2, 0, 'serve');
await import('../app/main.ts');
