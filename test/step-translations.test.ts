/**
 * @module Every step type and bus target type the app registers, built-in or connector, has its texts in
 * Simplified Chinese: title, description, a title for every config field (nested ones and a branch's too)
 * and a description wherever the English field has one; no translation names a field the schema lacks.
 * The manifests the editor reads carry them, and the editor's localizeSteps / localizeTargetTypes put them
 * on the forms' schemas.
 */
import { describe, expect, it } from 'vitest';
import { createAppRegistry } from '../app/registry.js';
import { connectorTargetTypes } from '../connectors/index.js';
import { builtinTargetTypes } from '../engine/bus/index.js';
import { targetTypeManifest } from '../engine/bus/targets/manifest.js';
import type { JsonSchema } from '../engine/core/json-schema.js';
import type { StepDefinition } from '../engine/core/step-definition.js';
import { stepManifest } from '../engine/server/api/steps.js';
import { localizeSteps } from '../editor/src/i18n/step-texts.js';
import { localizeTargetTypes } from '../editor/src/i18n/target-texts.js';

const CHINESE = /[\u4e00-\u9fff]/;

/** The fenced examples of a Markdown text, which a translation keeps as they are. */
const examples = (markdown: string | undefined) => markdown?.match(/```[\s\S]*?```/g) ?? [];

/**
 * Every field of a config schema by dotted path, a list of objects passed through to its items' fields;
 * with `items`, the items of such a list too (`receivers[]`), whose title the form gives each item.
 */
function fields(schema: JsonSchema, prefix = '', items = false): Array<[path: string, field: JsonSchema]> {
  const list = !schema.properties && schema.items?.properties ? schema.items : undefined;
  const own: Array<[string, JsonSchema]> = list && items ? [[`${prefix}[]`, list]] : [];
  const properties = schema.properties ?? list?.properties ?? {};
  return own.concat(
    Object.entries(properties).flatMap(([name, field]) => {
      const path = prefix ? `${prefix}.${name}` : name;
      return [[path, field] as [string, JsonSchema], ...fields(field, path, items)];
    }),
  );
}

/** The forms a step type's config is edited in: its config, and each branch scope's `branchConfig`. */
function forms(definition: StepDefinition): Array<{ name: string; schema: JsonSchema; texts?: object }> {
  const zh = definition.i18n?.['zh-CN'];
  const branches = (definition.scopes ?? []).flatMap((scope) =>
    scope.kind === 'branches'
      ? [{ name: `scope ${scope.key}`, schema: scope.branchConfig, texts: zh?.scopes?.[scope.key]?.fields }]
      : [],
  );
  return [{ name: 'config', schema: definition.config, texts: zh?.fields }, ...branches];
}

/** What a field's texts lack in Chinese, once localized: `["auth.type: title"]`; list items where titled. */
function untranslated(english: JsonSchema, localized: JsonSchema): string[] {
  const localizedFields = new Map(fields(localized, '', true));
  return fields(english, '', true).flatMap(([path, field]) => {
    const chinese = localizedFields.get(path)!;
    const missing: string[] = [];
    const needsTitle = !path.endsWith('[]') || field.title !== undefined;
    if (needsTitle && !CHINESE.test(chinese.title ?? '')) missing.push(`${path}: title`);
    if (field.description && !CHINESE.test(chinese.description ?? '')) missing.push(`${path}: description`);
    return missing;
  });
}

describe('step translations', () => {
  const definitions = createAppRegistry().list();
  const chinese = new Map(
    localizeSteps(definitions.map(stepManifest), 'zh-CN').map((manifest) => [manifest.type, manifest]),
  );
  const byType = definitions.map((definition) => [definition.type, definition] as const);

  it.each(byType)('%s has a zh-CN title and the whole description, with its examples', (_type, definition) => {
    const texts = definition.i18n?.['zh-CN'];
    expect(texts?.title).toMatch(CHINESE);
    expect(texts?.description).toMatch(CHINESE);
    expect(texts?.title).not.toBe(definition.title);
    // The docs are translated, not only their first sentence: the examples come along unchanged.
    expect(examples(definition.description).length).toBeGreaterThan(0);
    expect(examples(texts?.description)).toEqual(examples(definition.description));
  });

  it.each(byType)('%s has a zh-CN title for every field, and a description where English has one', (type, definition) => {
    const manifest = chinese.get(type)!;
    expect(untranslated(definition.config, manifest.config)).toEqual([]);
    for (const scope of definition.scopes ?? []) {
      if (scope.kind !== 'branches') continue;
      const localized = manifest.scopes.find((part) => part.key === scope.key);
      expect(localized?.kind).toBe('branches');
      if (localized?.kind !== 'branches') continue;
      expect(untranslated(scope.branchConfig, localized.branchConfig), `scope ${scope.key}`).toEqual([]);
    }
  });

  it.each(byType)('%s translates no field its schema lacks', (_type, definition) => {
    for (const form of forms(definition)) {
      const paths = new Set(fields(form.schema, '', true).map(([path]) => path));
      const stale = Object.keys(form.texts ?? {}).filter((path) => !paths.has(path));
      expect(stale, form.name).toEqual([]);
    }
  });

  it('puts the translations into the manifest', () => {
    const manifest = stepManifest(definitions.find((definition) => definition.type === 'set-variable')!);
    expect(manifest.i18n).toEqual({
      'zh-CN': expect.objectContaining({ title: '设置变量', fields: expect.objectContaining({ name: { title: '变量名', description: expect.stringMatching(CHINESE) } }) }),
    });
  });
});

describe('target type translations', () => {
  const types = [...builtinTargetTypes, ...connectorTargetTypes];
  const chinese = new Map(
    localizeTargetTypes(types.map(targetTypeManifest), 'zh-CN').map((manifest) => [manifest.type, manifest]),
  );
  const byType = types.map((type) => [type.type, type] as const);

  it('lists the built-in and connector target types', () => {
    expect(byType.map(([type]) => type)).toEqual(['flow', 'webhook', 'log-store', 'message-push', 'rabbitmq', 'nats']);
  });

  it.each(byType)('%s has a zh-CN title, description and a title for every field', (type, definition) => {
    const texts = definition.i18n?.['zh-CN'];
    expect(texts?.title).toMatch(CHINESE);
    expect(texts?.description).toMatch(CHINESE);
    const manifest = chinese.get(type)!;
    expect(manifest.title).toBe(texts?.title);
    expect(untranslated(definition.config, manifest.config)).toEqual([]);
    const paths = new Set(fields(definition.config, '', true).map(([path]) => path));
    expect(Object.keys(texts?.fields ?? {}).filter((path) => !paths.has(path))).toEqual([]);
  });
});
