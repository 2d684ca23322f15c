/**
 * @module Browser stand-ins for the two Node globals the shared expression code touches (imported first).
 */

const scope = globalThis as unknown as {
  setImmediate?: (callback: () => void) => unknown;
  process?: { env: Record<string, string | undefined> };
};

// Expression bounds hand the event loop back with setImmediate; a zero timeout does the same in a browser.
scope.setImmediate ??= (callback) => setTimeout(callback, 0);
// `$env(name)` reads process.env; the editor has no environment, so previews see no variables.
scope.process ??= { env: {} };

export {};
