/**
 * @module The problems a running process knows of that do not stop it (a damaged journal, a store file
 * kept aside, a broker away): `/api/health` answers `degraded` and lists them while any is open.
 */

/** One open problem of one component. */
export interface HealthProblem {
  /** What has the problem: `bus-journal`, `store`, `source:orders`, ... One open problem per component. */
  component: string;
  message: string;
  /** Epoch milliseconds of the first report. */
  since: number;
  details?: Record<string, unknown>;
}

/** Where components report problems and `/api/health` reads them. */
export interface HealthState {
  /** Opens (or updates) the problem of `component`. */
  degrade(component: string, message: string, details?: Record<string, unknown>): void;
  /** Closes the problem of `component`, if any. */
  clear(component: string): void;
  problems(): HealthProblem[];
}

/**
 * @example
 * const health = createHealthState();
 * health.degrade('bus-journal', 'segment 12 is corrupt at offset 4096', { file });
 * health.problems(); // [{ component: 'bus-journal', ... }]
 */
export function createHealthState(now: () => number = Date.now): HealthState {
  const open = new Map<string, HealthProblem>();
  return {
    degrade(component, message, details) {
      const since = open.get(component)?.since ?? now();
      open.set(component, { component, message, since, ...(details ? { details } : {}) });
    },
    clear(component) {
      open.delete(component);
    },
    problems: () => [...open.values()],
  };
}
