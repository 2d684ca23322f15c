/**
 * @module 简体中文 texts of the editor's side panels; the same keys as `panels-en.ts` (checked by the type).
 */
import type { Messages } from './en.js';
import type { panelsEn } from './panels-en.js';

export const panelsZhCN: Messages<typeof panelsEn> = {
  ids: {
    required: '必须填写 ID',
    tooLong: '最多 {{max}} 个字符',
    notASlug: '只能使用小写字母、数字和“-”，并以字母或数字开头',
    notAFileId: '只能使用字母、数字、“_”、“.”和“-”，并以字母或数字开头',
    taken: {
      step: '此流程中已有步骤使用“{{id}}”',
      flow: '流程“{{id}}”已存在',
      rule: '规则“{{id}}”已存在',
      source: '事件源“{{id}}”已存在',
    },
    help: '在流程内唯一；追踪、日志和错误信息都用它来指代该步骤。',
  },
  fields: {
    required: '必填',
  },
};
