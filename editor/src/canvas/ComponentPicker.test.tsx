// @vitest-environment happy-dom
/**
 * @module The component picker: step types from the manifest, grouped by category, searchable; a type the
 * editor has never heard of appears with no editor change.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StepManifest } from '../api/types.js';
import { manifests } from '../testing/fixtures.js';
import { ComponentPicker } from './ComponentPicker.js';

afterEach(cleanup);

const actions = manifests().filter((manifest) => manifest.kind !== 'trigger');

function renderPicker(list: StepManifest[] = actions) {
  const onPick = vi.fn();
  render(<ComponentPicker title="Add a step" context="Add a step after body" manifests={list} onPick={onPick} onClose={() => {}} />);
  return onPick;
}

describe('ComponentPicker', () => {
  it('groups step types by category in palette order, each with its one-line summary', () => {
    renderPicker();
    const groups = screen.getAllByRole('region').map((region) => region.getAttribute('aria-label'));
    expect(groups).toEqual(['Variables and payload', 'Flow control', 'Errors', 'Logging', 'HTTP', 'Connectors']);
    const tryButton = screen.getByRole('button', { name: 'Try' });
    expect(tryButton.textContent).toContain('Runs its steps and, when one of them fails');
    expect(within(screen.getByRole('region', { name: 'Connectors' })).getAllByRole('button').map((item) => item.getAttribute('aria-label'))).toEqual([
      'WeCom Robot',
      'DingTalk Robot',
      'Feishu Robot',
      'Slack Robot',
      'E-mail',
      'Publish to RabbitMQ',
      'Publish to NATS',
    ]);
  });

  it('filters as you type and picks the first match on Enter', () => {
    const onPick = renderPicker();
    const search = screen.getByLabelText('Search step types');
    fireEvent.change(search, { target: { value: 'set var' } });
    const shown = document.querySelectorAll('.picker-item');
    expect([...shown].map((item) => item.getAttribute('aria-label')).slice(0, 2)).toEqual(['Set Variable', 'Set Payload']);
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(onPick).toHaveBeenCalledWith(expect.objectContaining({ type: 'set-variable' }));
  });

  it('says so when nothing matches', () => {
    renderPicker();
    fireEvent.change(screen.getByLabelText('Search step types'), { target: { value: 'quantum teleport' } });
    expect(screen.getByText('No step type matches "quantum teleport".')).toBeTruthy();
  });

  it('shows a new step type from the manifest, in its own category, with no editor change', () => {
    const newType: StepManifest = {
      type: 'sms',
      title: 'Send SMS',
      category: 'messaging' as StepManifest['category'],
      kind: 'action',
      description: 'Sends a text message. Long text is split.',
      keywords: ['text message'],
      config: { type: 'object', properties: {} },
      scopes: [],
      errors: [],
      sideEffects: true,
      lazyFields: [],
    };
    const onPick = renderPicker([...actions, newType]);
    const group = screen.getByRole('region', { name: 'Messaging' });
    fireEvent.click(within(group).getByRole('button', { name: 'Send SMS' }));
    expect(onPick).toHaveBeenCalledWith(newType);
  });
});
