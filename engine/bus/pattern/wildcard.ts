/**
 * @module The `wildcard` operator: `*` matches any run of characters, `\*` a literal star, `\\` a backslash.
 */

/** A wildcard split at its unescaped stars: the literal text between them. */
export interface Wildcard {
  /** Literal segments; a pattern without stars has exactly one. */
  segments: string[];
}

/**
 * Parses a wildcard; two stars in a row and a backslash before anything but `*` or `\` are errors.
 *
 * @returns the wildcard, or a message saying what is wrong
 */
export function parseWildcard(text: string): Wildcard | string {
  const segments: string[] = [];
  let current = '';
  let previousWasStar = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '*') {
      if (previousWasStar) return `"${text}" has two '*' in a row at position ${index}`;
      segments.push(current);
      current = '';
      previousWasStar = true;
      continue;
    }
    previousWasStar = false;
    if (char === '\\') {
      const next = text[index + 1];
      if (next !== '*' && next !== '\\') {
        return `"${text}" has a '\\' at position ${index} that is not followed by '*' or '\\'`;
      }
      current += next;
      index++;
      continue;
    }
    current += char;
  }
  segments.push(current);
  return { segments };
}

/**
 * Whether a string matches: the first segment is a prefix, the last a suffix, the ones between appear
 * in order. Greedy leftmost search is exact here because `*` is the only metacharacter.
 */
export function wildcardMatches(wildcard: Wildcard, value: string): boolean {
  const { segments } = wildcard;
  const first = segments[0]!;
  if (segments.length === 1) return value === first;
  const last = segments[segments.length - 1]!;
  if (value.length < first.length + last.length) return false;
  if (!value.startsWith(first) || !value.endsWith(last)) return false;
  let position = first.length;
  const end = value.length - last.length;
  for (let index = 1; index < segments.length - 1; index++) {
    const segment = segments[index]!;
    const found = value.indexOf(segment, position);
    if (found === -1 || found + segment.length > end) return false;
    position = found + segment.length;
  }
  return true;
}
