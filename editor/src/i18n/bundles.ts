/**
 * @module The app's texts, one bundle per part of the UI, each in English and Simplified Chinese; a new part
 * adds its two files here. Bundles hold distinct top-level groups (checked by `bundles.test.tsx`).
 */
import { consoleEn } from './console-en.js';
import { consoleZhCN } from './console-zh-CN.js';
import { draftEn } from './draft-en.js';
import { draftZhCN } from './draft-zh-CN.js';
import { editorEn } from './editor-en.js';
import { editorZhCN } from './editor-zh-CN.js';
import { en } from './en.js';
import { problemsEn } from './problems-en.js';
import { panelsEn } from './panels-en.js';
import { panelsZhCN } from './panels-zh-CN.js';
import { problemsZhCN } from './problems-zh-CN.js';
import { rulesEn } from './rules-en.js';
import { rulesZhCN } from './rules-zh-CN.js';
import { runsEn } from './runs-en.js';
import { runsZhCN } from './runs-zh-CN.js';
import { zhCN } from './zh-CN.js';

export interface MessageBundle {
  /** Where its texts are used, for messages of the tests. */
  name: string;
  en: object;
  'zh-CN': object;
}

export const MESSAGE_BUNDLES: readonly MessageBundle[] = [
  { name: 'app (en.ts)', en, 'zh-CN': zhCN },
  { name: 'console (console-en.ts)', en: consoleEn, 'zh-CN': consoleZhCN },
  { name: 'runs (runs-en.ts)', en: runsEn, 'zh-CN': runsZhCN },
  { name: 'drafts and import (draft-en.ts)', en: draftEn, 'zh-CN': draftZhCN },
  { name: 'problems and reply (problems-en.ts)', en: problemsEn, 'zh-CN': problemsZhCN },
  { name: 'rules and sources (rules-en.ts)', en: rulesEn, 'zh-CN': rulesZhCN },
  { name: 'side panels (panels-en.ts)', en: panelsEn, 'zh-CN': panelsZhCN },
  { name: 'editor frame and notices (editor-en.ts)', en: editorEn, 'zh-CN': editorZhCN },
];

/** Every bundle's texts in one language, as i18next takes them. */
export function messagesOf(language: 'en' | 'zh-CN'): Record<string, unknown> {
  return Object.assign({}, ...MESSAGE_BUNDLES.map((bundle) => bundle[language]));
}
