/**
 * @module Try: runs a sequence of steps and handles its errors with Catch handlers.
 */
import { defineStep } from '../../core/step-definition.js';
import { tryMachine } from './machine.js';
import { catchConfigSchema } from './handler.js';

export { ERROR_SELECTOR_PATTERN } from './handler.js';

/** The example in every language of the description. */
const EXAMPLE = [
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
];

/** `try`: a scope; the runtime runs `steps`, and on an error the first matching handler of `catch`. */
export const tryStep = defineStep<Record<string, never>>({
  type: 'try',
  title: 'Try',
  category: 'errors',
  keywords: ['catch', 'error', 'retry', 'handle', 'exception'],
  i18n: {
    'zh-CN': {
      title: '异常捕获',
      description: [
        '执行其中的步骤；某一步失败时，由第一个匹配该错误的 Catch 处理器处理。',
        '',
        '- 处理器按 `errorTypes` 匹配：`ANY`、命名空间（`HTTP` 可捕获 `HTTP:STATUS` 和 `HTTP:TIMEOUT`）或具体',
        '  类型。处理器按顺序尝试，**第一个匹配的生效**。',
        '- 设置了 `retries` 的处理器会先把整个 Try 主体重新执行最多这么多次，每次都从 Try 开始时的消息开始，重试前',
        '  等待 `retryIntervalMs`（`exponential` 退避时每次重试加倍）。某次重试成功，Try 就像没有失败过一样结束；',
        '  最后一次重试也失败时，执行与其错误匹配的处理器。',
        '- 处理器的步骤从出错时的消息开始，另加 `error`：`{ "type", "message", "step", "details" }`（`step` 是',
        '  失败步骤的 ID）。',
        '- 处理器执行完后，流程以处理器的最终消息（不含 `error`）**在 Try 之后继续**。处理器也可以用抛出错误步骤',
        '  结束流程。',
        '- 没有处理器匹配的错误，或处理器内部抛出的错误，会传递给外层的 Try；没有外层 Try 时执行失败。',
        '',
        ...EXAMPLE,
      ].join('\n'),
      scopes: {
        steps: { title: '尝试' },
        catch: {
          title: '捕获处理器',
          branchTitle: '捕获',
          fields: {
            errorTypes: {
              title: '错误类型',
              description: '捕获哪些错误：`ANY`、`HTTP` 这样的命名空间，或 `HTTP:STATUS` 这样的具体类型。',
            },
            retries: { title: '重试次数', description: '运行本处理器之前，重新执行 Try 主体的次数。' },
            retryIntervalMs: { title: '重试间隔（毫秒）', description: '每次重试前等待的时长，单位为毫秒。' },
            backoff: { title: '退避策略', description: '`fixed` 每次等待相同的间隔；`exponential` 每次重试间隔加倍（最多 5 分钟）。' },
          },
        },
      },
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
    ...EXAMPLE,
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
