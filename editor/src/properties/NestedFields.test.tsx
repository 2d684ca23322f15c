// @vitest-environment happy-dom
/**
 * @module Nested config forms (a rule target's config): objects and lists of objects get forms of their
 * own, values are written back at their place, emptied objects are removed, and each issue shows at the
 * field its pointer names — and without the nested context the same schema keeps its JSON input.
 */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { messagePushConfigSchema } from '../../../notifications/config/schema.js';
import type { ValidationIssue } from '../api/types.js';
import { renderSchemaForm } from '../testing/render-schema-form.js';

afterEach(cleanup);

const POINTER = '/targets/1/config';

function renderPush(initial: Record<string, unknown>, issues: ValidationIssue[] = [], nested = true) {
  const context = { nested, literal: true, connections: [{ name: 'ops-mail', type: 'email' } as never] };
  return renderSchemaForm(messagePushConfigSchema, initial, { pointer: POINTER, issues, context });
}

describe('nested config forms', () => {
  it('adds a receiver and writes its fields and channel settings in place', () => {
    const seen = renderPush({});
    fireEvent.click(screen.getByRole('button', { name: '+ Add receiver' }));
    const receiver = screen.getByRole('group', { name: 'Receiver 1' });
    fireEvent.change(within(receiver).getByLabelText('Name'), { target: { value: 'ops' } });
    fireEvent.click(within(receiver).getByRole('checkbox', { name: 'email' }));
    const mail = receiver.querySelector('details[data-field="email"]') as HTMLElement;
    fireEvent.change(within(mail).getByLabelText('Connection'), { target: { value: 'ops-mail' } });
    fireEvent.change(within(mail).getByLabelText('To'), { target: { value: 'a@example.com, b@example.com' } });
    expect(seen.config).toEqual({
      receivers: [{ name: 'ops', channels: ['email'], email: { connection: 'ops-mail', to: ['a@example.com', 'b@example.com'] } }],
    });
    expect(screen.queryByRole('button', { name: /^Expression for/ })).toBeNull();
  });

  it('removes an object once its last field is cleared, and a receiver by its button', () => {
    const seen = renderPush({ receivers: [{ channels: ['email'] }, { channels: ['wecom'] }], timeWindow: { from: '09:30:00' } });
    const window = document.querySelector(':scope .schema-form > details[data-field="timeWindow"]') as HTMLElement;
    fireEvent.change(within(window).getByLabelText('From'), { target: { value: '' } });
    expect(seen.config).not.toHaveProperty('timeWindow');
    fireEvent.click(screen.getByRole('button', { name: 'Remove Receiver 1' }));
    expect(seen.config.receivers).toEqual([{ channels: ['wecom'] }]);
  });

  it('shows each issue at the field its pointer names', () => {
    const issues = [
      { pointer: `${POINTER}/timeZone`, code: 'unknown-time-zone', message: 'timeZone: unknown time zone "X/Y"' },
      { pointer: `${POINTER}/receivers/0/email/to`, code: 'missing-field', message: 'give the recipients' },
    ];
    renderPush({ receivers: [{ channels: ['email'], email: { connection: 'ops-mail' } }], timeZone: 'X/Y' }, issues);
    const zone = document.querySelector('[data-field="timeZone"]') as HTMLElement;
    expect(within(zone).getByText('timeZone: unknown time zone "X/Y"')).toBeTruthy();
    const to = screen.getByRole('group', { name: 'Receiver 1' }).querySelector('details[data-field="email"] [data-field="to"]') as HTMLElement;
    expect(within(to).getByText('give the recipients')).toBeTruthy();
  });

  it('keeps the JSON input for objects outside a nested form context', () => {
    renderPush({ receivers: [{ channels: ['email'] }] }, [], false);
    expect(screen.queryByRole('group', { name: 'Receiver 1' })).toBeNull();
    expect(screen.getByLabelText('Receivers')).toBeTruthy();
  });
});
