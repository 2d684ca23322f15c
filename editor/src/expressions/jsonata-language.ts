/**
 * @module JSONata highlighting for the f(x) editor, as a stream tokenizer: strings, numbers, `$` names and
 * functions, keywords, operators, paths; in a template only the `{{ }}` holes are JSONata.
 */
import { HighlightStyle, StreamLanguage, syntaxHighlighting, type StreamParser } from '@codemirror/language';
import { tags } from '@lezer/highlight';

const KEYWORDS = new Set(['and', 'or', 'in', 'true', 'false', 'null', 'function']);

interface TokenState {
  /** In a template: inside a `{{ }}` hole. */
  inHole: boolean;
  template: boolean;
}

function jsonataToken(stream: Parameters<StreamParser<TokenState>['token']>[0]): string | null {
  if (stream.eatSpace()) return null;
  if (stream.match('/*')) {
    stream.skipTo('*/') ? stream.match('*/') : stream.skipToEnd();
    return 'comment';
  }
  const quote = stream.peek();
  if (quote === '"' || quote === "'") {
    stream.next();
    let escaped = false;
    for (let next = stream.next(); next !== undefined && next !== null; next = stream.next()) {
      if (next === quote && !escaped) break;
      escaped = !escaped && next === '\\';
    }
    return 'string';
  }
  if (stream.match(/^-?\d+(\.\d+)?([eE][+-]?\d+)?/)) return 'number';
  if (stream.match(/^\$\w*/)) return stream.peek() === '(' ? 'function' : 'variableName.special';
  if (stream.match(/^`[^`]*`/)) return 'propertyName';
  const word = stream.match(/^[A-Za-z_]\w*/) as RegExpMatchArray | null;
  if (word) return KEYWORDS.has(word[0]) ? 'keyword' : 'propertyName';
  if (stream.match(/^(:=|!=|<=|>=|~>|\?:|\.\.|[-+*/%&=<>!?:.,;|^~])/)) return 'operator';
  stream.next();
  return 'bracket';
}

function parserFor(template: boolean): StreamParser<TokenState> {
  return {
    name: template ? 'jsonata-template' : 'jsonata',
    startState: () => ({ inHole: false, template }),
    token(stream, state) {
      if (!state.template) return jsonataToken(stream);
      if (!state.inHole) {
        if (stream.match('{{')) {
          state.inHole = true;
          return 'meta';
        }
        while (!stream.eol() && !stream.match('{{', false)) stream.next();
        return 'content';
      }
      if (stream.match('}}')) {
        state.inHole = false;
        return 'meta';
      }
      return jsonataToken(stream);
    },
    copyState: (state) => ({ ...state }),
  };
}

export const jsonataLanguage = StreamLanguage.define(parserFor(false));
export const jsonataTemplateLanguage = StreamLanguage.define(parserFor(true));

export const jsonataHighlighting = syntaxHighlighting(
  HighlightStyle.define([
    { tag: tags.string, color: '#047857' },
    { tag: tags.number, color: '#b45309' },
    { tag: tags.keyword, color: '#7c3aed' },
    { tag: [tags.function(tags.variableName), tags.special(tags.variableName)], color: '#2563eb' },
    { tag: tags.propertyName, color: '#0f172a' },
    { tag: tags.operator, color: '#be123c' },
    { tag: tags.meta, color: '#9333ea', fontWeight: '600' },
    { tag: tags.comment, color: '#64748b', fontStyle: 'italic' },
  ]),
);
