/**
 * @module How a step type looks on the canvas and in the picker: a colour per category and initials.
 */

const CATEGORY_COLORS: Record<string, string> = {
  trigger: '#7c3aed',
  variables: '#0e7490',
  'flow-control': '#2563eb',
  errors: '#c2410c',
  logging: '#475569',
  http: '#0f766e',
  connector: '#15803d',
};

/** The colour of a category; unknown categories get a neutral one. */
export function categoryColor(category: string | undefined): string {
  return (category && CATEGORY_COLORS[category]) || '#64748b';
}

/** `Set Variable` -> `SV`, `Logger` -> `Lo`, `HTTP Request` -> `HR`. */
export function initials(title: string): string {
  const words = title.split(/[\s-]+/).filter(Boolean);
  if (words.length >= 2) return `${words[0]![0]}${words[1]![0]}`.toUpperCase();
  const word = words[0] ?? '?';
  return word.length > 1 ? `${word[0]!.toUpperCase()}${word[1]!.toLowerCase()}` : word.toUpperCase();
}
