/**
 * @module Linear-time regexes (RE2) behind the RegExp interface that JSONata and engine code use.
 */
export { LinearRegExp, UNSUPPORTED_REGEX_ERROR, unsupportedRegexReason } from './linear-regexp.js';
export { translateRegex, type Translation } from './translate.js';
