#!/usr/bin/env node
// Entry for `npx flowbus`: runs the compiled CLI (dist/flowbus.js, compiled first when missing or stale), in
// this same process, with stack traces mapped back to the TypeScript sources.
import { pathToFileURL } from 'node:url';
import { buildServer } from '../scripts/build-server.mjs';

const bundle = await buildServer({ quiet: true });
process.setSourceMapsEnabled(true);
await import(pathToFileURL(bundle).href);
