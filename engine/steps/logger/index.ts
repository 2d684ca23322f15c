/**
 * @module Logger: writes a line to the flow's log; the message passes through unchanged.
 */
import type { ConfigOf, JsonSchema } from '../../core/json-schema.js';
import { defineStep } from '../../core/step-definition.js';
import type { LogLevel } from '../../core/step-definition.js';
import { readEnum, readString } from '../config-values.js';

/** Log levels, lowest first. */
export const LOG_LEVELS: readonly LogLevel[] = ['DEBUG', 'INFO', 'WARN', 'ERROR'];

const DEFAULT_LEVEL: LogLevel = 'INFO';
const DEFAULT_CATEGORY = 'flow';

/** The schema of a Logger step's config. */
export const loggerConfigSchema = {
  type: 'object',
  properties: {
    level: {
      type: 'string',
      title: 'Level',
      description: 'How important the line is; the log store filters on it.',
      enum: LOG_LEVELS,
      default: DEFAULT_LEVEL,
      'x-expression': false,
    },
    category: {
      type: 'string',
      title: 'Category',
      description: 'A label to group and filter log lines, e.g. `orders` or `alarms`.',
      default: DEFAULT_CATEGORY,
    },
    content: {
      title: 'Content',
      description: 'What to log: a text, a template, or an expression. Left out, the payload is logged.',
      'x-widget': 'textarea',
    },
  },
  additionalProperties: false,
} as const satisfies JsonSchema;

/** Config of a Logger step, after expressions are evaluated. */
export type LoggerConfig = ConfigOf<typeof loggerConfigSchema>;

/** Turns logged content into text: strings as they are, anything else as JSON. */
export function logText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (content === undefined) return '';
  try {
    return JSON.stringify(content) ?? String(content);
  } catch {
    // A cyclic or BigInt value cannot be JSON; a log line must still be written.
    return String(content);
  }
}

/** The example in every language of the description. */
const EXAMPLE = [
  '```json',
  '{',
  '  "id": "log-alarm",',
  '  "type": "logger",',
  '  "config": {',
  '    "level": "WARN",',
  '    "category": "alarms",',
  '    "content": { "$template": "alarm {payload.alarmName} fired" }',
  '  }',
  '}',
  '```',
];

/** `logger`: logs `content` at `level` under `category`. */
export const loggerStep = defineStep<LoggerConfig>({
  type: 'logger',
  title: 'Logger',
  category: 'logging',
  keywords: ['log', 'print', 'debug', 'trace'],
  i18n: {
    'zh-CN': {
      title: '日志',
      description: [
        '向流程日志写一行，带有执行 ID 和步骤 ID。',
        '',
        '字符串原样记录；对象、数组、数字和布尔值记录为 JSON 文本。不填 `content` 时记录消息体。消息原样通过。',
        '',
        ...EXAMPLE,
      ].join('\n'),
      fields: {
        level: { title: '级别', description: '这一行的重要程度；日志存储按它过滤。' },
        category: { title: '分类', description: '用于分组和过滤日志行的标签，例如 `orders` 或 `alarms`。' },
        content: { title: '内容', description: '要记录的内容：文本、模板或表达式。不填时记录消息体。' },
      },
    },
  },
  kind: 'action',
  effects: 'none',
  description: [
    "Writes a line to the flow's log, tagged with the execution id and the step id.",
    '',
    'Strings are logged as they are; objects, arrays, numbers and booleans as JSON text. When `content`',
    'is left out, the payload is logged. The message passes through unchanged.',
    '',
    ...EXAMPLE,
  ].join('\n'),
  config: loggerConfigSchema,
  async execute({ config, message, logger }) {
    const level = readEnum(config.level ?? DEFAULT_LEVEL, 'level', LOG_LEVELS);
    const category = readString(config.category ?? DEFAULT_CATEGORY, 'category');
    const content = Object.hasOwn(config, 'content') ? config.content : message.payload;
    logger.log(level, category, logText(content));
  },
});
