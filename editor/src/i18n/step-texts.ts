/**
 * @module Step types in the UI language: the manifest's `i18n` texts for that language replace the English
 * title and description; a language a step type has no texts for keeps the English ones.
 */
import type { StepManifest } from '../api/types.js';

export function localizeSteps(manifests: StepManifest[], language: string): StepManifest[] {
  return manifests.map((manifest) => {
    const texts = manifest.i18n?.[language];
    if (!texts) return manifest;
    return { ...manifest, title: texts.title ?? manifest.title, description: texts.description ?? manifest.description };
  });
}
