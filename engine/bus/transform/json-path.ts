/**
 * @module The JSONPath subset of input transformers: `$`, `.name`, `['name']` and `[index]`, nothing more.
 */

/** A parsed path: the keys and indexes from the root. */
export type JsonPath = ReadonlyArray<string | number>;

/** A parsed path, or why the text is not one. */
export type ParsedPath = { ok: true; path: JsonPath } | { ok: false; message: string };

const NAME = /^[A-Za-z_$][A-Za-z0-9_$-]*/;
const QUOTED = /^\[(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\]/;
const INDEX = /^\[(0|[1-9][0-9]*)\]/;

/**
 * Parses a path such as `$.data.dimensions['ip']` or `$.resource[0]`.
 *
 * @example
 * parseJsonPath('$.data.instanceId'); // { ok: true, path: ['data', 'instanceId'] }
 */
export function parseJsonPath(text: string): ParsedPath {
  if (!text.startsWith('$')) {
    return { ok: false, message: `a path starts with "$", got ${JSON.stringify(text)}` };
  }
  const path: Array<string | number> = [];
  let rest = text.slice(1);
  while (rest.length > 0) {
    const at = text.length - rest.length;
    if (rest.startsWith('.')) {
      const name = NAME.exec(rest.slice(1));
      if (!name) return { ok: false, message: `expected a field name after "." at offset ${at} of ${text}` };
      path.push(name[0]);
      rest = rest.slice(1 + name[0].length);
      continue;
    }
    const quoted = QUOTED.exec(rest);
    if (quoted) {
      path.push((quoted[1] ?? quoted[2] ?? '').replace(/\\(.)/g, '$1'));
      rest = rest.slice(quoted[0].length);
      continue;
    }
    const index = INDEX.exec(rest);
    if (index) {
      path.push(Number(index[1]));
      rest = rest.slice(index[0].length);
      continue;
    }
    const found = `unexpected ${JSON.stringify(rest[0])} at offset ${at} of ${text}`;
    const message = `${found}: expected .name, ['name'] or [index]`;
    return { ok: false, message };
  }
  return { ok: true, path };
}

/** The value at `path`, or undefined when any part of it is missing. */
export function readJsonPath(value: unknown, path: JsonPath): unknown {
  let current = value;
  for (const key of path) {
    if (typeof key === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[key];
    } else {
      if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
      if (!Object.hasOwn(current, key)) return undefined;
      current = (current as Record<string, unknown>)[key];
    }
  }
  return current;
}
