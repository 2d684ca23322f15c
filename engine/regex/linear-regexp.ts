/**
 * @module A RegExp look-alike on RE2 (re2js): linear time in the input, whatever the pattern.
 *
 * JSONata builds its regexes with `new RegexEngine(literal)` and drives them through `lastIndex` and
 * `exec`, as with a native global RegExp; this class gives exactly those semantics on a linear-time
 * engine, so no pattern and no input can stall the event loop.
 */
import { RE2JS } from 're2js';
import { FlowbusError } from '../core/errors.js';
import { translateRegex, UnsupportedRegex } from './translate.js';

/** The error type of a pattern the linear-time engine cannot run. */
export const UNSUPPORTED_REGEX_ERROR = 'EXPRESSION:UNSUPPORTED_REGEX';

/** The flags JSONata (`i`, `m`, always `g`) and engine code may use. */
const KNOWN_FLAGS = /^[gims]*$/;

interface CompiledRegex {
  re2: RE2JS;
  global: boolean;
}

/** Compiled patterns by the RegExp object that JSONata made for a literal: one compile per literal. */
const byRegExp = new WeakMap<RegExp, CompiledRegex>();

/**
 * Describes why a pattern cannot run, or undefined when it can; offsets are 0-based in its source. A RegExp
 * (JSONata's literal) is compiled once, for this check and every evaluation after it.
 */
export function unsupportedRegexReason(
  pattern: RegExp | string,
  flags = '',
): { reason: string; offset: number } | undefined {
  try {
    if (pattern instanceof RegExp) compileCached(pattern);
    else compile(pattern, flags);
    return undefined;
  } catch (error) {
    if (error instanceof FlowbusError) {
      return { reason: error.message, offset: Number(error.details?.offset ?? 0) };
    }
    throw error;
  }
}

function compile(source: string, flags: string): CompiledRegex {
  const shown = `/${source}/${flags.replace('g', '')}`;
  if (!KNOWN_FLAGS.test(flags)) {
    throw new FlowbusError(UNSUPPORTED_REGEX_ERROR, `regex ${shown} uses flags other than i, m, s and g`, {
      pattern: source,
      offset: 0,
    });
  }
  let re2: string;
  try {
    re2 = translateRegex(source, flags.includes('s')).re2;
  } catch (error) {
    if (!(error instanceof UnsupportedRegex)) throw error;
    const message = `regex ${shown} uses ${error.construct}, which the linear-time regex engine cannot run: ${
      error.why
    }`;
    throw new FlowbusError(UNSUPPORTED_REGEX_ERROR, message, { pattern: source, offset: error.offset });
  }
  let engineFlags = 0;
  if (flags.includes('i')) engineFlags |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('m')) engineFlags |= RE2JS.MULTILINE;
  try {
    return { re2: RE2JS.compile(re2, engineFlags), global: flags.includes('g') };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const message = `regex ${shown} cannot run on the linear-time regex engine: ${reason}`;
    throw new FlowbusError(UNSUPPORTED_REGEX_ERROR, message, { pattern: source, offset: 0 });
  }
}

function compileCached(pattern: RegExp): CompiledRegex {
  let compiled = byRegExp.get(pattern);
  if (!compiled) {
    compiled = compile(pattern.source, pattern.flags);
    byRegExp.set(pattern, compiled);
  }
  return compiled;
}

/**
 * A regex with the `lastIndex` / `exec` contract of a native RegExp (global or not), run by RE2.
 * Throws `EXPRESSION:UNSUPPORTED_REGEX` when constructed from a pattern RE2 cannot run.
 *
 * @example
 * const regex = new LinearRegExp(/(a+)+b/g);
 * regex.exec('a'.repeat(100_000) + '!'); // null, in linear time
 */
export class LinearRegExp {
  /** Where the next `exec` of a global regex starts, as for a native RegExp. */
  lastIndex = 0;
  readonly source: string;
  readonly flags: string;
  readonly global: boolean;
  private readonly re2: RE2JS;

  constructor(pattern: RegExp | string, flags?: string) {
    const compiled =
      pattern instanceof RegExp && flags === undefined
        ? compileCached(pattern)
        : compile(pattern instanceof RegExp ? pattern.source : pattern, flags ?? '');
    this.source = pattern instanceof RegExp ? pattern.source : pattern;
    this.flags = flags ?? (pattern instanceof RegExp ? pattern.flags : '');
    this.global = compiled.global;
    this.re2 = compiled.re2;
  }

  /** The next match at or after `lastIndex` (global) or 0, shaped like a native `RegExpExecArray`. */
  exec(input: string): RegExpExecArray | null {
    const text = String(input);
    const start = this.global ? this.lastIndex : 0;
    const matcher = this.re2.matcher(text);
    if (start > text.length || !matcher.find(start)) {
      if (this.global) this.lastIndex = 0;
      return null;
    }
    const groups: Array<string | undefined> = [];
    // RE2 gives null for a group that took no part in the match; a native RegExp gives undefined.
    for (let group = 0; group <= matcher.groupCount(); group++) {
      groups.push(matcher.group(group) ?? undefined);
    }
    const result = Object.assign(groups, { index: matcher.start(), input: text, groups: undefined });
    if (this.global) this.lastIndex = matcher.end();
    return result as unknown as RegExpExecArray;
  }

  /** Whether the pattern matches, advancing `lastIndex` like `exec` for a global regex. */
  test(input: string): boolean {
    return this.exec(input) !== null;
  }
}
