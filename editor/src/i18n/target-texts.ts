/**
 * @module Bus target types in the UI language: a type's `i18n` texts for that language replace its English
 * title, description and config fields' texts, as step types' do; a text it lacks stays English.
 */
import type { TargetTypeManifest } from '../api/rules.js';
import { localizeSchema } from './step-texts.js';

/**
 * @example
 * const types = localizeTargetTypes(await listTargetTypes(), i18n.language);
 */
export function localizeTargetTypes(types: TargetTypeManifest[], language: string): TargetTypeManifest[] {
  return types.map((type) => {
    // A server older than the texts sends no `i18n`.
    const texts = type.i18n?.[language];
    if (!texts) return type;
    return {
      ...type,
      title: texts.title ?? type.title,
      description: texts.description ?? type.description,
      config: localizeSchema(type.config, texts.fields),
    };
  });
}
