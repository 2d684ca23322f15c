// Types of scripts/build-server.mjs, for the TypeScript that imports it (the compiled-server test, the start-up bench).

/** The compiled entry, dist/flowbus.js. */
export const serverBundle: string;

/** Whether dist/flowbus.js is missing or older than a file it was built from. */
export function serverBuildIsStale(): boolean;

/** Builds when stale (or always with `force`); resolves with the path of the compiled entry. */
export function buildServer(options?: { force?: boolean; quiet?: boolean }): Promise<string>;
