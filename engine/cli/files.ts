/**
 * @module Finds files by name ending under files and folders given on the command line.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Files given directly, plus files under given folders whose names end with `ending`; sorted. */
export async function findFilesEndingWith(paths: string[], ending: string): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) continue;
    if (info.isFile()) {
      if (path.endsWith(ending)) found.push(path);
      continue;
    }
    const entries = await readdir(path, { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      const full = join(entry.parentPath, entry.name);
      if (entry.isFile() && entry.name.endsWith(ending) && !/[\\/](node_modules|\.[^\\/]+)[\\/]/.test(full)) {
        found.push(full);
      }
    }
  }
  return [...new Set(found)].sort();
}
