/**
 * @module Step types in the UI language: the manifest's `i18n` texts for that language replace the English
 * title, description, scope titles and the config fields' titles and descriptions; a text a step type does
 * not have in that language stays English.
 */
import type { FieldTextsByPath } from '../../../engine/core/step-definition.js';
import type { JsonSchema } from '../../../engine/core/json-schema.js';
import type { StepManifest } from '../api/types.js';

/**
 * The schema with the titles and descriptions of `fieldTexts` (by dotted path, a list of objects passed
 * through to its items' fields, `list[]` for the items themselves) put on its fields, at any depth; fields
 * without a text keep theirs. The schema given is not changed.
 *
 * @example
 * localizeSchema(manifest.config, { level: { title: '级别' }, 'response.status': { title: '状态码' } });
 */
export function localizeSchema(schema: JsonSchema, fieldTexts: FieldTextsByPath | undefined): JsonSchema {
  if (!fieldTexts || Object.keys(fieldTexts).length === 0) return schema;
  return localizeFields(schema, '', fieldTexts);
}

function localizeFields(schema: JsonSchema, prefix: string, fieldTexts: FieldTextsByPath): JsonSchema {
  if (schema.items && !schema.properties) {
    const items = localizeFields(schema.items, prefix, fieldTexts);
    const itemTexts = fieldTexts[`${prefix}[]`];
    return { ...schema, items: itemTexts ? { ...items, ...definedTexts(itemTexts) } : items };
  }
  if (!schema.properties) return schema;
  const properties = Object.fromEntries(
    Object.entries(schema.properties).map(([name, field]) => {
      const path = prefix ? `${prefix}.${name}` : name;
      const texts = fieldTexts[path];
      const localized = localizeFields(field, path, fieldTexts);
      return [name, texts ? { ...localized, ...definedTexts(texts) } : localized];
    }),
  );
  return { ...schema, properties };
}

function definedTexts(texts: { title?: string; description?: string }): { title?: string; description?: string } {
  return {
    ...(texts.title !== undefined ? { title: texts.title } : {}),
    ...(texts.description !== undefined ? { description: texts.description } : {}),
  };
}

export function localizeSteps(manifests: StepManifest[], language: string): StepManifest[] {
  return manifests.map((manifest) => {
    const texts = manifest.i18n?.[language];
    if (!texts) return manifest;
    const scopes = manifest.scopes.map((scope) => {
      const scopeTexts = texts.scopes?.[scope.key];
      if (!scopeTexts) return scope;
      const title = scopeTexts.title ?? scope.title;
      if (scope.kind === 'sequence') return { ...scope, title };
      const branchConfig = localizeSchema(scope.branchConfig, scopeTexts.fields);
      return { ...scope, title, branchTitle: scopeTexts.branchTitle ?? scope.branchTitle, branchConfig };
    });
    const title = texts.title ?? manifest.title;
    const config = localizeSchema(manifest.config, texts.fields);
    return { ...manifest, title, description: texts.description ?? manifest.description, config, scopes };
  });
}
