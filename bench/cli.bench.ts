/**
 * How soon a `baton` command starts: wall time to its first line of output and to its end, and the CPU time it
 * used, for `--help` and for commands that open the database, against `node -e 0` (Node's own start) in the
 * same run. Compiled (dist/, what `baton` runs once built) and, for comparison, from the TypeScript sources
 * through tsx (what it runs while dist/ is older than src/). Medians of several runs; builds dist/ first if stale.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BATON_BIN, fmt, ROOT } from './lib.ts';

const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 9);
const TICK_MS = 10; // /proc times are in clock ticks of 1/100 s on Linux

/** CPU time (user + system, ms) of this process's children that have ended, from /proc (Linux). */
function childrenCpuMs(): number {
  const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[13]) + Number(fields[14])) * TICK_MS; // cutime, cstime (fields 16 and 17, after pid, comm and state)
}

interface Run {
  firstLineMs: number;
  totalMs: number;
  cpuMs: number;
}

function once(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const cpuBefore = childrenCpuMs();
    const started = performance.now();
    let firstLineMs = Number.NaN;
    const child = spawn(process.execPath, args, {
      env: { ...process.env, BATON_LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stdout.on('data', () => {
      if (Number.isNaN(firstLineMs)) firstLineMs = performance.now() - started;
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const totalMs = performance.now() - started;
      if (code !== 0) reject(new Error(`${args.join(' ')} exited with ${code}: ${stderr}`));
      else
        resolve({
          firstLineMs: Number.isNaN(firstLineMs) ? totalMs : firstLineMs,
          totalMs,
          cpuMs: childrenCpuMs() - cpuBefore,
        });
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function measure(args: string[], env: Record<string, string>): Promise<Run> {
  const runs: Run[] = [];
  await once(args, env); // warm the file cache
  for (let i = 0; i < RUNS; i++) runs.push(await once(args, env));
  return {
    firstLineMs: median(runs.map((r) => r.firstLineMs)),
    totalMs: median(runs.map((r) => r.totalMs)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
  };
}

export async function run(): Promise<void> {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.js'), '--if-stale'], { stdio: 'inherit' });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-bench-cli-'));
  const env = { BATON_DATA_DIR: dataDir };
  try {
    execFileSync(process.execPath, [BATON_BIN, 'workspace', 'create', 'bench'], {
      env: { ...process.env, ...env, BATON_LOG_LEVEL: 'warn' },
    });
    const fromSource = [path.join(ROOT, 'bin', 'run-ts.js'), path.join(ROOT, 'src', 'cli', 'main.ts')];
    const commands: Array<[string, string[]]> = [
      ['--help', ['--help']],
      ['import deals --help', ['import', 'deals', '--help']],
      ['migrate --status', ['migrate', '--status']],
      ['workspace list', ['workspace', 'list']],
      ['deals list --workspace bench', ['deals', 'list', '--workspace', 'bench']],
    ];
    const node = await measure(['-e', '0'], env);
    console.log(`medians of ${RUNS} runs; cpu = user + system time of the process`);
    console.log(
      `${'command'.padEnd(40)} ${'first line'.padStart(10)} ${'end'.padStart(8)} ${'cpu'.padStart(8)}   end / node -e 0`,
    );
    const line = (name: string, r: Run) =>
      console.log(
        `${name.padEnd(40)} ${`${fmt(r.firstLineMs)} ms`.padStart(10)} ${`${fmt(r.totalMs)} ms`.padStart(8)} ${`${fmt(r.cpuMs)} ms`.padStart(8)}   ${fmt(r.totalMs / node.totalMs, 1)}×`,
      );
    line('node -e 0', node);
    for (const [name, args] of commands) line(`baton ${name}`, await measure([BATON_BIN, ...args], env));
    for (const [name, args] of commands.slice(0, 1).concat(commands.slice(3, 4)))
      line(`baton ${name} (from source, tsx)`, await measure([...fromSource, ...args], env));
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
