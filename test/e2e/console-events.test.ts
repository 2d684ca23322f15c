/**
 * @module End to end, in headless Chromium against a real server: an alarm whose partner webhook fails is
 * found on the Events page by its source and subject; its page shows which target failed and how, the
 * flow execution it started, why the COS rule did not match; it is re-sent and taken to the pattern
 * tester. On the Dead letters page the failed delivery is re-driven once the partner works, and seen
 * delivered, on the event's page too, as its third attempt; another is discarded.
 */
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeHttpServer, type FakeHttpServer } from '../fakes/http-server.js';
import { root, startEditorSession, type EditorSession } from './browser-session.js';
import { ALARM_SOURCE, alarmEvent, sendEvents, writeConsoleFlows } from './console-fixtures.js';

/** A time as a `datetime-local` input takes it: local time, to the second (the browser shares this TZ). */
function localDateTime(time: number): string {
  const date = new Date(time);
  const pad = (value: number) => String(value).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${day}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** Deliveries land asynchronously, on a machine that may be busy. */
const POLL = { timeout: 10_000 };

let session: EditorSession;
let partner: FakeHttpServer;
let partnerWorks = false;
const partnerGot: string[] = [];

beforeAll(async () => {
  partner = await startFakeHttpServer((request) => {
    if (!partnerWorks) return { status: 503, json: { error: 'partner is down' } };
    partnerGot.push((JSON.parse(request.body) as { id: string }).id);
    return { json: { ok: true } };
  });
  session = await startEditorSession({ prepareFlows: (flowsDir) => writeConsoleFlows(flowsDir, `${partner.origin}/hook`) });
}, 180_000);

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await session?.reportFailure();
});

afterAll(async () => {
  await session?.close();
  await partner?.close();
});

describe('the bus console: events and dead letters', () => {
  it('finds a sent event by source and subject and shows which target failed', async () => {
    const { page, server, button, consoleErrors } = session;
    await page.goto(`${server.url}/#/events`);
    const search = page.getByRole('search');
    await search.getByLabel('Source', { exact: true }).fill(ALARM_SOURCE);
    await search.getByLabel('Subject', { exact: true }).fill('ins-e2e-1');
    await button('Search').click();
    await page.getByRole('status').filter({ hasText: '0 events found' }).waitFor();
    // Searching again with the same filters shows what arrived since.
    await sendEvents(server.url, [alarmEvent('alarm-other', 'ins-other'), alarmEvent('alarm-e2e-1', 'ins-e2e-1')]);
    // The partner's failure lands asynchronously: search until its dead letter shows in the row.
    await expect.poll(async () => {
        await button('Search').click();
        await page.getByRole('status').filter({ hasText: /event(s)? found/ }).waitFor();
        return page.locator('tr[data-event="alarm-e2e-1"] [data-status="dead-lettered"]').count();
      }, POLL)
      .toBe(1);
    expect(await page.locator('tr[data-event]').count()).toBe(1);
    // A time range that starts after the event finds nothing; one that starts an hour before finds it again.
    const from = search.getByLabel('From', { exact: true });
    await from.fill(localDateTime(Date.now() + 60_000));
    await button('Search').click();
    await page.getByRole('status').filter({ hasText: '0 events found' }).waitFor();
    await from.fill(localDateTime(Date.now() - 3_600_000));
    await button('Search').click();
    await page.locator('tr[data-event="alarm-e2e-1"]').waitFor();
    await page.getByRole('link', { name: 'Open event alarm-e2e-1' }).click();

    await page.getByRole('heading', { name: 'Event alarm-e2e-1' }).waitFor();
    const partnerRow = page.locator('tr[data-target="cvm-alarms/partner"]');
    await expect.poll(() => partnerRow.locator('[data-status]').getAttribute('data-status'), POLL).toBe('dead-lettered');
    expect(await partnerRow.textContent()).toContain('HTTP:STATUS');
    expect(await partnerRow.textContent()).toContain('503');
    const flowRow = page.locator('tr[data-target="cvm-alarms/handle"]');
    expect(await flowRow.locator('[data-status]').getAttribute('data-status')).toBe('delivered');
    const execution = flowRow.locator('a[data-execution]');
    await expect.poll(() => execution.textContent(), POLL).toContain('Execution succeeded');
    expect(await execution.getAttribute('href')).toMatch(/^#\/flows\/alarm-handler\?execution=/);
    expect(await page.locator('tr[data-target="cvm-alarms/archive"] [data-status]').getAttribute('data-status')).toBe('delivered');

    await page.getByRole('button', { name: 'Why did cos-events not match?' }).click();
    const why = page.getByRole('list', { name: 'Why did cos-events not match?' });
    await expect.poll(() => why.textContent(), POLL).toContain('/source');
    expect(await why.textContent()).toContain(ALARM_SOURCE);
    // The README's console picture, written only when asked so that a test run leaves the work tree clean.
    const picture = process.env.FLOWBUS_UPDATE_SCREENSHOT ? join(root, 'docs/console.png') : join(tmpdir(), 'flowbus-console.png');
    await page.screenshot({ path: picture });
    expect((await stat(picture)).size).toBeGreaterThan(10_000);

    await button('Re-send').click();
    const resent = page.getByRole('status').filter({ hasText: 'Re-sent as a new event' }).getByRole('link');
    await resent.waitFor();
    const resentId = (await resent.textContent())!;
    expect(resentId).not.toBe('alarm-e2e-1');
    await resent.click();
    await page.getByRole('heading', { name: `Event ${resentId}` }).waitFor();
    await expect.poll(() => page.locator('tr[data-target="cvm-alarms/partner"] [data-status]').getAttribute('data-status'), POLL).toBe('dead-lettered');

    await page.getByLabel('Rule to test against').selectOption('cvm-alarms');
    await page.getByRole('link', { name: 'Send to the pattern tester' }).click();
    const eventText = page.getByLabel('Test event JSON');
    await expect.poll(() => eventText.inputValue(), POLL).toContain(resentId);
    await button('Test pattern').click();
    await page.getByText('The pattern matches this event.').waitFor();
    expect(consoleErrors).toEqual([]);
  });

  it('re-drives a dead letter once the partner works and sees it delivered; discards another', async () => {
    const { page, server, consoleErrors } = session;
    await page.goto(`${server.url}/#/dead-letters`);
    const group = page.locator('tr[data-group="cvm-alarms/partner"]');
    await group.waitFor();
    // alarm-other, alarm-e2e-1 and the re-sent copy.
    expect(await group.locator('td').nth(3).textContent()).toBe('3');
    await page.getByRole('button', { name: 'Show the dead letters of cvm-alarms / partner' }).click();
    const letter = page.locator('tr[data-event="alarm-e2e-1"]');
    await letter.waitFor();

    await page.getByRole('button', { name: 'Inspect dead letter alarm-e2e-1' }).click();
    const details = page.getByLabel('What the target was to receive');
    await expect.poll(() => details.textContent(), POLL).toContain('"subject": "ins-e2e-1"');

    await page.getByRole('button', { name: 'Re-drive dead letter alarm-e2e-1' }).click();
    await page.getByText('Re-driving failed').waitFor();
    await expect.poll(() => letter.textContent(), POLL).toContain('re-driven 1 time');

    partnerWorks = true;
    await page.getByRole('button', { name: 'Re-drive dead letter alarm-e2e-1' }).click();
    await page.getByText('Re-drove the dead letter of event alarm-e2e-1: delivered.').waitFor();
    await expect.poll(() => letter.count(), POLL).toBe(0);
    expect(partnerGot).toEqual(['alarm-e2e-1']);
    await expect.poll(() => group.locator('td').nth(3).textContent(), POLL).toBe('2');

    // The event's page shows the re-drive as its third attempt, delivered.
    await page.goto(`${server.url}/#/events/alarm-e2e-1?bus=default`);
    const partnerRow = page.locator('tr[data-target="cvm-alarms/partner"]');
    await expect.poll(() => partnerRow.locator('[data-status]').getAttribute('data-status'), POLL).toBe('delivered');
    await partnerRow.getByRole('button', { name: 'Attempts at partner' }).click();
    const attempts = partnerRow.getByRole('list', { name: 'Attempts at partner' }).getByRole('listitem');
    expect(await attempts.evaluateAll((items) => items.map((item) => item.getAttribute('data-outcome')))).toEqual(['failed', 'failed', 'redriven']);
    expect(await attempts.first().textContent()).toContain('HTTP:STATUS');
    await page.goBack();
    await group.waitFor();

    await page.getByRole('button', { name: 'Discard dead letter alarm-other' }).click();
    const dialog = page.getByRole('dialog', { name: 'Discard this dead letter?' });
    await dialog.getByRole('button', { name: 'Discard' }).click();
    await page.getByText('Discarded the dead letter of event alarm-other.').waitFor();
    expect(partnerGot).toEqual(['alarm-e2e-1']);
    const left = await server.api('/dead-letters');
    expect(left.json.total).toBe(1);

    await page.getByRole('button', { name: 'Re-drive all shown' }).click();
    await page.getByText('Re-drove 1 of 1; 0 failed again.').waitFor();
    await page.getByText('No dead letters').waitFor();
    expect(partnerGot).toHaveLength(2);
    expect(consoleErrors).toEqual([]);
  });
});
