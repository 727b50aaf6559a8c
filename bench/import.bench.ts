/**
 * Deal import throughput: generated deal rows through Baton's importer (CSV streaming, mapping, validation,
 * upsert by source + external id, the closed-won guard, batch transactions) against a plain prepared-statement
 * insert of the same parsed rows, in the same run. Also peak memory at two file sizes: it must not grow with
 * the file. Each measurement runs in its own process.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fmt, ROOT } from './lib.ts';

const STAGES = ['Won', 'Won', 'Lost', 'Negotiation', 'Proposal', 'Discovery'];

function writeCsv(file: string, rows: number): void {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, 'Deal ID,Title,Customer,Status,Value,Closed\n');
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = String((i % 28) + 1).padStart(2, '0');
    chunk += `D-${i},"Deal ${i}, renewal",Customer ${i % 5000},${STAGES[i % STAGES.length]},${(i % 997) * 113.5},2026-${month}-${day}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
}

interface Measurement {
  ms: number;
  rows: number;
  peakRssMiB: number;
}

const median = (runs: Measurement[]): Measurement =>
  [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)] as Measurement;

function measure(mode: 'baton' | 'plain' | 'plain-schema', csv: string, dir: string, run: number): Measurement {
  const db = path.join(dir, `${mode}-${run}-${path.basename(csv)}.db`);
  const out = execFileSync(
    process.execPath,
    [path.join(ROOT, 'bin', 'run-ts.js'), path.join(ROOT, 'bench', 'import-worker.ts'), mode, csv, db],
    {
      env: { ...process.env, BATON_LOG_LEVEL: 'warn' },
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out.toString().trim().split('\n').at(-1) as string);
}

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-bench-import-'));
  try {
    const small = path.join(dir, 'deals-50k.csv');
    const large = path.join(dir, 'deals-200k.csv');
    writeCsv(small, 50_000);
    writeCsv(large, 200_000);
    // Three runs of each side, interleaved, and the median of each: one busy moment does not move the ratio.
    const plains: Measurement[] = [];
    const schemas: Measurement[] = [];
    const batons: Measurement[] = [];
    for (let i = 0; i < 3; i++) {
      plains.push(measure('plain', large, dir, i));
      schemas.push(measure('plain-schema', large, dir, i));
      batons.push(measure('baton', large, dir, i));
    }
    const plain = median(plains);
    const schema = median(schemas);
    const baton = median(batons);
    const batonSmall = measure('baton', small, dir, 0);
    const rate = (m: { ms: number; rows: number }) => (m.rows / m.ms) * 1000;
    console.log(
      `plain prepared insert (200k rows, median of 3): ${fmt(rate(plain))} rows/s  (${fmt(plain.ms)} ms, peak ${fmt(plain.peakRssMiB, 0)} MiB)`,
    );
    console.log(
      `baton import deals   (200k rows, median of 3): ${fmt(rate(baton))} rows/s  (${fmt(baton.ms)} ms, peak ${fmt(baton.peakRssMiB, 0)} MiB)`,
    );
    console.log(
      `plain insert into Baton's deals table:          ${fmt(rate(schema))} rows/s  (${fmt(schema.ms)} ms): the table's own cost`,
    );
    console.log(`ratio baton / plain:                            ${fmt(rate(baton) / rate(plain), 3)}   (goal ≥ 0.25)`);
    console.log(`ratio baton / plain into the deals table:       ${fmt(rate(baton) / rate(schema), 3)}`);
    console.log(
      `peak memory 50k → 200k rows:                    ${fmt(batonSmall.peakRssMiB, 0)} MiB → ${fmt(baton.peakRssMiB, 0)} MiB  (×${fmt(baton.peakRssMiB / batonSmall.peakRssMiB, 2)}; flat means constant memory)`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
