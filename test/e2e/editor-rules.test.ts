/**
 * @module End to end, in headless Chromium against a real server: story 2's rule built on the Rules page by
 * clicking and typing only — a pattern from the template fields and values (seeing live which template
 * events match), a log-store archive, a message-push target notifying a receiver by e-mail and WeCom robot
 * within a time window, and a webhook callback — first refused at save for a time zone no runtime knows, with
 * the server's issue at the time-zone field, then saved as the canonical rule file.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatRule } from '../../engine/bus/files/canonical.js';
import { startEditorSession, type EditorSession } from './browser-session.js';

let session: EditorSession;

beforeAll(async () => {
  session = await startEditorSession();
  const connections = [
    { name: 'ops-mail', type: 'email', values: { host: '127.0.0.1', from: 'alarms@example.com' } },
    { name: 'ops-wecom', type: 'wecom-robot', values: { webhook: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' } },
  ];
  for (const body of connections) expect((await session.server.api('/connections', { method: 'POST', body })).status).toBe(201);
}, 180_000);

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await session?.reportFailure();
});

afterAll(async () => {
  await session?.close();
});

const expected = {
  format: 'flowbus/rule@1',
  name: 'Ping unreachable: archive, notify, call back',
  bus: 'default',
  enabled: true,
  pattern: { source: ['cvm.cloud.tencent'], type: ['cvm:ErrorEvent:PingUnreachable'] },
  targets: [
    { id: 'archive', type: 'log-store' },
    {
      id: 'notify',
      type: 'message-push',
      config: {
        receivers: [
          {
            name: 'ops',
            channels: ['email', 'wecom'],
            email: { connection: 'ops-mail', to: ['ops@example.com'] },
            wecom: { connection: 'ops-wecom' },
          },
        ],
        timeWindow: { from: '09:30:00', to: '23:30:00', outside: 'hold' },
        timeZone: 'Asia/Shanghai',
      },
    },
    { id: 'callback', type: 'webhook', config: { url: 'https://ops.example.com/alarm-callback' } },
  ],
};

describe('the editor: rules by clicking', () => {
  it("builds story 2's rule without JSON, is refused a bad time zone at its field, and saves the file", async () => {
    const { page, server, button, consoleErrors } = session;
    await page.goto(`${server.url}/#/rules`);
    await page.getByText('No rules yet').waitFor();
    await button('New rule').click();
    const dialog = page.getByRole('dialog', { name: 'New rule' });
    await dialog.getByLabel('Rule name').fill(expected.name);
    await expect.poll(() => dialog.getByLabel('Rule id').inputValue()).toBe('ping-unreachable-archive-notify-call-back');
    await dialog.getByRole('button', { name: 'Create' }).click();

    // The pattern: fields and values picked from what the event templates hold.
    await button('+ Add condition').click();
    const first = page.getByRole('group', { name: 'Condition 1' });
    await first.getByLabel('Field', { exact: true }).fill('source');
    await page.getByRole('group', { name: 'Values of source in the templates' }).getByRole('button', { name: 'cvm.cloud.tencent' }).click();
    const matched = page.getByRole('status', { name: 'Templates matched' });
    await expect.poll(() => matched.textContent()).toMatch(/^4 of \d+ templates match$/);
    await button('+ Add condition').click();
    await page.getByRole('group', { name: 'Condition 2' }).getByLabel('Field', { exact: true }).fill('type');
    const types = page.getByRole('group', { name: 'Values of type in the templates' });
    await types.getByRole('button', { name: 'cvm:ErrorEvent:PingUnreachable' }).click();
    await expect.poll(() => matched.textContent()).toMatch(/^1 of \d+ templates match$/);
    const matches = page.getByRole('region', { name: 'Template events matched' });
    expect(await matches.locator('li[data-match="yes"]').allTextContents()).toEqual(['✓ CVM - ping unreachable']);

    // Archive to the log store.
    await button('+ Add target').click();
    let card = page.getByRole('group', { name: 'Target target' });
    await card.getByLabel('Target type').selectOption({ label: 'Log store' });
    await card.getByLabel('Target id').fill('archive');

    // Notify the ops receiver by e-mail and WeCom robot, 09:30:00-23:30:00, in a zone no runtime knows.
    await button('+ Add target').click();
    card = page.getByRole('group', { name: 'Target target' });
    await card.getByLabel('Target type').selectOption({ label: 'Message push' });
    await card.getByLabel('Target id').fill('notify');
    card = page.getByRole('group', { name: 'Target notify' });
    await card.getByRole('button', { name: '+ Add receiver' }).click();
    const receiver = card.getByRole('group', { name: 'Receiver 1' });
    await receiver.getByLabel('Name', { exact: true }).fill('ops');
    await receiver.getByRole('checkbox', { name: 'email', exact: true }).check();
    await receiver.getByRole('checkbox', { name: 'wecom', exact: true }).check();
    const mail = receiver.locator('details[data-field="email"]');
    await mail.locator('summary').click();
    await mail.getByLabel('Connection', { exact: true }).selectOption('ops-mail');
    await mail.getByLabel('To', { exact: true }).fill('ops@example.com');
    const wecom = receiver.locator('details[data-field="wecom"]');
    await wecom.locator('summary').click();
    await wecom.getByLabel('Connection', { exact: true }).selectOption('ops-wecom');
    const window = card.locator(':scope > .schema-form > details[data-field="timeWindow"]');
    await window.locator('summary').click();
    await window.getByLabel('From', { exact: true }).fill('09:30:00');
    await window.getByLabel('To', { exact: true }).fill('23:30:00');
    await window.getByLabel('Outside the window', { exact: true }).selectOption('hold');
    const zone = card.locator(':scope > .schema-form > [data-field="timeZone"]');
    await zone.getByLabel('Time zone', { exact: true }).fill('Mars/Olympus_Mons');

    // Call back a URL.
    await button('+ Add target').click();
    card = page.getByRole('group', { name: 'Target target' });
    await card.getByLabel('Target type').selectOption({ label: 'Webhook' });
    await card.getByLabel('Target id').fill('callback');
    await page.getByRole('group', { name: 'Target callback' }).getByLabel('URL', { exact: true }).fill(expected.targets[2]!.config!.url as string);

    await button('Save rule').click();
    await page.getByText('Not saved: 1 problem, marked below.').waitFor();
    const zoneError = zone.locator('.field-error');
    expect(await zoneError.textContent()).toMatch(/^timeZone: unknown time zone "Mars\/Olympus_Mons": expected an IANA name/);
    expect(await zoneError.getAttribute('data-issue-code')).toBe('unknown-time-zone');
    const file = join(server.flowsDir, 'ping-unreachable-archive-notify-call-back.rule.json');
    await expect(stat(file)).rejects.toThrow(/ENOENT/);

    await zone.getByLabel('Time zone', { exact: true }).fill('Asia/Shanghai');
    await expect.poll(() => page.locator('.rule-page .problem-count').textContent()).toBe('No problems');
    await button('Save rule').click();
    await page.getByText('Saved the rule file.').waitFor();
    expect(await readFile(file, 'utf8')).toBe(formatRule(expected));
    expect(consoleErrors).toEqual([]);
  }, 90_000);
});
