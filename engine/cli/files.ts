/**
 * @module Finds files by name ending under the files and folders given on the command line.
 */
import { findFiles } from '../json/files.js';

/** Files given directly, plus files under given folders, whose names end with `ending`; sorted. */
export function findFilesEndingWith(paths: string[], ending: string): Promise<string[]> {
  return findFiles(paths, [ending]);
}
