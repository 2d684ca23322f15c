/**
 * @module The step types the server offers, looked up by type and grouped for the palette.
 */
import type { StepManifest } from '../api/types.js';
import { runsEn } from '../i18n/runs-en.js';

/** Palette groups in the order the editor shows them; a category it does not know comes after these. */
export const CATEGORY_ORDER = ['trigger', 'variables', 'flow-control', 'errors', 'logging', 'http', 'connector'];

// the English headings, as the UI's English bundle has them: searched in every language, and the default
const CATEGORY_LABELS: Readonly<Record<string, string>> = runsEn.canvas.category;

/** The heading of a palette group: `flow-control` -> `Flow control`; unknown ones are spelled out. */
export function categoryLabel(category: string): string {
  const known = CATEGORY_LABELS[category];
  if (known) return known;
  const words = category.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface StepCatalog {
  all: StepManifest[];
  get(type: string): StepManifest | undefined;
  triggers: StepManifest[];
  /** Everything that can be added after a trigger: actions and scopes. */
  actions: StepManifest[];
}

export function createCatalog(manifests: StepManifest[]): StepCatalog {
  const byType = new Map(manifests.map((manifest) => [manifest.type, manifest]));
  return {
    all: manifests,
    get: (type) => byType.get(type),
    triggers: manifests.filter((manifest) => manifest.kind === 'trigger'),
    actions: manifests.filter((manifest) => manifest.kind !== 'trigger'),
  };
}

export interface CategoryGroup {
  category: string;
  label: string;
  steps: StepManifest[];
}

function categoryRank(category: string): number {
  const index = CATEGORY_ORDER.indexOf(category);
  return index === -1 ? CATEGORY_ORDER.length : index;
}

/** Groups step types by category, groups in palette order, steps in the order the registry lists them. */
export function groupByCategory(manifests: StepManifest[]): CategoryGroup[] {
  const groups = new Map<string, StepManifest[]>();
  for (const manifest of manifests) groups.set(manifest.category, [...(groups.get(manifest.category) ?? []), manifest]);
  return [...groups.entries()]
    .sort(([left], [right]) => categoryRank(left) - categoryRank(right) || left.localeCompare(right))
    .map(([category, steps]) => ({ category, label: categoryLabel(category), steps }));
}

/** The first sentence of a description: the palette's one-line summary. */
export function summaryOf(description: string): string {
  const firstParagraph = description.split(/\n\s*\n/)[0] ?? '';
  const match = /^(.+?[.!?])(\s|$)/s.exec(firstParagraph);
  return (match?.[1] ?? firstParagraph).replace(/\s+/g, ' ').trim();
}

/** A description as plain text: `code` marks, **bold** marks and fences dropped, white space folded. */
export function plainText(description: string): string {
  return description
    .replace(/```\w*\n?/g, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The step types whose title, type, keywords (synonyms), category or description hold every word of `query`:
 * those matched by title first, then by title, type and keywords, then by the summary, then by the whole
 * description, each group in registry order.
 */
export function searchSteps(manifests: StepManifest[], query: string): StepManifest[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return manifests;
  const holdsAll = (text: string) => words.every((word) => text.toLowerCase().includes(word));
  const rank = (manifest: StepManifest): number => {
    if (holdsAll(manifest.title)) return 0;
    const keywords = (manifest.keywords ?? []).join(' ');
    if (holdsAll(`${manifest.title} ${manifest.type} ${keywords}`)) return 1;
    const summary = [manifest.title, manifest.type, keywords, categoryLabel(manifest.category), summaryOf(manifest.description)].join(' ');
    if (holdsAll(summary)) return 2;
    return holdsAll(`${summary} ${plainText(manifest.description)}`) ? 3 : 4;
  };
  return manifests
    .map((manifest) => ({ manifest, rank: rank(manifest) }))
    .filter((entry) => entry.rank < 4)
    .sort((left, right) => left.rank - right.rank)
    .map((entry) => entry.manifest);
}
