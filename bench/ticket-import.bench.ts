/**
 * Ticket import throughput: generated help desk rows through Baton's ticket importer (CSV streaming, format
 * detection, account matching by organization, labels, upsert by external id, events, the run's record) against a
 * plain prepared-statement insert of the same parsed rows, in the same run. Also the memory at two file sizes: what
 * the import holds (the heap after a full collection, each second) must not grow with the file; the peak above the
 * process's start is printed beside it. Each measurement runs in its own process.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fmt, ROOT } from './lib.ts';

const CATEGORIES = ['how_to', 'bug', 'billing', 'feature_request', 'access', ''];
const SUBJECTS = [
  'How do I export a report to CSV',
  'Salesforce sync stopped overnight',
  'Invoice shows the wrong currency',
  'Can we get a dark mode',
  'Locked out after the SSO change',
  'Dashboard loads slowly',
];

function writeCsv(file: string, rows: number): void {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, 'external_id,subject,description,category,status,priority,organization,created_at,solved_at\n');
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    const month = String((i % 11) + 1).padStart(2, '0');
    const day = String((i % 28) + 1).padStart(2, '0');
    const solved = i % 3 === 0 ? '' : `2026-${month}-${day}T15:00:00Z`;
    chunk +=
      `T-${i},"${SUBJECTS[i % SUBJECTS.length]} (${i})","The customer writes, with details of case ${i}.",` +
      `${CATEGORIES[i % CATEGORIES.length]},${solved ? 'solved' : 'open'},normal,Customer ${i % 1000},` +
      `2026-${month}-${day}T09:00:00Z,${solved}\n`;
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
  baseRssMiB: number;
  heldMiB: number;
}

const median = (runs: Measurement[]): Measurement =>
  [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)] as Measurement;

function measure(mode: 'baton' | 'plain', csv: string, dir: string, run: number, held = false): Measurement {
  const db = path.join(dir, `${mode}-${run}-${held}-${path.basename(csv)}.db`);
  const worker = [path.join(ROOT, 'bin', 'run-ts.js'), path.join(ROOT, 'bench', 'ticket-import-worker.ts')];
  const out = execFileSync(
    process.execPath,
    held ? ['--expose-gc', ...worker, mode, csv, db, 'held'] : [...worker, mode, csv, db],
    { env: { ...process.env, BATON_LOG_LEVEL: 'warn' }, maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.toString().trim().split('\n').at(-1) as string);
}

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-bench-tickets-'));
  const small = Number(process.env.BENCH_TICKETS_SMALL ?? 25_000);
  const large = Number(process.env.BENCH_TICKETS_LARGE ?? 100_000);
  try {
    const smallCsv = path.join(dir, `tickets-${small}.csv`);
    const largeCsv = path.join(dir, `tickets-${large}.csv`);
    writeCsv(smallCsv, small);
    writeCsv(largeCsv, large);
    // Three runs of each side, interleaved, and the median of each: one busy moment does not move the ratio.
    const plains: Measurement[] = [];
    const batons: Measurement[] = [];
    for (let i = 0; i < 3; i++) {
      plains.push(measure('plain', largeCsv, dir, i));
      batons.push(measure('baton', largeCsv, dir, i));
    }
    const plain = median(plains);
    const baton = median(batons);
    const batonSmall = measure('baton', smallCsv, dir, 0);
    const heldSmall = measure('baton', smallCsv, dir, 0, true);
    const heldLarge = measure('baton', largeCsv, dir, 0, true);
    const rate = (m: Measurement) => (m.rows / m.ms) * 1000;
    const growth = (m: Measurement) => m.peakRssMiB - m.baseRssMiB;
    const n = `${fmt(large / 1000, 0)}k rows`;
    console.log(
      `plain prepared insert (${n}, median of 3): ${fmt(rate(plain))} rows/s  (${fmt(plain.ms)} ms, ` +
        `peak ${fmt(plain.peakRssMiB, 0)} MiB)`,
    );
    console.log(
      `baton import tickets  (${n}, median of 3): ${fmt(rate(baton))} rows/s  (${fmt(baton.ms)} ms, ` +
        `peak ${fmt(baton.peakRssMiB, 0)} MiB)`,
    );
    console.log(`ratio baton / plain:                          ${fmt(rate(baton) / rate(plain), 3)}`);
    console.log(
      `memory held, ${fmt(small / 1000, 0)}k → ${fmt(large / 1000, 0)}k rows:             ` +
        `${fmt(heldSmall.heldMiB, 0)} MiB → ${fmt(heldLarge.heldMiB, 0)} MiB ` +
        `(×${fmt(heldLarge.heldMiB / heldSmall.heldMiB, 2)}; the heap after a full collection each second; ` +
        'flat means constant memory)',
    );
    console.log(
      `peak above the start, ${fmt(small / 1000, 0)}k → ${fmt(large / 1000, 0)}k rows:   ` +
        `${fmt(growth(batonSmall), 0)} MiB → ${fmt(growth(baton), 0)} MiB (peak ${fmt(batonSmall.peakRssMiB, 0)} → ` +
        `${fmt(baton.peakRssMiB, 0)} MiB: garbage V8 collects when it needs the room)`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
