/**
 * @module Guards the connector boundary: connectors and notifications import the engine only through
 * engine/sdk.ts, notifications use a connector only through its index.ts, and connectors do not import
 * notifications. Runs dependency-cruiser with the rules of `.dependency-cruiser.cjs`, so `npm test` fails on a
 * deep import.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = `${root}node_modules/dependency-cruiser/bin/dependency-cruise.mjs`;

describe('connector and notification imports', () => {
  it('reach the engine only through engine/sdk.ts', () => {
    const run = spawnSync(
      process.execPath,
      [cli, 'connectors', 'notifications', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(run.stdout + run.stderr).toContain('no dependency violations found');
    expect(run.status).toBe(0);
  }, 60_000);
});
