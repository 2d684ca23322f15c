/**
 * @module Flow files on disk: content versions, atomic writes, and where a flow id lives.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { FlowbusError } from '../../core/errors.js';

/** The suffix of flow files. */
export const FLOW_FILE_SUFFIX = '.flow.json';

/** What a flow id created through the API looks like: a lowercase slug (it becomes the file name). */
export const NEW_FLOW_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** The version of a flow text: the start of its SHA-256, so equal texts have equal versions. */
export function flowVersion(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The text of a flow file, or undefined when it does not exist. */
export async function readFlowText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (thrown) {
    const code = (thrown as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR') return undefined;
    throw thrown;
  }
}

export { writeFileAtomic } from '../../core/write-file-atomic.js';

/** The file of a new flow in the flows folder; refuses ids that are not slugs. */
export function newFlowPath(flowsDir: string, id: string): string {
  if (!NEW_FLOW_ID_PATTERN.test(id)) {
    throw new FlowbusError(
      'VALIDATION',
      `flow id "${id}" must be a lowercase slug: a-z, digits and "-", starting with a letter or digit`,
      { issues: [{ pointer: '', code: 'flow-id', message: 'invalid flow id' }] },
    );
  }
  return join(flowsDir, `${id}${FLOW_FILE_SUFFIX}`);
}

/** A flow file's name in issues and the API: relative to the flows folder's parent (`flows/x.flow.json`). */
export function displayPath(flowsDir: string, path: string): string {
  return relative(dirname(flowsDir), path).split('\\').join('/');
}
