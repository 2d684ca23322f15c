/**
 * @module The event pattern language and the compiled rule matcher (public API of this folder).
 */
export { explainMatch, type MatchFailure } from './explain.js';
export { PATTERN_LIMITS } from './limits.js';
export { matchesPattern } from './match.js';
export { parsePattern } from './parse-pattern.js';
export { createRuleMatcher, type RuleMatcher } from './rule-matcher.js';
export type { Pattern, PatternIssue } from './types.js';
