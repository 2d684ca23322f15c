/**
 * @module Guards the fold of the bus into the engine: engine/bus is the bus's domain, and imports neither the
 * API layer (engine/server), the CLI (engine/cli) nor the file table (engine/files), which all import it.
 * Runs dependency-cruiser with the rules of `.dependency-cruiser.cjs`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = `${root}node_modules/dependency-cruiser/bin/dependency-cruise.mjs`;

describe('engine/bus imports', () => {
  it('stay inside the engine core: no server, CLI or file table', () => {
    const run = spawnSync(
      process.execPath,
      [cli, 'engine/bus', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(run.stdout + run.stderr).toContain('no dependency violations found');
    expect(run.status).toBe(0);
  }, 60_000);
});
