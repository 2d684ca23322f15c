/**
 * @module The rules and buses of the flows folder as the bus runs them: loaded from files, reloaded one
 * file at a time, saved canonically through the API, and compiled per bus into one rule matcher.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FlowbusError } from '../../core/errors.js';
import type { ValidationIssue } from '../../core/issues.js';
import { DEFAULT_JSON_DEPTH } from '../../core/json-depth.js';
import { writeFileAtomic } from '../../core/write-file-atomic.js';
import { formatRule } from '../files/canonical.js';
import type { CompiledRule } from '../files/compiled-rule.js';
import {
  BUS_FILE_SUFFIX,
  DEFAULT_BUS_ID,
  resourceIdFromPath,
  RESOURCE_ID_PATTERN,
  RULE_FILE_SUFFIX,
  type BusDocument,
} from '../files/format.js';
import { findBusFiles, parseBusText, parseRuleText } from '../files/load.js';
import { validateRule } from '../files/validate.js';
import { createRuleMatcher, type RuleMatcher } from '../pattern/index.js';
import type { TargetRegistry } from '../targets/registry.js';

/** A rule file as loaded: valid (with its compiled rule) or not (with its issues). */
export interface RuleEntry {
  id: string;
  file?: string;
  json?: unknown;
  issues: ValidationIssue[];
  rule?: CompiledRule;
}

/** A bus: the built-in default one, or one declared by a file. */
export interface BusEntry {
  id: string;
  file?: string;
  document?: BusDocument;
  issues: ValidationIssue[];
}

/** Rules and buses, with one matcher per bus over its enabled valid rules. */
export class RuleCatalog {
  readonly rules = new Map<string, RuleEntry>();
  readonly buses = new Map<string, BusEntry>();
  private readonly matchers = new Map<string, RuleMatcher>();
  private queue: Promise<unknown> = Promise.resolve();
  /** Told of every rule set (valid or not: `rule` is then undefined) and removed, e.g. to probe targets. */
  onRuleChange: (id: string, rule: CompiledRule | undefined) => void = () => {};

  constructor(
    private readonly targets: TargetRegistry,
    readonly flowsDir: string | undefined,
    /** Nesting of objects and arrays allowed in a rule or bus (file or API body). */
    private readonly maxJsonDepth = DEFAULT_JSON_DEPTH,
    /** The environment's switch of a rule, when it has one; it wins over the file's `enabled`. */
    private readonly ruleEnabled: (ruleId: string) => boolean | undefined = () => undefined,
  ) {
    this.buses.set(DEFAULT_BUS_ID, { id: DEFAULT_BUS_ID, issues: [] });
  }

  /** Reads every bus and rule file of the flows folder again; the new set replaces the old one at once. */
  async reloadAll(): Promise<void> {
    if (!this.flowsDir) return;
    const files = await findBusFiles(this.flowsDir);
    const buses = await Promise.all(files.buses.map(async (path) => ({ path, text: await readText(path) })));
    const rules = await Promise.all(files.rules.map(async (path) => ({ path, text: await readText(path) })));
    this.buses.clear();
    this.buses.set(DEFAULT_BUS_ID, { id: DEFAULT_BUS_ID, issues: [] });
    for (const { path, text } of buses) if (text !== undefined) this.applyBus(path, text);
    const before = [...this.rules.keys()];
    for (const id of before) this.unsetRule(id);
    for (const { path, text } of rules) if (text !== undefined) this.applyRule(path, text);
    for (const id of before) if (!this.rules.has(id)) this.onRuleChange(id, undefined);
  }

  /**
   * Applies a change of one file (written, created or deleted): a rule file replaces or removes its rule;
   * a bus file reloads everything, since rules depend on their bus. Other files are ignored.
   */
  async reloadFile(path: string): Promise<void> {
    if (path.endsWith(BUS_FILE_SUFFIX)) return this.reloadAll();
    if (!path.endsWith(RULE_FILE_SUFFIX)) return;
    const text = await readText(path);
    const id = resourceIdFromPath(path);
    if (text !== undefined) this.applyRule(path, text);
    else if (this.rules.get(id)?.file === path) this.removeRule(id);
  }

  /** The enabled valid rules of a bus that match the event (in its structured JSON form). */
  match(bus: string, event: Record<string, unknown>): CompiledRule[] {
    const matcher = this.matchers.get(bus);
    if (!matcher) return [];
    return matcher.match(event).flatMap((id) => this.rules.get(id)?.rule ?? []);
  }

  /** Validates a rule as the API would save it, without saving. */
  check(id: string, json: unknown): { issues: ValidationIssue[]; rule?: CompiledRule } {
    const buses = new Set(this.buses.keys());
    const { targets, maxJsonDepth } = this;
    return validateRule(json, { id, file: this.pathFor(id), targets, buses, maxJsonDepth });
  }

  /**
   * Validates, writes the canonical file (atomically) and applies it; throws VALIDATION with the issues.
   * Saves and deletes run one at a time, so concurrent requests for one rule never share a temporary file.
   */
  save(id: string, json: unknown): Promise<{ created: boolean; entry: RuleEntry }> {
    return this.exclusive(async () => {
      checkId(id);
      if (!this.flowsDir) {
        throw new FlowbusError('BUS:READ_ONLY', 'rules cannot be saved: the bus has no flows folder');
      }
      const { issues, rule } = this.check(id, json);
      if (!rule) {
        throw new FlowbusError('VALIDATION', `rule "${id}" has ${issues.length} problem(s)`, { issues });
      }
      const path = this.pathFor(id)!;
      await writeFileAtomic(path, formatRule(json));
      const created = !this.rules.has(id);
      this.setRule({ id, file: path, json, issues: [], rule: { ...rule, file: path } });
      return { created, entry: this.rules.get(id)! };
    });
  }

  /** Deletes a rule's file and the rule; false when there was none. */
  delete(id: string): Promise<boolean> {
    return this.exclusive(async () => {
      const entry = this.rules.get(id);
      if (!entry) return false;
      if (entry.file) await rm(entry.file, { force: true });
      this.removeRule(id);
      return true;
    });
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => {});
    return next;
  }

  private pathFor(id: string): string | undefined {
    const known = this.rules.get(id)?.file;
    if (known) return known;
    return this.flowsDir ? join(this.flowsDir, `${id}${RULE_FILE_SUFFIX}`) : undefined;
  }

  private applyBus(path: string, text: string): void {
    const id = resourceIdFromPath(path);
    const parsed = parseBusText(text, path, this.maxJsonDepth);
    const issues = [...parsed.issues];
    if (!RESOURCE_ID_PATTERN.test(id)) issues.push(idIssue(path, id));
    this.buses.set(id, { id, file: path, ...(parsed.document ? { document: parsed.document } : {}), issues });
  }

  private applyRule(path: string, text: string): void {
    const id = resourceIdFromPath(path);
    const known = this.rules.get(id);
    if (known?.file && known.file !== path) {
      const message = `rule id "${id}" is already used by ${known.file}: rename one of the files`;
      const issues = [{ file: path, pointer: '', code: 'duplicate-rule-id', message }];
      this.setRule({ ...known, issues: [...known.issues.filter((issue) => issue.file !== path), ...issues] });
      return;
    }
    const buses = new Set(this.buses.keys());
    const { targets, maxJsonDepth } = this;
    const parsed = parseRuleText(text, { id, file: path, targets, buses, maxJsonDepth });
    const issues = [...parsed.issues];
    if (!RESOURCE_ID_PATTERN.test(id)) issues.push(idIssue(path, id));
    const switched = parsed.rule ? this.ruleEnabled(id) : undefined;
    const compiled = parsed.rule && switched !== undefined ? { ...parsed.rule, enabled: switched } : parsed.rule;
    const rule = issues.length === 0 ? compiled : undefined;
    this.setRule({ id, file: path, json: parsed.json, issues, ...(rule ? { rule } : {}) });
  }

  private setRule(entry: RuleEntry): void {
    this.unsetRule(entry.id);
    this.rules.set(entry.id, entry);
    this.onRuleChange(entry.id, entry.rule);
    const rule = entry.rule;
    if (!rule || !rule.enabled) return;
    let matcher = this.matchers.get(rule.bus);
    if (!matcher) this.matchers.set(rule.bus, (matcher = createRuleMatcher()));
    matcher.add(rule.id, rule.pattern);
  }

  private removeRule(id: string): void {
    this.unsetRule(id);
    this.onRuleChange(id, undefined);
  }

  private unsetRule(id: string): void {
    const rule = this.rules.get(id)?.rule;
    if (rule) this.matchers.get(rule.bus)?.remove(id);
    this.rules.delete(id);
  }
}

function readText(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch(() => undefined);
}

function checkId(id: string): void {
  if (!RESOURCE_ID_PATTERN.test(id)) {
    const expected = 'expected 1 to 64 letters, digits, "_", "." or "-"';
    throw new FlowbusError('API:BAD_REQUEST', `invalid rule id "${id}": ${expected}`);
  }
}

function idIssue(file: string, id: string): ValidationIssue {
  const message = `the file name gives the id "${id}": use 1 to 64 letters, digits, "_", "." or "-"`;
  return { file, pointer: '', code: 'invalid-id', message };
}
