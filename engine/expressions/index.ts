/**
 * @module JSONata expressions and string templates: compiled once, evaluated bounded in time and depth.
 */
export { DEFAULT_LIMITS, type ExpressionLimits } from './bounds.js';
export { compileExpression } from './compile.js';
export { CANCELLED_ERROR, EVALUATION_ERROR, LIMIT_ERROR, SYNTAX_ERROR, TIMEOUT_ERROR } from './errors.js';
export { UNSUPPORTED_REGEX_ERROR } from '../regex/index.js';
export { findExpressionIssues } from './issues.js';
export { compileTemplate } from './template.js';
export type { CompiledExpression, CompiledValue, EvaluationContext, ExpressionIssue } from './types.js';
export { compileValue, isExpressionValue } from './value.js';
