#!/usr/bin/env node
// Baton's command line. It runs the compiled copy in dist/ (scripts/build.js: `npm install` and `npm start` build
// it) when that copy is current, and otherwise the TypeScript sources through tsx's loader: a compiled copy older
// than any file under src/ never runs (bin/compiled.js).
import module from 'node:module';
import { compiledIsCurrent } from './compiled.js';

if (compiledIsCurrent()) {
  module.enableCompileCache?.(); // Node 22.1+: keeps V8's compiled code on disk between runs
  await import('../dist/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
