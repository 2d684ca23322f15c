/**
 * @module The header's draft label and the autosave's next step, for every combination of published file, server
 * draft and editor content.
 */
import { describe, expect, it } from 'vitest';
import { autosaveStep, draftLabel, type DraftSnapshots } from './draft-state.js';

describe('draft state', () => {
  it.each<[string, DraftSnapshots, ReturnType<typeof draftLabel>, ReturnType<typeof autosaveStep>]>([
    ['a new flow, nothing stored', { current: 'a' }, 'draft-only', 'write'],
    ['a new flow, stored', { current: 'a', stored: 'a' }, 'draft-only', 'none'],
    ['a new flow, edited since stored', { current: 'b', stored: 'a' }, 'draft-only', 'write'],
    ['a published flow, untouched', { current: 'a', published: 'a' }, 'published', 'none'],
    ['a published flow, edited', { current: 'b', published: 'a' }, 'unpublished', 'write'],
    ['a published flow, its draft stored', { current: 'b', published: 'a', stored: 'b' }, 'unpublished', 'none'],
    ['a draft edited back to the published file', { current: 'a', published: 'a', stored: 'b' }, 'published', 'delete'],
  ])('%s', (_name, snapshots, label, step) => {
    expect(draftLabel(snapshots)).toBe(label);
    expect(autosaveStep(snapshots)).toBe(step);
  });
});
