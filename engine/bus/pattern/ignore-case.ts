/**
 * @module Case-insensitive comparison for `equals-ignore-case` and its prefix/suffix forms.
 *
 * Each character of the pattern matches itself, its lower case or its upper case form, using the full
 * Unicode mappings (`ß` matches `SS`, `ΰ` matches `Ϋ́`), as the reference matcher does. Composed and
 * decomposed spellings of the same text (NFC / NFD) are treated as equal. The pattern text comes from rule
 * files, so the matcher runs on RE2: linear in the value, whatever the text.
 */
import { RE2JS } from 're2js';

const ASCII = /^[\x00-\x7f]*$/;

/** Where the pattern text must sit in the value. */
export type Anchor = 'whole' | 'start' | 'end';

function alternativesOf(char: string): string {
  const cases = [char, char.toLowerCase(), char.toUpperCase()];
  const forms = [...new Set(cases.flatMap((form) => [form, form.normalize('NFD')]))];
  forms.sort((left, right) => right.length - left.length);
  return forms.length === 1 ? RE2JS.quote(char) : `(?:${forms.map((form) => RE2JS.quote(form)).join('|')})`;
}

function toRegExp(text: string, anchor: Anchor): RE2JS {
  const body = Array.from(text, alternativesOf).join('');
  const start = anchor === 'end' ? '' : '^';
  const end = anchor === 'start' ? '' : '$';
  return RE2JS.compile(`${start}${body}${end}`);
}

/**
 * Compiles a case-insensitive test. ASCII patterns take a fast path: only an ASCII value can match
 * them, and for ASCII lower-casing both sides is exact.
 *
 * @example
 * ignoreCaseTest('Alert', 'start')('ALERT-42'); // true
 */
export function ignoreCaseTest(text: string, anchor: Anchor): (value: string) => boolean {
  if (ASCII.test(text)) {
    const lower = text.toLowerCase();
    const size = lower.length;
    if (anchor === 'whole') return (value) => value.length === size && sameAscii(value, lower);
    if (anchor === 'start') return (value) => value.length >= size && sameAscii(value.slice(0, size), lower);
    return (value) => value.length >= size && sameAscii(value.slice(value.length - size), lower);
  }
  const regExp = toRegExp(text, anchor);
  return (value) => regExp.test(value) || regExp.test(value.normalize('NFD'));
}

function sameAscii(part: string, lower: string): boolean {
  return ASCII.test(part) && part.toLowerCase() === lower;
}
