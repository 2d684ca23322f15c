// `npm run generate`: writes the JSON Schemas and the step reference from the registry.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedFiles } from '../app/generated-files.js';

const root = fileURLToPath(new URL('../', import.meta.url));
for (const file of generatedFiles) {
  await mkdir(dirname(root + file.path), { recursive: true });
  await writeFile(root + file.path, file.content());
  console.log(`wrote ${file.path}`);
}
