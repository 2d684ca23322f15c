// @vitest-environment happy-dom
/**
 * @module The dialog that asks and does: Enter runs its action unless it is disabled, a failure is shown
 * in the dialog and the button is usable again, and a destructive action starts with focus on Cancel.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { ActionDialog, useDialogAction } from './Dialog.js';
import { IdField, NameField, useNameAndId } from './IdField.js';

afterEach(cleanup);

function Create({ action, danger = false }: { action: (id: string) => Promise<void>; danger?: boolean }) {
  const { name, id, changeName, changeId } = useNameAndId();
  const { busy, error, run } = useDialogAction(() => action(id));
  return (
    <ActionDialog
      title="t"
      onClose={() => {}}
      error={error}
      action={{ label: 'go', busyLabel: 'going', busy, danger, disabled: id === '', run: () => void run() }}
    >
      <NameField label="name" value={name} onChange={changeName} />
      <IdField label="id" value={id} help="help" problem={id === 'taken' ? 'in use' : undefined} onChange={changeId} />
    </ActionDialog>
  );
}

it('runs on Enter only when enabled, the id following the name until edited', async () => {
  const action = vi.fn(async () => {});
  render(<Create action={action} />);
  const name = screen.getByLabelText('name');
  fireEvent.submit(name.closest('form')!);
  expect(action).not.toHaveBeenCalled();
  expect(screen.getByRole('button', { name: 'go' })).toHaveProperty('disabled', true);
  fireEvent.change(name, { target: { value: 'Ops Alerts' } });
  expect(screen.getByLabelText('id')).toHaveProperty('value', 'ops-alerts');
  fireEvent.change(screen.getByLabelText('id'), { target: { value: 'taken' } });
  fireEvent.change(name, { target: { value: 'Other' } });
  expect(screen.getByLabelText('id')).toHaveProperty('value', 'taken');
  expect(screen.getByLabelText('id').getAttribute('aria-invalid')).toBe('true');
  expect(screen.getByText('in use').className).toBe('field-error');
  fireEvent.submit(name.closest('form')!);
  await waitFor(() => expect(action).toHaveBeenCalledWith('taken'));
});

it('shows why the action failed and lets it run again', async () => {
  const action = vi.fn(async () => {
    throw new Error('disk full');
  });
  render(<Create action={action} danger />);
  expect(document.activeElement?.textContent).toBe('Cancel');
  fireEvent.change(screen.getByLabelText('id'), { target: { value: 'x' } });
  fireEvent.click(screen.getByRole('button', { name: 'go' }));
  expect((await screen.findByRole('alert')).textContent).toBe('disk full');
  expect(screen.getByRole('button', { name: 'go' })).toHaveProperty('disabled', false);
  expect(screen.getByRole('button', { name: 'go' }).className).toContain('button-danger-solid');
});
