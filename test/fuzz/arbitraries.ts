/**
 * @module Structure-aware input generators for the property tests: JSON values with odd strings and numbers,
 * deep nesting, mutations of valid documents (as values and as text), and repeated keys.
 */
import fc from 'fast-check';

/** Strings that break naive code: control and format characters, lone surrogates, prototype names, markers. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  fc.constantFrom(
    '',
    '\u0000',
    '\uD800',
    '\uDFFF',
    '\uFEFF',
    '\u2028',
    '\u202E',
    'e\u0301',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
    '名前',
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    '$expr',
    '$template',
    '{{ payload }}',
    '/',
    '~1',
    '\\',
    '"',
    'x'.repeat(5000),
  ),
);

/** Numbers at the edges of doubles and integers. */
export const oddNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 2 ** 53 + 2, -(2 ** 63), 1e21, 0.1 + 0.2),
);

/** Any JSON value, biased to small; objects use odd keys. */
export const jsonValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    oddNumber,
    oddString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(oddString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Text of `depth` nested containers, a few levels past or within a limit. */
export const deepText: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1, max: 6000 }), fc.constantFrom('[', '{"a":'), fc.boolean())
  .map(([depth, open, closed]) => {
    const close = open === '[' ? ']' : '}';
    return `${open.repeat(depth)}1${closed ? close.repeat(depth) : ''}`;
  });

/** Every path (keys and indexes) of a value, found iteratively. */
function pathsOf(value: unknown): Array<Array<string | number>> {
  const paths: Array<Array<string | number>> = [];
  const pending: Array<{ value: unknown; path: Array<string | number> }> = [{ value, path: [] }];
  while (pending.length > 0) {
    const { value: at, path } = pending.pop()!;
    paths.push(path);
    if (typeof at !== 'object' || at === null) continue;
    const entries = Array.isArray(at) ? at.map((item, index) => [index, item] as const) : Object.entries(at);
    for (const [key, item] of entries) pending.push({ value: item, path: [...path, key] });
  }
  return paths;
}

type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'add'; at: number; key: string; value: unknown }
  | { kind: 'wrap'; at: number }
  | { kind: 'duplicate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: jsonValue }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: oddString, value: jsonValue }),
  fc.record({ kind: fc.constant('wrap' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
);

function applyMutation(root: unknown, change: Mutation): unknown {
  const paths = pathsOf(root);
  const path = paths[change.at % paths.length]!;
  if (path.length === 0) return change.kind === 'replace' ? change.value : root;
  let parent = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  const target = parent[last];
  if (change.kind === 'replace') parent[last] = change.value;
  else if (change.kind === 'wrap') parent[last] = [target];
  else if (change.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (change.kind === 'duplicate' && Array.isArray(parent)) parent.push(structuredClone(target));
  else if (change.kind === 'add' && typeof target === 'object' && target !== null && !Array.isArray(target)) {
    Object.defineProperty(target, change.key, {
      value: change.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return root;
}

/** A valid document with up to `max` random changes: values replaced, deleted, added, wrapped, duplicated. */
export function mutatedDocument(valid: readonly unknown[], max = 4): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.constantFrom(...valid), fc.array(mutation, { maxLength: max }))
    .map(([document, changes]) => changes.reduce(applyMutation, structuredClone(document)));
}

type TextEdit = { at: number; remove: number; insert: string };

const textEdit: fc.Arbitrary<TextEdit> = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 4 }),
  insert: fc.oneof(
    fc.constantFrom(
      '',
      ',',
      '"',
      '{',
      '}',
      '[',
      ']',
      ':',
      '\\',
      '1e999',
      '-0',
      '\u0000',
      '\uD800',
      '"a":1,',
      'null',
    ),
    oddString.map((text) => JSON.stringify(text)),
  ),
});

/**
 * JSON text of a document, now and then with a repeated key or a number too large for a double, with up to
 * `max` edits of its characters.
 */
export function mutatedText(documents: fc.Arbitrary<unknown>, max = 3): fc.Arbitrary<string> {
  return fc
    .tuple(
      documents,
      fc.array(textEdit, { maxLength: max }),
      fc.boolean(),
      fc.constantFrom('', '', '1e999', '-1e400', '1e-400'),
    )
    .map(([document, edits, repeatKey, hugeNumber]) => {
      let text = JSON.stringify(document) ?? 'null';
      // A number literal no double holds, where a number stood.
      if (hugeNumber) text = text.replace(/(?<=[:[,])-?\d+(\.\d+)?(?=[,}\]])/, hugeNumber);
      // A repeated key: the first member of the outermost object written twice.
      if (repeatKey && text.startsWith('{"')) {
        const end = text.indexOf(',"');
        if (end > 0) text = `{${text.slice(1, end)},${text.slice(1)}`;
      }
      for (const edit of edits) {
        const at = text.length === 0 ? 0 : edit.at % (text.length + 1);
        text = text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
      }
      return text;
    });
}
