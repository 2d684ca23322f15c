/**
 * @module Choice: runs the first branch whose condition is true, else the `otherwise` steps.
 */
import { defineStep } from '../../core/step-definition.js';
import { choiceMachine } from './machine.js';

/** The example in every language of the description. */
const EXAMPLE = [
  '```json',
  '{',
  '  "id": "route-by-severity",',
  '  "type": "choice",',
  '  "config": {},',
  '  "when": [',
  '    {',
  '      "id": "critical",',
  '      "config": { "condition": { "$expr": "payload.severity = \\"CRITICAL\\"" } },',
  '      "steps": [{ "id": "page", "type": "flow-reference", "config": { "flow": "page-on-call" } }]',
  '    }',
  '  ],',
  '  "otherwise": [{ "id": "note", "type": "logger", "config": { "content": "not critical" } }]',
  '}',
  '```',
];

/** `choice`: a scope; the runtime evaluates the `when` conditions in order. */
export const choiceStep = defineStep<Record<string, never>>({
  type: 'choice',
  title: 'Choice',
  category: 'flow-control',
  keywords: ['if', 'else', 'switch', 'branch', 'condition', 'route'],
  i18n: {
    'zh-CN': {
      title: '条件选择',
      description: [
        '路由消息：执行第一个条件为真的 `when` 分支，否则执行 `otherwise` 步骤。',
        '',
        '条件按顺序基于进入 Choice 的消息求值，遇到第一个为真的条件即停止。`true` 执行该分支；`false`、`null` 或',
        '选不到任何内容的表达式跳过该分支；其他值（字符串、数字）是 `VALIDATION` 错误。没有分支执行且 `otherwise`',
        '为空时，消息原样通过。Choice 之后，流程以所执行分支的最终消息继续。',
        '',
        ...EXAMPLE,
      ].join('\n'),
      scopes: {
        when: {
          title: '当',
          branchTitle: '当',
          fields: {
            condition: { title: '条件', description: '结果为 true 或 false 的表达式，例如 `payload.amount > 1000`。' },
          },
        },
        otherwise: { title: '否则' },
      },
    },
  },
  kind: 'scope',
  description: [
    'Routes the message: runs the first `when` branch whose condition is true, or the `otherwise` steps.',
    '',
    'Conditions are evaluated in order against the message that enters the Choice, and evaluation stops at',
    'the first true one. `true` runs the branch; `false`, `null` or an expression that selects nothing',
    'skip it; any other value (a string, a number) is a `VALIDATION` error. When no branch runs and',
    '`otherwise` is empty, the message passes through unchanged. After the Choice the flow continues with',
    'the final message of the branch that ran.',
    '',
    ...EXAMPLE,
  ].join('\n'),
  config: { type: 'object', properties: {}, additionalProperties: false },
  machine: choiceMachine,
  scopes: [
    {
      kind: 'branches',
      key: 'when',
      title: 'When',
      description: 'Tried in order; the first whose condition is true runs.',
      branchTitle: 'When',
      branchConfig: {
        type: 'object',
        properties: {
          condition: {
            type: 'boolean',
            title: 'Condition',
            description: 'An expression giving true or false, e.g. `payload.amount > 1000`.',
          },
        },
        required: ['condition'],
        additionalProperties: false,
      },
      minItems: 1,
    },
    {
      kind: 'sequence',
      key: 'otherwise',
      title: 'Otherwise',
      description: 'Runs when no condition is true; may be left out when nothing should happen then.',
      optional: true,
    },
  ],
});
