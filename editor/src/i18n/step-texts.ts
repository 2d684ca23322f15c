/**
 * @module Step types in the UI language: the manifest's `i18n` texts for that language replace the English
 * title, description and scope titles; a text a step type does not have in that language stays English.
 */
import type { StepManifest } from '../api/types.js';

export function localizeSteps(manifests: StepManifest[], language: string): StepManifest[] {
  return manifests.map((manifest) => {
    const texts = manifest.i18n?.[language];
    if (!texts) return manifest;
    const scopes = manifest.scopes.map((scope) => {
      const scopeTexts = texts.scopes?.[scope.key];
      if (!scopeTexts) return scope;
      const title = scopeTexts.title ?? scope.title;
      if (scope.kind === 'sequence') return { ...scope, title };
      return { ...scope, title, branchTitle: scopeTexts.branchTitle ?? scope.branchTitle };
    });
    const title = texts.title ?? manifest.title;
    return { ...manifest, title, description: texts.description ?? manifest.description, scopes };
  });
}
