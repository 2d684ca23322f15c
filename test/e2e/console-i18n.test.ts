/**
 * @module End to end, in headless Chromium against a real server: the flow list shows a flow's executions
 * per minute; the Metrics page charts the last hour; the rules page links a flow target to its flow and a
 * webhook target to the rule's events; the language switch turns the flow list, the navigation, the step
 * titles and the console into Simplified Chinese and keeps the choice across a reload; the rules page, the
 * rule editor, the flow editor's toolbar and property panels are in Chinese too, and in English again; in 中文 a
 * step's property form shows its fields' titles and help (nested ones too) from the registry's translations,
 * and a rule's target form its target type's.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer } from 'node:net';
import { startEditorSession, type EditorSession } from './browser-session.js';
import { alarmEvent, sendEvents, writeConsoleFlows } from './console-fixtures.js';

/** Deliveries land asynchronously, on a machine that may be busy. */
const POLL = { timeout: 10_000 };

let session: EditorSession;

/** A loopback port that nothing listens on (taken, then let go). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  // Nothing listens at the partner's URL: its target fails at once and leaves a dead letter.
  const partnerUrl = `http://127.0.0.1:${await closedPort()}/hook`;
  session = await startEditorSession({ prepareFlows: (flowsDir) => writeConsoleFlows(flowsDir, partnerUrl) });
  await sendEvents(session.server.url, [alarmEvent('alarm-i18n-1', 'ins-i18n-1')]);
  // Both the partner's failure and the flow's execution are in before any page reads them.
  await vi.waitFor(async () => expect((await session.server.api('/dead-letters')).json.total).toBe(1), { timeout: 10_000 });
  const executions = async () => (await session.server.api('/executions?flow=alarm-handler')).json.executions;
  await vi.waitFor(async () => expect(await executions()).toHaveLength(1), { timeout: 10_000 });
}, 180_000);

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await session?.reportFailure();
});

afterAll(async () => {
  await session?.close();
});

describe('the bus console: metrics, navigation and languages', () => {
  it('shows executions per minute on the flow list and charts the last hour', async () => {
    const { page, server, consoleErrors } = session;
    await page.goto(`${server.url}/#/`);
    const row = page.locator('tr[data-flow="alarm-handler"]');
    await expect.poll(() => row.locator('.sparkline').getAttribute('data-total'), POLL).toBe('1');
    expect(await row.locator('.sparkline').textContent()).toContain('1 in the last hour');
    expect(await row.getByRole('img').count()).toBe(1);

    await page.getByRole('link', { name: 'Metrics', exact: true }).click();
    await page.getByRole('heading', { name: 'Metrics' }).waitFor();
    await expect.poll(() => page.locator('[data-chart] canvas').count(), POLL).toBe(4);
    const totals = async (chart: string) => page.locator(`[data-chart="${chart}"] .chart-totals`).textContent();
    expect(await totals('events')).toContain('accepted: 1 in the hour');
    expect(await totals('events')).toContain('rule matches: 1 in the hour');
    expect(await totals('deliveries')).toContain('delivered: 2 in the hour');
    expect(await totals('deliveries')).toContain('dead letters: 1 in the hour');
    expect(await totals('executions')).toContain('executions: 1 in the hour');
    expect(await page.getByRole('img', { name: 'Execution time (ms)' }).count()).toBe(1);
    expect(consoleErrors).toEqual([]);
  });

  it('links each rule target to its flow or its console page', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}/#/rules`);
    const targets = page.locator('tr', { hasText: 'CVM alarms' });
    expect(await targets.locator('a[data-target="handle"]').getAttribute('href')).toBe('#/flows/alarm-handler');
    await targets.locator('a[data-target="partner"]').click();
    await page.getByRole('heading', { name: 'Events', exact: true }).waitFor();
    const ruleField = page.getByRole('search').getByLabel('Rule', { exact: true });
    // The search form fills from the link's query after the page heading is drawn.
    await expect.poll(() => ruleField.inputValue(), { timeout: 10_000 }).toBe('cvm-alarms');
    await page.locator('tr[data-event="alarm-i18n-1"]').waitFor();
    await page.goto(`${server.url}/#/rules`);
    await page.locator('tr', { hasText: 'CVM alarms' }).locator('a[data-target="archive"]').click();
    await page.locator('tr[data-event="alarm-i18n-1"]').waitFor();
    expect(await page.getByRole('search').getByLabel('Search in').inputValue()).toBe('log-store');
    await page.goto(`${server.url}/#/rules`);
    await page.locator('tr', { hasText: 'CVM alarms' }).locator('a[data-target="handle"]').click();
    await page.getByText('Set Payload').first().waitFor();
  });

  it('switches to 中文, shows the flow list, steps and console in Chinese, and keeps the choice', async () => {
    const { page, server, consoleErrors } = session;
    await page.goto(`${server.url}/#/`);
    await page.getByRole('heading', { name: 'Flows' }).waitFor();
    await page.getByLabel('Language').selectOption({ label: '简体中文' });
    await page.getByRole('heading', { name: '流程', exact: true, level: 1 }).waitFor();
    const row = page.locator('tr[data-flow="alarm-handler"]');
    // The heading shows before the list has loaded: wait for the flow's row before counting anything.
    await row.waitFor();
    const table = page.locator('table.flow-table');
    for (const header of ['流程', '触发器', '状态', '最近执行', '每分钟执行次数']) {
      expect(await table.getByRole('columnheader', { name: header, exact: true }).count()).toBe(1);
    }
    expect(await row.locator('[data-status="published"]').textContent()).toBe('已发布');
    expect(await row.locator('[data-status="succeeded"]').textContent()).toBe('成功');
    expect(await row.textContent()).toContain('最近一小时 1 次');
    expect(await row.getByRole('button', { name: '重命名 alarm-handler' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '新建流程' }).count()).toBe(1);
    await page.getByRole('button', { name: '新建流程' }).click();
    const dialog = page.getByRole('dialog', { name: '新建流程' });
    await dialog.getByLabel('流程名称').fill('告警转发');
    expect(await dialog.getByLabel('起点').locator('option').allTextContents()).toEqual(['空白流程', 'Alarm handler 的副本']);
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => dialog.count(), POLL).toBe(0);
    const nav = page.getByRole('navigation', { name: '栏目' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['流程', '规则', '事件源', '事件', '死信', '监控指标']);

    await page.reload();
    await page.getByRole('heading', { name: '流程', exact: true, level: 1 }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('flowbus.language'))).toBe('zh-CN');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

    await row.getByRole('link', { name: 'Alarm handler' }).click();
    await page.getByText('设置消息体').first().waitFor();
    await page.goto(`${server.url}/#/dead-letters`);
    await page.getByRole('heading', { name: '死信', exact: true, level: 1 }).waitFor();
    expect(await page.locator('tr[data-group="cvm-alarms/partner"]').textContent()).toContain('HTTP:CONNECTIVITY');
    await page.getByRole('link', { name: '事件', exact: true }).click();
    await page.getByRole('heading', { name: '事件', exact: true, level: 1 }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: '找到' }).textContent()).toBe('找到 1 个事件');

    await page.getByLabel('语言').selectOption({ label: 'English' });
    await page.getByRole('heading', { name: 'Events', exact: true }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('flowbus.language'))).toBe('en');
    expect(consoleErrors).toEqual([]);
  });

  it("shows a step's field titles and help in Chinese in the properties panel, and in English again", async () => {
    const { page, server, panel, field, consoleErrors } = session;
    const document = {
      format: 'flowbus/flow@1',
      name: 'Notify ops',
      trigger: { id: 'on-alarm', type: 'event', config: { bus: 'default' } },
      steps: [
        { id: 'log', type: 'logger', config: { level: 'WARN', content: 'alarm' } },
        {
          id: 'robot',
          type: 'wecom-robot',
          config: { connection: 'ops', msgType: 'news', articles: [{ title: 'Alarm', url: 'https://example.com/a' }] },
        },
      ],
    };
    expect((await server.api('/flows', { method: 'POST', body: { id: 'notify-ops', document } })).status).toBe(201);
    // The language is set the way the switch keeps it, so that this test reads no chrome text.
    await page.goto(`${server.url}/#/flows/notify-ops`);
    await page.evaluate(() => localStorage.setItem('flowbus.language', 'zh-CN'));
    await page.reload();
    await page.locator('.react-flow .step-card[data-step-id="log"]').click();
    await panel().getByRole('heading', { name: '日志', exact: true }).waitFor();
    // The step type's whole docs, not only their first sentence, are in Chinese under the header.
    expect(await panel().locator('.node-docs').textContent()).toContain('字符串原样记录；对象、数组、数字和布尔值记录为 JSON 文本。');
    expect(await field('级别').locator('option:checked').textContent()).toBe('WARN');
    const level = panel().locator('.field[data-field="level"]');
    expect(await level.locator('.field-help').textContent()).toBe('这一行的重要程度；日志存储按它过滤。');
    expect(await panel().locator('.field[data-field="category"] .field-head label').textContent()).toBe('分类');
    expect(await panel().locator('.field[data-field="content"] .field-head label').textContent()).toBe('内容');

    await page.locator('.react-flow .step-card[data-step-id="robot"]').click();
    await panel().getByRole('heading', { name: '企业微信机器人', exact: true }).waitFor();
    expect(await panel().locator('.field[data-field="msgType"] .field-head label').textContent()).toBe('消息类型');
    expect(await panel().locator('.field[data-field="truncate"] .field-head label').textContent()).toBe('超长截断');
    // Nested fields: the image's fields in their group, the articles' fields in each item.
    const image = panel().locator('details.nested-object[data-field="image"]');
    expect(await image.locator('summary').textContent()).toBe('图片');
    expect(await image.locator('.field[data-field="base64"] .field-head label').textContent()).toBe('图片内容（Base64）');
    const articles = panel().locator('.object-list[data-field="articles"]');
    expect(await articles.locator('.field-label').first().textContent()).toBe('图文');
    expect(await articles.locator('.field[data-field="title"] .field-head label').textContent()).toBe('标题');
    expect(await articles.locator('.field[data-field="url"] .field-head label').textContent()).toBe('跳转链接');
    expect(await articles.getByLabel('跳转链接', { exact: true }).inputValue()).toBe('https://example.com/a');

    await page.evaluate(() => localStorage.setItem('flowbus.language', 'en'));
    await page.reload();
    await page.locator('.react-flow .step-card[data-step-id="log"]').click();
    await panel().getByRole('heading', { name: 'Logger', exact: true }).waitFor();
    expect(await field('Level').locator('option:checked').textContent()).toBe('WARN');
    expect(await panel().locator('.field[data-field="level"] .field-help').textContent()).toBe(
      'How important the line is; the log store filters on it.',
    );
    expect((await server.api('/flows/notify-ops', { method: 'DELETE' })).status).toBe(204);
    expect(consoleErrors).toEqual([]);
  });

  it("shows a rule's message-push target form with its type's Chinese field titles", async () => {
    const { page, server, consoleErrors } = session;
    const rule = {
      format: 'flowbus/rule@1',
      name: 'Notify by callback',
      pattern: { source: ['i18n.example'] },
      targets: [
        {
          id: 'notify',
          type: 'message-push',
          config: { receivers: [{ name: 'ops', channels: ['webhook'], webhook: { url: 'https://ops.example.com/alarm' } }] },
        },
      ],
    };
    expect((await server.api('/rules/notify-i18n', { method: 'PUT', body: rule })).status).toBe(201);
    await page.goto(`${server.url}/#/rules/notify-i18n`);
    await page.evaluate(() => localStorage.setItem('flowbus.language', 'zh-CN'));
    await page.reload();
    const card = page.locator('fieldset.target-card').first();
    await card.locator('.object-list[data-field="receivers"]').waitFor();
    expect(await card.locator('.target-head select option:checked').textContent()).toBe('消息推送');
    const receivers = card.locator('.object-list[data-field="receivers"]');
    expect(await receivers.locator('.field-label').first().textContent()).toBe('接收人');
    expect(await receivers.locator('fieldset.object-list-item legend').textContent()).toBe('接收人 1');
    expect(await receivers.locator('.field[data-field="name"] .field-head label').textContent()).toBe('名称');
    const webhook = receivers.locator('details.nested-object[data-field="webhook"]');
    expect(await webhook.locator('summary').textContent()).toBe('Webhook 回调');
    expect(await webhook.getByLabel('回调地址', { exact: true }).inputValue()).toBe('https://ops.example.com/alarm');
    expect(await card.locator('.field[data-field="timeZone"] .field-head label').textContent()).toBe('时区');

    await page.evaluate(() => localStorage.setItem('flowbus.language', 'en'));
    await page.reload();
    await card.locator('.object-list[data-field="receivers"]').waitFor();
    expect(await card.locator('.target-head select option:checked').textContent()).toBe('Message push');
    expect(await card.locator('.field[data-field="timeZone"] .field-head label').textContent()).toBe('Time zone');
    expect((await server.api('/rules/notify-i18n', { method: 'DELETE' })).status).toBe(204);
    expect(consoleErrors).toEqual([]);
  });

  it('shows the rules page, the rule editor and the flow editor in Chinese, and in English again', async () => {
    const { page, server, consoleErrors } = session;
    await page.goto(`${server.url}/#/rules`);
    await page.getByRole('heading', { name: 'Rules', exact: true, level: 1 }).waitFor();
    await page.getByLabel('Language').selectOption({ label: '简体中文' });
    await page.getByRole('heading', { name: '规则', exact: true, level: 1 }).waitFor();
    const rule = page.locator('tr', { hasText: 'CVM alarms' });
    await rule.waitFor();
    for (const header of ['规则', '事件总线', '目标', '状态']) {
      expect(await page.locator('table.flow-table').getByRole('columnheader', { name: header, exact: true }).count()).toBe(1);
    }
    expect(await rule.locator('.status-pill').textContent()).toBe('已启用');
    expect(await rule.getByRole('button', { name: '删除规则 cvm-alarms' }).textContent()).toBe('删除');
    await page.getByRole('button', { name: '新建规则' }).click();
    const dialog = page.getByRole('dialog', { name: '新建规则' });
    await dialog.getByLabel('规则名称').fill('CVM alarms');
    expect(await dialog.locator('.field-error').textContent()).toBe('规则“cvm-alarms”已存在');
    await dialog.getByRole('button', { name: '取消' }).click();

    await rule.getByRole('link', { name: 'CVM alarms' }).click();
    await page.getByRole('button', { name: '保存规则' }).waitFor();
    expect(await page.getByRole('link', { name: '← 规则' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: '事件模式', level: 3 }).count()).toBe(1);
    expect(await page.getByRole('group', { name: '目标 handle' }).getByLabel('目标类型').count()).toBe(1);
    expect(await page.getByRole('heading', { name: '用事件测试' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '+ 添加目标' }).count()).toBe(1);

    await page.goto(`${server.url}/#/flows/alarm-handler`);
    const toolbar = page.locator('header.toolbar');
    await toolbar.getByRole('button', { name: '测试运行', exact: true }).waitFor();
    for (const name of ['撤销', '重做', '发布']) expect(await toolbar.getByRole('button', { name, exact: true }).count()).toBe(1);
    expect(await toolbar.getByRole('link', { name: '返回流程列表' }).textContent()).toBe('← 流程');
    const flowPanel = page.getByRole('region', { name: '流程属性' });
    expect(await flowPanel.getByLabel('流程名称').inputValue()).toBe('Alarm handler');
    expect(await flowPanel.getByLabel('执行方式').locator('option').allTextContents()).toEqual([
      '按触发器的默认方式',
      '持久：保存检查点，崩溃后可恢复',
      '快速：在内存中执行，延迟最低',
    ]);
    expect(await flowPanel.getByRole('heading', { name: '键盘快捷键' }).count()).toBe(1);
    await page.getByRole('button', { name: '步骤 keep', exact: true }).click();
    const stepPanel = page.getByRole('region', { name: '步骤 keep 的属性' });
    await stepPanel.waitFor();
    for (const name of ['上移步骤', '下移步骤', '复制步骤', '删除步骤']) expect(await stepPanel.getByRole('button', { name }).count()).toBe(1);
    expect(await stepPanel.getByLabel('步骤 ID', { exact: true }).inputValue()).toBe('keep');
    expect(await stepPanel.getByLabel('显示名称', { exact: true }).count()).toBe(1);
    expect(await stepPanel.getByText('停用（流程运行时跳过）').count()).toBe(1);
    expect(await stepPanel.getByRole('heading', { name: '设置', level: 3 }).count()).toBe(1);

    // The editor has no language switch of its own: switch back on the flow list, then open the flow again.
    await toolbar.getByRole('link', { name: '返回流程列表' }).click();
    await page.getByRole('heading', { name: '流程', exact: true, level: 1 }).waitFor();
    await page.getByLabel('语言').selectOption({ label: 'English' });
    await page.getByRole('heading', { name: 'Flows', exact: true, level: 1 }).waitFor();
    await page.goto(`${server.url}/#/flows/alarm-handler`);
    await toolbar.getByRole('button', { name: 'Test run', exact: true }).waitFor();
    for (const name of ['Undo', 'Redo', 'Publish']) expect(await toolbar.getByRole('button', { name, exact: true }).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Flow properties' }).getByLabel('Execution').locator('option').first().textContent()).toBe("The trigger's default");
    await page.getByRole('button', { name: 'Step keep', exact: true }).click();
    const englishPanel = page.getByRole('region', { name: 'Step keep properties' });
    await englishPanel.waitFor();
    expect(await englishPanel.getByRole('button', { name: 'Duplicate step' }).textContent()).toBe('Duplicate');
    expect(await englishPanel.getByLabel('Step id', { exact: true }).inputValue()).toBe('keep');
    await page.goto(`${server.url}/#/rules`);
    await page.getByRole('heading', { name: 'Rules', exact: true, level: 1 }).waitFor();
    expect(await page.locator('tr', { hasText: 'CVM alarms' }).locator('.status-pill').textContent()).toBe('Enabled');
    expect(await page.evaluate(() => localStorage.getItem('flowbus.language'))).toBe('en');
    expect(consoleErrors).toEqual([]);
  });
});
