import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMigratedDatabase } from './test-db.ts';

export const BATON_BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/baton.js');
const RUN_TS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/run-ts.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `baton` command in its own process. */
export function baton(args: string[], env: Record<string, string>, input?: string): CliResult {
  const r = spawnSync(process.execPath, [BATON_BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', BATON_LOG_LEVEL: 'warn', ...env },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs TypeScript source as a script in a process of its own (through the project's loader), for what only a
 * whole process shows (say, whether it reaches its last line). `dir` holds the script file.
 */
export function runTsScript(dir: string, source: string): CliResult {
  const script = path.join(dir, `script-${process.pid}-${Date.now()}.mts`);
  fs.writeFileSync(script, source);
  const r = spawnSync(process.execPath, [RUN_TS, script], { encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface CliWorkspace {
  /** The data folder (and where tests may write their files). */
  dir: string;
  /** Environment for `baton(…)`: the data folder and the database. */
  env: Record<string, string>;
  database: { url: string; drop(): Promise<void> };
  close(): Promise<void>;
}

/** A fresh database (SQLite file, or a new PostgreSQL database) holding one workspace, for driving `baton`. */
export async function cliWorkspace(slug = 'acme'): Promise<CliWorkspace> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-cli-'));
  const database = await createMigratedDatabase(path.join(dir, 'baton.db'));
  const env = { BATON_DATA_DIR: dir, DATABASE_URL: database.url };
  const created = baton(['workspace', 'create', slug], env);
  if (created.status !== 0) throw new Error(`baton workspace create ${slug}: ${created.stderr}`);
  return {
    dir,
    env,
    database,
    close: async () => {
      await database.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
