/**
 * @module 流程编辑器运行部分的简体中文文本：执行记录面板（筛选、详情、再次运行）、测试运行面板、运行结果。
 */
import type { Messages } from './en.js';
import type { runsEn } from './runs-en.js';

export const runsZhCN: Messages<typeof runsEn> = {
  executions: {
    title: '执行记录',
    intro: '此流程过去的运行，最新的在前。',
    filters: '筛选执行记录',
    status: '状态',
    anyStatus: '任意状态',
    trigger: '触发方式',
    anyTrigger: '任意',
    triggerKind: { http: 'HTTP 请求', event: '事件', 'dry-run': '测试运行' },
    from: '开始时间',
    to: '结束时间',
    handledOnly: '仅显示有已处理错误的',
    rangeProblem: '“开始时间”晚于“结束时间”：没有执行记录能匹配。',
    loading: '正在加载执行记录…',
    none: '还没有运行。可在“测试运行”标签页运行测试，或发送一个事件。',
    noneMatch: '没有符合这些筛选条件的执行记录。',
    more: '更早的执行记录',
    open: '打开执行记录 {{id}}',
    opening: '正在打开…',
    rowMeta: '{{trigger}} · {{duration}}',
    handledErrors_one: '{{count}} 个已处理的错误',
    handledErrors_other: '{{count}} 个已处理的错误',
    opened: '执行记录 {{id}}',
    startedBy: '由事件 {{id}} 触发',
    replay: '用此输入再次运行',
    replaying: '正在再次运行…',
    replayNote: '按当前画布上的流程、用这次执行的输入作为测试运行：连接器和 HTTP 调用不会真正发送。',
    notReplayable: '此输入不能原样再次运行：历史记录保存的 {{parts}} 并不是这次执行收到的内容。请在“测试运行”标签页选择“上次运行的输入”并补全这些值。',
    altered: { redacted: '已脱敏', truncated: '已截断' },
  },
};
