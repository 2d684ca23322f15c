/**
 * @module Tests of the test event templates: one per product event, only `data` may change.
 */
import { describe, expect, it } from 'vitest';
import { EVENT_TEMPLATES, templateEvent } from './templates.js';

describe('event templates', () => {
  it('covers the CVM events and the stream cluster TaskManager CPU alarm', () => {
    expect(EVENT_TEMPLATES.map((template) => template.id)).toEqual([
      'cvm-instance-reboot',
      'cvm-ping-unreachable',
      'cvm-disk-read-only',
      'cvm-guest-reboot',
      'oceanus-taskmanager-cpu-high',
    ]);
    for (const template of EVENT_TEMPLATES) {
      expect(template.event.type).toMatch(new RegExp(`^${template.product}:ErrorEvent:`));
      expect(template.event.source).toBe(`${template.product}.cloud.tencent`);
    }
  });

  it('sends the template with a fresh id, the time now, and new data when given', () => {
    const first = templateEvent('cvm-guest-reboot', {}, 1234);
    const second = templateEvent('cvm-guest-reboot', { data: { instanceId: 'ins-9' } }, 5678);
    expect(first).toMatchObject({
      specversion: '1.0',
      source: 'cvm.cloud.tencent',
      type: 'cvm:ErrorEvent:GuestReboot',
      time: 1234,
    });
    expect(first.data).toMatchObject({ instanceId: 'ins-sjksjk' });
    expect(second.data).toEqual({ instanceId: 'ins-9' });
    expect(second.id).not.toBe(first.id);
    expect(Object.keys(first).slice(0, 4)).toEqual(['specversion', 'id', 'source', 'type']);
  });

  it.each([
    [{ type: 'x' }, '"type" cannot be changed'],
    [{ data: {}, subject: 'ins-2' }, '"subject" cannot be changed'],
  ])('refuses to change anything but data: %j', (changes, message) => {
    expect(() => templateEvent('cvm-guest-reboot', changes, 1)).toThrow(message);
  });

  it('names the known templates when the id is unknown', () => {
    const known = /no event template "nope" \(known: cvm-instance-reboot, /;
    expect(() => templateEvent('nope', {}, 1)).toThrow(known);
  });
});
