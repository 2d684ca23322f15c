/**
 * @module Live previews of the f(x) editor: a config value evaluated against a sample message, with the
 * engine's evaluator and a short time bound.
 */
import { compileValue } from '../../../engine/expressions/index.js';

export type PreviewResult = { ok: true; value: unknown } | { ok: false; type: string; message: string };

/** How long a preview may run; a slow expression shows a timeout instead of freezing the page. */
export const PREVIEW_TIMEOUT_MS = 500;

/**
 * Evaluates `value` (a literal, `{ $expr }` or `{ $template }`, at any depth) against `message`.
 *
 * @example
 * await previewValue({ $expr: 'payload.a + 1' }, { payload: { a: 1 }, attributes: {}, vars: {} }); // { ok: true, value: 2 }
 */
export async function previewValue(value: unknown, message: unknown): Promise<PreviewResult> {
  try {
    const compiled = compileValue(value);
    return { ok: true, value: await compiled.evaluate(message, { limits: { timeoutMs: PREVIEW_TIMEOUT_MS } }) };
  } catch (thrown) {
    const error = thrown as { type?: string; message?: string };
    return { ok: false, type: error.type ?? 'EXPRESSION:EVALUATION', message: error.message ?? String(thrown) };
  }
}
