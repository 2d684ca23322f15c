/**
 * @module How many generated inputs each property test runs: 100,000 in all, most against the parsers
 * directly, a few thousand over HTTP. `FLOWBUS_FUZZ_SCALE` multiplies them (e.g. 10 for a long run).
 */

const scale = Number(process.env.FLOWBUS_FUZZ_SCALE ?? 1) || 1;

const BASE = {
  flowValues: 2_000,
  flowTexts: 6_000,
  deep: 1_000,
  patternValues: 12_000,
  patternTexts: 18_000,
  ruleValues: 3_000,
  eventBodies: 30_000,
  binaryHeaders: 12_000,
  putEvents: 12_000,
  eventsDeep: 1_000,
  http: 3_000,
} as const;

/** Runs per property, scaled. */
export const FUZZ_RUNS: { readonly [name in keyof typeof BASE]: number } = Object.fromEntries(
  Object.entries(BASE).map(([name, runs]) => [name, Math.max(1, Math.round(runs * scale))]),
) as { [name in keyof typeof BASE]: number };

/** Generated inputs in all, across the properties, before scaling. */
export const FUZZ_TOTAL = Object.values(BASE).reduce((sum, runs) => sum + runs, 0);

/** `FLOWBUS_FUZZ_SEED=<seed>` replays the runs of a reported failure (fast-check prints the seed). */
export const REPLAY: { seed?: number } =
  process.env.FLOWBUS_FUZZ_SEED === undefined ? {} : { seed: Number(process.env.FLOWBUS_FUZZ_SEED) };
