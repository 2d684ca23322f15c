/**
 * @module Step ids: short lowercase slugs, unique in the flow, made up from a title when a step is added; why
 * an id (of a step, flow, rule or source) cannot be used, as a code and as a text.
 */
import type { TFunction } from 'i18next';
import { RESOURCE_ID_PATTERN } from '../../../engine/bus/files/format.js';
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

/** Why an id cannot be used, as a code; `idProblemText` says it in the UI language. */
export type IdProblem =
  | { code: 'required' }
  | { code: 'too-long'; max: number }
  /** Not a slug: lowercase letters, digits and `-` (step, branch and flow ids). */
  | { code: 'not-a-slug' }
  /** Not a file id: letters, digits, `_`, `.` and `-` (rule and source ids). */
  | { code: 'not-a-file-id' }
  | { code: 'taken'; id: string };

/** What an id names, for the text of a taken id. */
export type IdOwner = 'step' | 'flow' | 'rule' | 'source';

/** Why `id` cannot be a step id, or undefined when it can. */
export function idProblem(id: string, taken: ReadonlySet<string>): IdProblem | undefined {
  if (id === '') return { code: 'required' };
  if (id.length > STEP_ID_MAX_LENGTH) return { code: 'too-long', max: STEP_ID_MAX_LENGTH };
  if (!STEP_ID_PATTERN.test(id)) return { code: 'not-a-slug' };
  if (taken.has(id)) return { code: 'taken', id };
  return undefined;
}

/** Why `id` cannot be the id of a rule or source file (`<id>.rule.json`), or undefined when it can. */
export function fileIdProblem(id: string, taken: ReadonlySet<string>): IdProblem | undefined {
  if (id === '') return { code: 'required' };
  if (!RESOURCE_ID_PATTERN.test(id)) return { code: 'not-a-file-id' };
  if (taken.has(id)) return { code: 'taken', id };
  return undefined;
}

/** An id problem in the UI language; `owner` names what the id is of (a step unless said). */
export function idProblemText(problem: IdProblem, t: TFunction, owner: IdOwner = 'step'): string {
  switch (problem.code) {
    case 'required':
      return t('ids.required');
    case 'too-long':
      return t('ids.tooLong', { max: problem.max });
    case 'not-a-slug':
      return t('ids.notASlug');
    case 'not-a-file-id':
      return t('ids.notAFileId');
    case 'taken':
      return t(`ids.taken.${owner}`, { id: problem.id });
  }
}
