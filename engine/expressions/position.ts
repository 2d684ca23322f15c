/**
 * @module Turns JSONata's character positions into 1-based line and column numbers.
 */

/** A place in an expression or template string. */
export interface SourceLocation {
  line: number;
  column: number;
}

/**
 * The line and column of a JSONata `position`, which is the 1-based index of the last character of
 * the offending token (the source length for "end of expression").
 *
 * @example
 * lineColumn('(\n  1 +\n  ]', 11); // { line: 3, column: 3 }
 */
export function lineColumn(source: string, position: number): SourceLocation {
  const offset = Math.min(Math.max(Math.trunc(position) - 1, 0), source.length);
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index++) {
    if (source.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
