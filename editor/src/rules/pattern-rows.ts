/**
 * @module The pattern builder's model: a pattern as rows (field path, operator, values) and back, and the
 * fields and values the event templates hold, to suggest.
 */

export const OPERATORS = ['equals', 'prefix', 'suffix', 'anything-but', 'wildcard', 'exists'] as const;
export type Operator = (typeof OPERATORS)[number];

/** One condition: `path` (dot-separated, `data.region`), how it compares, and its values (any of). */
export interface PatternRow {
  path: string;
  operator: Operator;
  values: Array<string | number>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Scalar = string | number;
const isScalar = (value: unknown): value is Scalar => typeof value === 'string' || typeof value === 'number';

/** The row of one leaf list, or undefined when the builder cannot show it (mixed operators, numeric ranges). */
function rowOf(path: string, leaf: unknown): PatternRow | undefined {
  const list = Array.isArray(leaf) ? leaf : [leaf];
  if (list.length > 0 && list.every(isScalar)) return { path, operator: 'equals', values: list };
  if (list.length !== 1 || !isRecord(list[0])) return undefined;
  const [operator, operand] = Object.entries(list[0])[0] ?? [];
  if (Object.keys(list[0]).length !== 1 || !operator) return undefined;
  if (operator === 'exists' && typeof operand === 'boolean') return { path, operator, values: [String(operand)] };
  if ((operator === 'prefix' || operator === 'suffix' || operator === 'wildcard') && typeof operand === 'string') {
    return { path, operator, values: [operand] };
  }
  if (operator === 'anything-but') {
    const values = Array.isArray(operand) ? operand : [operand];
    if (values.length > 0 && values.every(isScalar)) return { path, operator, values };
  }
  return undefined;
}

/**
 * The rows of a pattern, or undefined when it uses what the builder does not show (`$or`, `numeric`, `cidr`,
 * several operators on one field): then the pattern is edited as JSON.
 *
 * @example
 * rowsFromPattern({ source: ['cvm.cloud.tencent'], data: { region: [{ prefix: 'ap-' }] } });
 * // [{ path: 'source', operator: 'equals', values: [...] }, { path: 'data.region', operator: 'prefix', values: ['ap-'] }]
 */
export function rowsFromPattern(pattern: unknown, prefix = ''): PatternRow[] | undefined {
  if (!isRecord(pattern)) return undefined;
  const rows: PatternRow[] = [];
  for (const [key, value] of Object.entries(pattern)) {
    if (key.startsWith('$') || key.includes('.')) return undefined;
    const path = prefix ? `${prefix}.${key}` : key;
    if (isRecord(value) && !OPERATORS.some((operator) => operator in value)) {
      const nested = rowsFromPattern(value, path);
      if (!nested) return undefined;
      rows.push(...nested);
      continue;
    }
    const row = rowOf(path, value);
    if (!row) return undefined;
    rows.push(row);
  }
  return rows;
}

function leafOf(row: PatternRow): unknown[] {
  switch (row.operator) {
    case 'equals':
      return row.values;
    case 'exists':
      return [{ exists: row.values[0] !== 'false' }];
    case 'anything-but':
      return [{ 'anything-but': row.values.length === 1 ? row.values[0] : row.values }];
    default:
      return [{ [row.operator]: String(row.values[0] ?? '') }];
  }
}

/** The pattern of the rows; rows without a field, or without values where the operator needs some, are left out. */
export function patternFromRows(rows: readonly PatternRow[]): Record<string, unknown> {
  const pattern: Record<string, unknown> = {};
  for (const row of rows) {
    const segments = row.path.split('.').map((segment) => segment.trim());
    if (segments.some((segment) => segment === '')) continue;
    if (row.operator !== 'exists' && row.values.length === 0) continue;
    let node = pattern;
    for (const segment of segments.slice(0, -1)) {
      if (!isRecord(node[segment])) node[segment] = {};
      node = node[segment] as Record<string, unknown>;
    }
    node[segments.at(-1)!] = leafOf(row);
  }
  return pattern;
}

/** Every leaf path of the events with the values seen there, in first-seen order: what the builder suggests. */
export function fieldSuggestions(events: readonly unknown[]): Map<string, Scalar[]> {
  const found = new Map<string, Scalar[]>();
  const visit = (value: unknown, path: string) => {
    if (isRecord(value)) {
      for (const [key, item] of Object.entries(value)) visit(item, path ? `${path}.${key}` : key);
      return;
    }
    const values = Array.isArray(value) ? value : [value];
    if (!path || !values.every(isScalar)) return;
    const known = found.get(path) ?? [];
    for (const item of values) if (!known.includes(item)) known.push(item);
    found.set(path, known);
  };
  for (const event of events) visit(event, '');
  for (const skipped of ['specversion', 'id', 'time']) found.delete(skipped);
  return found;
}
