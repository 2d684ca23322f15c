/**
 * @module Every step type the app registers, built-in or connector, has its title and description in
 * Simplified Chinese, and the step manifest the editor reads carries them.
 */
import { describe, expect, it } from 'vitest';
import { createAppRegistry } from '../app/registry.js';
import { stepManifest } from '../engine/server/api/steps.js';

describe('step translations', () => {
  const definitions = createAppRegistry().list();

  it.each(definitions.map((definition) => [definition.type, definition] as const))(
    '%s has a zh-CN title and description',
    (_type, definition) => {
      const texts = definition.i18n?.['zh-CN'];
      expect(texts?.title).toMatch(/[\u4e00-\u9fff]/);
      expect(texts?.description).toMatch(/[\u4e00-\u9fff]/);
      expect(texts?.title).not.toBe(definition.title);
    },
  );

  it('puts the translations into the manifest', () => {
    const manifest = stepManifest(definitions.find((definition) => definition.type === 'set-variable')!);
    expect(manifest.i18n).toEqual({ 'zh-CN': expect.objectContaining({ title: '设置变量' }) });
  });
});
