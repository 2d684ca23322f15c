/**
 * @module Copy and paste of steps, within and across flows and browser tabs: the clipboard holds flow JSON
 * (`{"format": "flowbus/steps@1", "steps": [...]}`); a pasted text may also be one step or a whole flow file.
 */

export const STEPS_CLIPBOARD_FORMAT = 'flowbus/steps@1';

// Kept too, for browsers that refuse to let the page read the clipboard.
let lastCopied: string | undefined;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isStep = (value: unknown) => isRecord(value) && typeof value.id === 'string' && typeof value.type === 'string';

/** The clipboard text of `steps`. */
export function stepsClipboardText(steps: unknown[]): string {
  return `${JSON.stringify({ format: STEPS_CLIPBOARD_FORMAT, steps }, null, 2)}\n`;
}

/** The steps a pasted text holds, or what is wrong with it. */
export function stepsFromText(text: string): { steps: unknown[] } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'the clipboard holds no flow JSON: copy a step in the editor, or a step or flow file as JSON' };
  }
  const steps = isStep(value) ? [value] : isRecord(value) && Array.isArray(value.steps) ? value.steps : undefined;
  if (!steps || steps.length === 0) return { problem: 'the clipboard JSON holds no steps (expected a step, or an object with "steps")' };
  const bad = steps.findIndex((step) => !isStep(step));
  if (bad !== -1) return { problem: `steps[${bad}] of the clipboard JSON is not a step: expected an object with "id" and "type"` };
  return { steps };
}

/** Puts `steps` on the clipboard. */
export async function copySteps(steps: unknown[]): Promise<void> {
  const text = stepsClipboardText(steps);
  lastCopied = text;
  await navigator.clipboard?.writeText(text).catch(() => undefined);
}

/** The steps on the clipboard (or, when the page may not read it, the ones copied last in this tab). */
export async function pastedSteps(): Promise<{ steps: unknown[] } | { problem: string }> {
  const text = (await navigator.clipboard?.readText().catch(() => undefined)) || lastCopied;
  return text ? stepsFromText(text) : { problem: 'nothing to paste: copy a step first (Ctrl+C)' };
}
