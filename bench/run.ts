// `npm run bench [name...]`: runs the named benchmarks (default: all), one after another, each in its own process.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const all = ['runtime', 'scopes', 'durable', 'patterns', 'expressions', 'http', 'bus', 'queues', 'startup', 'history'];
const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : all;
let failed = false;
for (const name of names) {
  const file = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  if (!existsSync(file)) {
    console.error(`no benchmark named ${name} (known: ${all.join(', ')})`);
    failed = true;
    continue;
  }
  console.log(`\n== ${name} ==`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
