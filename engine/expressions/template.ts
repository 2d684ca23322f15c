/**
 * @module String templates: text with `{{ jsonata }}` holes, compiled once, evaluated to a string.
 */
import { parseJsonata, type JsonataProgram } from './compile.js';
import { syntaxError, type SyntaxProblem } from './errors.js';
import { formatHoleValue } from './plain.js';
import { lineColumn } from './position.js';
import type { EvaluationRun } from './bounds.js';
import { runBounded, type MaybePromise, type RunnableExpression } from './run.js';
import { scanTemplate } from './template-scan.js';
import type { CompiledExpression } from './types.js';

type CompiledPart = { text: string } | { program: JsonataProgram };

function unclosedProblem(template: string, open: number): SyntaxProblem {
  // Like JSONata's positions: the 1-based index of the last character of the offending `{{`.
  const position = open + 2;
  return {
    position,
    code: 'TEMPLATE_UNCLOSED',
    reason: 'template hole "{{" is not closed with "}}"',
    ...lineColumn(template, position),
  };
}

/** Parses every hole; returns the parts and every syntax problem, positions relative to the template. */
export function parseTemplate(template: string): { parts: CompiledPart[]; problems: SyntaxProblem[] } {
  const scan = scanTemplate(template);
  const parts: CompiledPart[] = [];
  const problems: SyntaxProblem[] = [];
  for (const part of scan.parts) {
    if (part.kind === 'text') {
      parts.push({ text: part.text });
      continue;
    }
    const parsed = parseJsonata(part.source, { whole: template, offset: part.offset });
    if ('problems' in parsed) problems.push(...parsed.problems);
    else parts.push({ program: parsed.program });
  }
  if (scan.unclosedAt !== undefined) problems.push(unclosedProblem(template, scan.unclosedAt));
  return { parts, problems };
}

/** The text of `parts` from `from` on, after `text`: synchronous until a hole's result comes in a promise. */
function textFrom(
  parts: CompiledPart[],
  from: number,
  text: string,
  input: unknown,
  run: EvaluationRun,
): MaybePromise<string> {
  for (let index = from; index < parts.length; index++) {
    const part = parts[index]!;
    if ('text' in part) {
      text += part.text;
      continue;
    }
    const value = part.program.evaluateInRun(input, run);
    if (value instanceof Promise) {
      return value.then((settled) => textFrom(parts, index + 1, text + formatHoleValue(settled), input, run));
    }
    text += formatHoleValue(value);
  }
  return text;
}

/**
 * Compiles a string template. Each `{{ jsonata }}` hole is evaluated against the message and inserted:
 * strings as they are, numbers and booleans as text, objects and arrays as JSON text, null and missing
 * values as nothing. Write a literal `{{` as `{{ '{{' }}`. Throws `EXPRESSION:SYNTAX` for the first bad
 * hole, with its line and column in the whole template.
 *
 * @example
 * const text = compileTemplate('Alarm on {{ payload.subject }} in {{ vars.body.region }}');
 * await text.evaluate({ payload: { subject: 'ins-1' }, attributes: {}, vars: { body: { region: 'eu' } } });
 * // 'Alarm on ins-1 in eu'
 */
export function compileTemplate(template: string): CompiledExpression {
  return compileRunnableTemplate(template);
}

/** {@link compileTemplate}, keeping the hook that lets a compiled value share one evaluation. */
export function compileRunnableTemplate(template: string): RunnableExpression {
  const { parts, problems } = parseTemplate(template);
  const [first] = problems;
  if (first) throw syntaxError(first, template);
  const evaluateInRun: RunnableExpression['evaluateInRun'] = (input, run) => textFrom(parts, 0, '', input, run);
  return {
    source: template,
    kind: 'template',
    evaluateInRun,
    evaluate: (input, context) => runBounded(context, template, evaluateInRun, input),
  };
}
