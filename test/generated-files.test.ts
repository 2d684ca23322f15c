// Guards the committed JSON Schemas and step reference against drifting from the registry.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../app/generated-files.js';

describe('generated files are up to date (run `npm run generate` when this fails)', () => {
  for (const file of generatedFiles) {
    it(file.path, async () => {
      const committed = await readFile(new URL(`../${file.path}`, import.meta.url), 'utf8').catch(() => '');
      expect(committed === file.content(), `${file.path} differs from what npm run generate writes`).toBe(true);
    });
  }
});
