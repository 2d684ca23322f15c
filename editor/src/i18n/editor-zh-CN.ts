/**
 * @module 简体中文 texts of the flow editor's frame; the same keys as `editor-en.ts` (checked by the type).
 */
import type { editorEn } from './editor-en.js';
import type { Messages } from './en.js';

export const editorZhCN: Messages<typeof editorEn> = {
  toolbar: {
    back: '← 流程',
    backLabel: '返回流程列表',
    history: '历史',
    undo: '撤销',
    redo: '重做',
    testRun: '测试运行',
    canvas: '流程画布',
    checking: '正在检查…',
    cannotCheck: '无法检查流程：{{message}}',
  },
  editorStatus: {
    opening: '正在打开 {{id}}…',
    notFound: '没有流程“{{id}}”',
    notFoundText: '它可能已被删除或改名。请返回流程列表。',
    notJson: '{{file}} 无法在编辑器中打开',
    notJsonText: '请用文本编辑器修正该文件（或运行 fmt 命令），然后重新加载。',
    notAnObject: '文件内容不是 JSON 对象',
    reload: '重新加载',
    error: '无法加载流程',
  },
  gitChanges: {
    cannotCompare: '无法与上次提交比较：{{message}}',
    comparingLong: '正在与上次提交比较…',
    noGit: '流程文件夹不在 git 工作区中：没有可比较的上次提交。',
    title: '自上次提交以来的更改',
    comparing: '正在比较…',
    added: '此流程尚未包含在上次提交中：全部内容都是新的。',
    none: '自上次提交以来没有更改。',
  },
  notices: {
    changedOnDisk: '文件已在磁盘上被修改；编辑器现在显示的是该版本。',
    cannotOpenExecution: '无法打开该执行记录：{{message}}',
    copied: '已复制步骤 {{id}}。',
    notPasted: '未粘贴：{{problem}}。',
    draftNotSaved: '草稿未能保存',
    leave: '要离开此流程吗？未保存的更改将会丢失。',
    deleteScope_one: '要连同其中的 {{count}} 个步骤一起删除吗？撤销（Ctrl+Z）可以恢复。',
    deleteScope_other: '要连同其中的 {{count}} 个步骤一起删除吗？撤销（Ctrl+Z）可以恢复。',
  },
  paste: {
    notJson: '剪贴板中没有流程 JSON：请在编辑器中复制一个步骤，或复制步骤或流程文件的 JSON',
    noSteps: '剪贴板中的 JSON 不含步骤（应为一个步骤，或带有“steps”的对象）',
    notAStep: '剪贴板 JSON 中的 steps[{{index}}] 不是步骤：应为带有“id”和“type”的对象',
    empty: '没有可粘贴的内容：请先复制一个步骤（Ctrl+C）',
  },
  insert: {
    chooseTrigger: '选择触发器',
    addStep: '添加步骤',
    whatStarts: '由什么启动此流程',
    first: '添加第一个步骤',
    after: '在 {{id}} 之后添加步骤',
    into: '在 {{name}} 中添加步骤',
    atEnd: '在流程末尾添加步骤',
    addBranch: '为 {{id}} 添加{{branch}}',
    laneOf: '{{id}} 的{{title}}',
    branch: '{{branch}} {{name}}',
  },
};
