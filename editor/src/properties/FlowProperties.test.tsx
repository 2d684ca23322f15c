// @vitest-environment happy-dom
/**
 * @module The flow panel's execution mode: shows the flow's `execution`, writes the chosen one, and removes
 * the key for the trigger's default.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { EditActions } from '../editor/use-edit-actions.js';
import type { DraftFlow } from '../model/draft.js';
import { FlowProperties } from './FlowProperties.js';

afterEach(cleanup);

function renderPanel(draft: DraftFlow) {
  const calls: Array<[string, string | undefined]> = [];
  const setFlowKey = (key: string, value: string | undefined) => calls.push([key, value]);
  const actions = { setFlowKey } as unknown as EditActions;
  render(<FlowProperties flowId="flow" draft={draft} issues={{ byNode: new Map(), flow: [], count: 0, warnings: 0, list: [] }} actions={actions} />);
  return { calls, select: screen.getByLabelText('Execution') as HTMLSelectElement };
}

describe('flow properties: execution', () => {
  it('shows the trigger default when the flow says nothing, and writes a chosen mode', () => {
    const { calls, select } = renderPanel({ name: 'f' } as DraftFlow);
    expect(select.value).toBe('');
    fireEvent.change(select, { target: { value: 'durable' } });
    expect(calls).toEqual([['execution', 'durable']]);
  });

  it('shows the flow\'s mode and removes the key for the trigger default', () => {
    const { calls, select } = renderPanel({ name: 'f', execution: 'express' } as DraftFlow);
    expect(select.value).toBe('express');
    fireEvent.change(select, { target: { value: '' } });
    expect(calls).toEqual([['execution', undefined]]);
  });
});
