#!/usr/bin/env node
// Adds up the vitest JSON reports of a CI run and the CI steps that failed, and prints the closing line
// "N passed, N failed". Usage: summarize-tests.js <results dir> [failed step …]
// A failed step whose report shows no failing test (the runner crashed, a suite did not load) counts as one.
import fs from 'node:fs';
import path from 'node:path';

const [dir, ...failedSteps] = process.argv.slice(2);
const REPORT_OF_STEP = {
  sqlite: 'sqlite.json',
  postgres: 'postgres.json',
  browser: 'browser.json',
  node24: 'node24.json',
};

let passed = 0;
let failed = 0;
let skipped = 0;
const failedIn = {};
for (const [step, file] of Object.entries(REPORT_OF_STEP)) {
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) continue;
  const r = JSON.parse(fs.readFileSync(full, 'utf8'));
  const skippedHere = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`${step}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skippedHere} skipped`);
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += skippedHere;
  failedIn[step] = r.numFailedTests;
}
for (const step of failedSteps) {
  console.log(`failed step: ${step}`);
  if (!(step in REPORT_OF_STEP) || !failedIn[step]) failed += 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
