/**
 * @module 简体中文 texts of the flow editor's problems list, warnings, key-value rows and the test run's
 * reply; the same keys as `problems-en.ts` (checked by the type).
 */
import type { Messages } from './en.js';
import type { problemsEn } from './problems-en.js';

export const problemsZhCN: Messages<typeof problemsEn> = {
  problems: {
    none: '没有问题',
    count_one: '{{count}} 个问题',
    count_other: '{{count}} 个问题',
    warnings_one: '{{count}} 个警告',
    warnings_other: '{{count}} 个警告',
    listTitle: '问题与警告',
    listIntro: '有问题时不能保存；警告不影响保存。点击一项即可跳到对应的步骤和字段。',
    error: '问题',
    warning: '警告',
    flowLevel: '流程',
    inStep: '步骤 {{id}}',
    empty: '无需修改：流程没有问题，也没有警告。',
    close: '关闭列表',
  },
  keyValue: {
    name: '{{title}}：第 {{index}} 行的名称',
    add: '+ 添加一行',
    remove: '删除 {{title}} 的第 {{index}} 行',
    empty: '还没有任何行。',
  },
  reply: {
    title: '应答',
    intro: '调用此 HTTP 流程的一方将收到的内容。',
    status: '状态码',
    headers: '响应头',
    body: '响应体',
    noBody: '无响应体',
    failed: '无法生成应答：{{type}}',
    ofStep: '步骤 {{id}} 出错',
    selectStep: '查看步骤 {{id}}',
  },
};
