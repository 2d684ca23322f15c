/**
 * @module Finds user-visible text written into the editor's JSX instead of coming from the i18n bundles:
 * text between tags, string literals a JSX child shows (`{busy ? 'Saving…' : 'Save'}`), literal values of
 * the attributes people read (`title`, `placeholder`, `aria-label`, `alt`, a component's `label` /
 * `…Label` / `…Text` / `…Title`) and a component's default for such a prop. Parses TSX with @swc/core;
 * used by `no-hard-coded-text.test.tsx`.
 */
import { parseSync } from '@swc/core';

/** One piece of text that should come from `t(...)`. */
export interface HardCodedText {
  file: string;
  line: number;
  /** `text` for what a JSX element shows, else the attribute's name. */
  where: string;
  text: string;
}

/**
 * Words that are the same in every language: names of formats and protocols, code shown as code. Text
 * made only of these (and symbols) is not reported.
 */
export const LANGUAGE_NEUTRAL_WORDS: ReadonlySet<string> = new Set(['JSON', 'f(x)', 'ms', 'HTTP', 'URL', 'ID', 'flowbus']);

const TEXT_ATTRIBUTES = new Set(['title', 'placeholder', 'aria-label', 'alt', 'label', 'aria-description']);

function isTextAttribute(name: string): boolean {
  return TEXT_ATTRIBUTES.has(name) || /^[a-z]+(Label|Text|Title|Placeholder)$/.test(name);
}

/** A dotted name such as a file suffix (`.rule.json`) or an event source (`cvm.cloud.tencent`). */
const DOTTED_NAME = /^\.?[a-z0-9_-]+(\.[a-z0-9_-]+)+$/;

/** A key combination as printed on the keyboard: `Ctrl+D`, `Alt+↑`. */
const KEY_COMBINATION = /^((Ctrl|Alt|Shift|Meta|Cmd)\+)+\S+$/;

/** JSON shown as an example (`{ "status": 500 }`) is code, not text. */
function isJson(text: string): boolean {
  try {
    return typeof JSON.parse(text) === 'object';
  } catch {
    return false;
  }
}

/** Whether a text has letters someone would translate. */
export function isTranslatable(text: string): boolean {
  if (isJson(text)) return false;
  const words = text.trim().split(/\s+/).filter((word) => /\p{L}/u.test(word));
  return words.some((word) => {
    const bare = word.replace(/^[^\p{L}(.]+|[^\p{L})]+$/gu, '');
    return !LANGUAGE_NEUTRAL_WORDS.has(bare) && !DOTTED_NAME.test(bare) && !KEY_COMBINATION.test(word);
  });
}

type Node = { type?: string; span?: { start: number }; [key: string]: unknown };

/** The string literals an expression shows as it is: through `?:`, `&&`, `||`, `??`, parentheses, templates. */
function shownStrings(node: Node | undefined): Node[] {
  if (!node || typeof node !== 'object') return [];
  switch (node.type) {
    case 'StringLiteral':
      return [node];
    case 'TemplateLiteral':
      return (node.quasis as Node[]).map((quasi) => ({ ...quasi, value: quasi.cooked ?? quasi.raw }));
    case 'ConditionalExpression':
      return [...shownStrings(node.consequent as Node), ...shownStrings(node.alternate as Node)];
    case 'BinaryExpression':
      return ['&&', '||', '??', '+'].includes(node.operator as string)
        ? [...shownStrings(node.left as Node), ...shownStrings(node.right as Node)]
        : [];
    case 'ParenthesisExpression':
    case 'TsAsExpression':
    case 'TsConstAssertion':
      return shownStrings(node.expression as Node);
    case 'JSXExpressionContainer':
      return shownStrings(node.expression as Node);
    default:
      return [];
  }
}

function attributeName(name: Node): string {
  if (name.type === 'Identifier') return name.value as string;
  if (name.type === 'JSXNamespacedName') return `${(name.namespace as Node).value}:${(name.name as Node).value}`;
  return '';
}

/** Every hard-coded user-visible text of one TSX source. */
export function findHardCodedTexts(source: string, file: string): HardCodedText[] {
  // The leading `;` is an empty statement at offset 0: its span's start is where this source begins in
  // swc's positions (1-based UTF-8 byte offsets).
  const module = parseSync(`;${source}`, { syntax: 'typescript', tsx: true }) as unknown as Node;
  const base = (module.span as { start: number }).start + 1;
  const bytes = Buffer.from(source);
  const lineAt = (offset: number) => bytes.subarray(0, Math.max(0, offset - base)).toString().split('\n').length;
  const found: HardCodedText[] = [];
  const report = (node: Node, where: string) => {
    const text = String(node.value ?? '');
    if (isTranslatable(text)) found.push({ file, line: lineAt(node.span!.start), where, text: text.trim().replace(/\s+/g, ' ') });
  };

  const visit = (node: unknown, parentIsJsx: boolean): void => {
    if (Array.isArray(node)) return node.forEach((child) => visit(child, parentIsJsx));
    if (!node || typeof node !== 'object') return;
    const current = node as Node;
    if (current.type === 'JSXText') return report(current, 'text');
    if (current.type === 'JSXExpressionContainer' && parentIsJsx) {
      for (const literal of shownStrings(current)) report(literal, 'text');
    }
    if (current.type === 'JSXAttribute') {
      const name = attributeName(current.name as Node);
      if (isTextAttribute(name)) {
        const value = current.value as Node | undefined;
        for (const literal of value?.type === 'StringLiteral' ? [value] : shownStrings(value)) report(literal, name);
      }
    }
    // A component's default for a text prop: `function Spinner({ label = 'Loading…' })`.
    if (current.type === 'AssignmentPatternProperty') {
      const key = current.key as Node;
      if (key.type === 'Identifier' && isTextAttribute(key.value as string)) {
        for (const literal of shownStrings(current.value as Node)) report(literal, `${key.value} default`);
      }
    }
    const isJsx = current.type === 'JSXElement' || current.type === 'JSXFragment';
    for (const [key, value] of Object.entries(current)) {
      if (key !== 'span' && value && typeof value === 'object') visit(value, isJsx && key === 'children');
    }
  };
  visit(module, false);
  return found;
}
