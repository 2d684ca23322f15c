/**
 * @module Moves the keyboard focus to a field of the property panel, found by its `data-field` names from
 * the config down (`['response', 'status']`), or to the panel itself when the field is not shown.
 */

const FOCUSABLE = 'input, select, textarea, .cm-content, summary, button';

/**
 * Focuses the input of the field at `field` in the panel, opening collapsed groups on the way; returns
 * whether a field was found.
 *
 * @example
 * focusField(['response', 'body']); // the Body expression editor of an HTTP trigger's reply
 */
export function focusField(field: readonly string[] | undefined, root: ParentNode = document): boolean {
  const panel = root.querySelector<HTMLElement>('.side-panel .properties[role="region"]') ?? root.querySelector<HTMLElement>('.properties[role="region"]');
  if (!panel) return false;
  let scope: HTMLElement = panel;
  for (const name of field ?? []) {
    const next = scope.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"]`);
    if (!next) break;
    scope = next;
    if (scope instanceof HTMLDetailsElement) scope.open = true;
  }
  const target = scope === panel ? panel.querySelector<HTMLElement>('h2') : scope.querySelector<HTMLElement>(FOCUSABLE);
  if (!target) return false;
  if (!target.hasAttribute('tabindex') && target.tagName === 'H2') target.tabIndex = -1;
  target.scrollIntoView({ block: 'center' });
  target.focus();
  return scope !== panel;
}
