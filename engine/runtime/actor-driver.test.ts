/**
 * The persisted snapshot a durable checkpoint writes is the one xstate's getPersistedSnapshot gives.
 */
import { describe, expect, it } from 'vitest';
import { createActor, createMachine, fromPromise } from 'xstate';
import { persistedSnapshot } from './actor-driver.js';

const json = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('persistedSnapshot', () => {
  // Regression guard: checkpoints skip xstate's getPersistedSnapshot; what they write must not differ from it.
  it('equals getPersistedSnapshot for a machine without children, at every snapshot', () => {
    const machine = createMachine({
      context: { run: 'run-1', message: { payload: { a: [1, { b: 2 }] }, vars: {} }, scopes: {} },
      initial: 'main',
      states: {
        main: {
          initial: 'one',
          states: { one: { on: { next: 'two' } }, two: { on: { next: 'done' } }, done: { type: 'final' } },
          onDone: 'succeeded',
        },
        succeeded: { type: 'final' },
      },
    });
    const actor = createActor(machine);
    const seen: unknown[] = [];
    actor.subscribe((snapshot) => {
      seen.push(snapshot.value);
      expect(json(persistedSnapshot(snapshot, actor))).toEqual(json(actor.getPersistedSnapshot()));
    });
    actor.start();
    actor.send({ type: 'next' });
    actor.send({ type: 'next' });
    expect(seen).toHaveLength(3);
  });

  it('leaves a snapshot with children to xstate', () => {
    const machine = createMachine({ invoke: { src: fromPromise(() => new Promise(() => {})) } });
    const actor = createActor(machine).start();
    const persisted = persistedSnapshot(actor.getSnapshot(), {
      getPersistedSnapshot: () => ({ fromXstate: true }),
    });
    expect(persisted).toEqual({ fromXstate: true });
    actor.stop();
  });
});
