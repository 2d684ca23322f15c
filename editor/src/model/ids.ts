/**
 * @module Step ids: short lowercase slugs, unique in the flow, made up from a title when a step is added.
 */
import { STEP_ID_MAX_LENGTH, STEP_ID_PATTERN } from '../../../engine/flow/document.js';

/** `Set Variable` -> `set-variable`; an empty result becomes `step`. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, STEP_ID_MAX_LENGTH - 4)
    .replace(/-+$/, '');
  return slug || 'step';
}

/** `base` when free, else `base-2`, `base-3`, ... */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const slug = slugify(base);
  if (!taken.has(slug)) return slug;
  for (let counter = 2; ; counter += 1) {
    const candidate = `${slug}-${counter}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Why `id` cannot be a step id, or undefined when it can. */
export function idProblem(id: string, taken: ReadonlySet<string>): string | undefined {
  if (id === '') return 'an id is required';
  if (id.length > STEP_ID_MAX_LENGTH) return `at most ${STEP_ID_MAX_LENGTH} characters`;
  if (!STEP_ID_PATTERN.test(id)) return 'lowercase letters, digits and "-", starting with a letter or digit';
  if (taken.has(id)) return `"${id}" is already used in this flow`;
  return undefined;
}
