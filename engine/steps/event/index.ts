/**
 * @module Event trigger: starts a flow for each CloudEvent that a bus rule routes to it.
 */
import type { ConfigOf, JsonSchema } from '../../core/json-schema.js';
import { defineStep } from '../../core/step-definition.js';

/** The bus an event trigger listens on when none is named. */
export const DEFAULT_BUS = 'default';

/** A bus name: letters, digits, `_`, `.` and `-`, starting with a letter or digit. */
export const BUS_NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.-]*$';

/** The schema of an event trigger's config. */
export const eventTriggerConfigSchema = {
  type: 'object',
  properties: {
    bus: {
      type: 'string',
      title: 'Bus',
      description: 'The event bus whose rules can route events to this flow.',
      pattern: BUS_NAME_PATTERN,
      default: DEFAULT_BUS,
      'x-expression': false,
    },
    sampleEvent: {
      type: 'object',
      title: 'Sample event',
      description: "A CloudEvent (structured JSON form) for the editor's preview and test runs.",
      'x-expression': false,
      'x-widget': 'json',
    },
  },
  additionalProperties: false,
} as const satisfies JsonSchema;

/** Config of an event trigger. */
export type EventTriggerConfig = ConfigOf<typeof eventTriggerConfigSchema>;

/** The flow's first message, in every language of the description. */
const MESSAGE_EXAMPLE = [
  '```jsonc',
  '// the message for an event { "id": "e-1", "source": "cvm.cloud.tencent", "subject": "ins-1", ... }',
  '{',
  '  "payload": { "id": "e-1", "source": "cvm.cloud.tencent", "subject": "ins-1", "data": { "instanceId": "ins-1" } },',
  '  "attributes": { "id": "e-1", "source": "cvm.cloud.tencent", "subject": "ins-1", "bus": "default", "rule": "cvm-alarms" },',
  '  "vars": {}',
  '}',
  '```',
];

/** The config example, in every language of the description. */
const EXAMPLE = [
  '```json',
  '{',
  '  "id": "on-instance-stopped",',
  '  "type": "event",',
  '  "config": {',
  '    "bus": "default",',
  '    "sampleEvent": {',
  '      "specversion": "1.0", "id": "e-1", "source": "acs.ecs", "type": "ecs:Instance:Stopped",',
  '      "data": { "instanceId": "i-1" }',
  '    }',
  '  }',
  '}',
  '```',
];

/** `event`: the flow is a target of bus rules; the runtime starts it with the event. */
export const eventTrigger = defineStep<EventTriggerConfig>({
  type: 'event',
  title: 'Event',
  category: 'trigger',
  i18n: {
    'zh-CN': {
      title: '事件触发',
      description: [
        '事件总线的规则把事件路由到本流程时启动流程（规则把流程列为目标）。',
        '',
        '流程的第一条消息以整个事件（结构化 JSON 格式，含 `data`）作为 `payload`，与厂商集成流程收到的一致，因此',
        '可以用 `payload.subject`、`payload.region` 和 `payload.data.x` 读取。`attributes` 含上下文属性（`id`、',
        '`source`、`type`、`specversion`、`subject`、`time`、`datacontenttype`，以及 `region`、`status` 等扩展',
        '属性），另有 `bus` 和匹配的 `rule`。`vars` 为空。',
        '',
        ...MESSAGE_EXAMPLE,
        '',
        '`sampleEvent` 是编辑器预览和测试运行使用的事件；实际事件不受它影响。',
        '',
        ...EXAMPLE,
      ].join('\n'),
      fields: {
        bus: { title: '事件总线', description: '其规则可以把事件路由到本流程的事件总线。' },
        sampleEvent: { title: '示例事件', description: '一个 CloudEvent（结构化 JSON 格式），用于编辑器的预览和测试运行。' },
      },
    },
  },
  kind: 'trigger',
  defaultExecution: 'durable',
  description: [
    'Starts the flow for each event that a rule of the bus routes to it (a rule names the flow as a target).',
    '',
    "The flow's first message has the whole event (structured JSON form, `data` included) as `payload`, as",
    "the vendor's integration flows receive it, so `payload.subject`, `payload.region` and `payload.data.x`",
    'read it. `attributes` holds the context attributes (`id`, `source`, `type`, `specversion`, `subject`,',
    '`time`, `datacontenttype`, extensions such as `region` or `status`), plus `bus` and the matching `rule`.',
    '`vars` is empty.',
    '',
    ...MESSAGE_EXAMPLE,
    '',
    "`sampleEvent` is the event that the editor's preview and test runs use; live events ignore it.",
    '',
    ...EXAMPLE,
  ].join('\n'),
  config: eventTriggerConfigSchema,
});
