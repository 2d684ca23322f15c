/**
 * @module Try: runs a sequence of steps and handles its errors with Catch handlers.
 */
import { defineStep } from '../../core/step-definition.js';
import { tryMachine } from './machine.js';
import { catchConfigSchema } from './handler.js';

export { ERROR_SELECTOR_PATTERN } from './handler.js';

/** `try`: a scope; the runtime runs `steps`, and on an error the first matching handler of `catch`. */
export const tryStep = defineStep<Record<string, never>>({
  type: 'try',
  title: 'Try',
  category: 'errors',
  keywords: ['catch', 'error', 'retry', 'handle', 'exception'],
  i18n: {
    'zh-CN': {
      title: '异常捕获',
      description: '执行其中的步骤；某一步失败时，由第一个匹配该错误的 Catch 处理器处理。',
      scopes: { steps: { title: '尝试' }, catch: { title: '捕获处理器', branchTitle: '捕获' } },
    },
  },
  kind: 'scope',
  description: [
    'Runs its steps and, when one of them fails, handles the error with the first Catch handler matching it.',
    '',
    '- A handler matches by `errorTypes`: `ANY`, a namespace (`HTTP` catches `HTTP:STATUS` and',
    '  `HTTP:TIMEOUT`), or an exact type. Handlers are tried in order; the **first match wins**.',
    '- A handler with `retries` first re-runs the whole Try body up to that many times, each time from the',
    '  message the Try started with, after waiting `retryIntervalMs` (doubled at each retry with',
    '  `exponential` backoff). A retry that succeeds ends the Try as if nothing had failed; when the last',
    '  one fails, the handler that matches its error runs.',
    "- The handler's steps start from the message as it was when the error happened, plus `error`:",
    '  `{ "type", "message", "step", "details" }` (`step` is the id of the failing step).',
    '- After a handler the flow **continues after the Try** with the handler\'s final message (without',
    '  `error`). A handler can end the flow instead with a Raise Error step.',
    '- An error no handler matches, or one raised inside a handler, propagates to the enclosing Try, and',
    '  fails the execution when there is none.',
    '',
    '```json',
    '{',
    '  "id": "deliver",',
    '  "type": "try",',
    '  "config": {},',
    '  "steps": [',
    '    {',
    '      "id": "post",',
    '      "type": "http-request",',
    '      "config": { "method": "POST", "url": "https://example.com/hook" }',
    '    }',
    '  ],',
    '  "catch": [',
    '    {',
    '      "id": "on-http",',
    '      "config": {',
    '        "errorTypes": ["HTTP:CONNECTIVITY", "HTTP:TIMEOUT"],',
    '        "retries": 3,',
    '        "backoff": "exponential"',
    '      },',
    '      "steps": [',
    '        { "id": "log", "type": "logger", "config": { "content": { "$expr": "error.message" } } }',
    '      ]',
    '    },',
    '    { "id": "otherwise", "config": { "errorTypes": ["ANY"] }, "steps": [] }',
    '  ]',
    '}',
    '```',
  ].join('\n'),
  config: { type: 'object', properties: {}, additionalProperties: false },
  machine: tryMachine,
  scopes: [
    { kind: 'sequence', key: 'steps', title: 'Try', description: 'The steps whose errors are handled.' },
    {
      kind: 'branches',
      key: 'catch',
      title: 'Catch handlers',
      description: 'Tried in order; the first whose error types match the error runs.',
      branchTitle: 'Catch',
      branchConfig: catchConfigSchema,
      minItems: 1,
    },
  ],
});
