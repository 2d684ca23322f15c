/**
 * @module The sections of the top navigation, in order and by group. A new page (archive and replay,
 * schedules, workers) is one more entry here and one more route in `use-hash-route.ts`.
 */

export interface NavSection {
  id: string;
  href: string;
  /** The i18n key of its label. */
  label: string;
  group: 'build' | 'operate';
}

export const NAV_SECTIONS = [
  { id: 'flows', href: '#/', label: 'nav.flows', group: 'build' },
  { id: 'rules', href: '#/rules', label: 'nav.rules', group: 'build' },
  { id: 'sources', href: '#/sources', label: 'nav.sources', group: 'build' },
  { id: 'events', href: '#/events', label: 'nav.events', group: 'operate' },
  { id: 'dead-letters', href: '#/dead-letters', label: 'nav.deadLetters', group: 'operate' },
  { id: 'metrics', href: '#/metrics', label: 'nav.metrics', group: 'operate' },
] as const satisfies readonly NavSection[];

export type NavSectionId = (typeof NAV_SECTIONS)[number]['id'];

export const NAV_GROUPS = [
  { id: 'build', label: 'nav.groupBuild' },
  { id: 'operate', label: 'nav.groupOperate' },
] as const;
