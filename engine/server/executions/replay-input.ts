/**
 * @module Whether a stored execution's input can be run again as it was: the history keeps inputs with
 * credential headers and connection secrets replaced by `[redacted]`, and large values cut to a
 * `{ truncated, size, preview }` summary, so such an input is not the one the execution had.
 */
import { joinPointer } from '../../core/issues.js';
import { REDACTED } from '../../logging/redact.js';
import type { ExecutionInput } from '../../runtime/types.js';

/** A part of a stored input that is not what the execution was given. */
export interface AlteredPart {
  /** JSON pointer into the input (`/attributes/headers/authorization`). */
  pointer: string;
  reason: 'redacted' | 'truncated';
}

function isTruncatedSummary(value: Record<string, unknown>): boolean {
  return value.truncated === true && typeof value.size === 'number' && typeof value.preview === 'string';
}

function collect(value: unknown, pointer: string, found: AlteredPart[], depth: number): void {
  if (found.length >= 20 || depth > 64) return;
  if (typeof value === 'string') {
    if (value.includes(REDACTED)) found.push({ pointer, reason: 'redacted' });
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (!Array.isArray(value) && isTruncatedSummary(value as Record<string, unknown>)) {
    found.push({ pointer, reason: 'truncated' });
    return;
  }
  for (const [key, item] of Object.entries(value)) collect(item, joinPointer(pointer, key), found, depth + 1);
}

/** The parts of a stored input that were redacted or cut (at most 20); none means it can be replayed. */
export function alteredInputParts(input: ExecutionInput): AlteredPart[] {
  const found: AlteredPart[] = [];
  collect(input, '', found, 0);
  return found;
}
