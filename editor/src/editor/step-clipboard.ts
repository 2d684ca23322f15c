/**
 * @module Copy and paste of steps, within and across flows and browser tabs: the clipboard holds flow JSON
 * (`{"format": "flowbus/steps@1", "steps": [...]}`); a pasted text may also be one step or a whole flow file.
 */
import type { TFunction } from 'i18next';

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

/** What is wrong with a paste, as a code; `pasteProblemText` says it in the UI language. */
export type PasteProblem = { code: 'not-json' } | { code: 'no-steps' } | { code: 'not-a-step'; index: number } | { code: 'empty' };

const PASTE_PROBLEM_KEYS = { 'not-json': 'paste.notJson', 'no-steps': 'paste.noSteps', 'not-a-step': 'paste.notAStep', empty: 'paste.empty' } as const;

/** A paste problem in the UI language. */
export function pasteProblemText(problem: PasteProblem, t: TFunction): string {
  return t(PASTE_PROBLEM_KEYS[problem.code], problem.code === 'not-a-step' ? { index: problem.index } : {});
}

/** The steps a pasted text holds, or what is wrong with it. */
export function stepsFromText(text: string): { steps: unknown[] } | { problem: PasteProblem } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: { code: 'not-json' } };
  }
  const steps = isStep(value) ? [value] : isRecord(value) && Array.isArray(value.steps) ? value.steps : undefined;
  if (!steps || steps.length === 0) return { problem: { code: 'no-steps' } };
  const bad = steps.findIndex((step) => !isStep(step));
  if (bad !== -1) return { problem: { code: 'not-a-step', index: bad } };
  return { steps };
}

/** Puts `steps` on the clipboard. */
export async function copySteps(steps: unknown[]): Promise<void> {
  const text = stepsClipboardText(steps);
  lastCopied = text;
  await navigator.clipboard?.writeText(text).catch(() => undefined);
}

/** The steps on the clipboard (or, when the page may not read it, the ones copied last in this tab). */
export async function pastedSteps(): Promise<{ steps: unknown[] } | { problem: PasteProblem }> {
  const text = (await navigator.clipboard?.readText().catch(() => undefined)) || lastCopied;
  return text ? stepsFromText(text) : { problem: { code: 'empty' } };
}
