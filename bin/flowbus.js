#!/usr/bin/env node
// Entry for `npx flowbus`: runs the TypeScript CLI through tsx, in this same process.
import { register } from 'tsx/esm/api';

register();
await import('../app/main.ts');
