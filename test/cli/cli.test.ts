import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPassword } from '../../src/platform/auth/passwords.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { keyIdOf } from '../../src/platform/secrets/secret-box.ts';
import { loadSecretKey } from '../../src/platform/secrets/secret-key.ts';
import { baton, BATON_BIN } from '../helpers/cli.ts';
import { createEmptyDatabase, TEST_POSTGRES_URL } from '../helpers/test-db.ts';

let dir: string;
let database: { url: string; drop(): Promise<void> };
let env: Record<string, string>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-cli-'));
  database = await createEmptyDatabase(path.join(dir, 'baton.db'));
  env = { BATON_DATA_DIR: dir, DATABASE_URL: database.url };
});
afterAll(async () => {
  await database?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

// Each test makes its own workspace (and what it builds on): a few more processes each.
describe('baton CLI', { timeout: 120_000 }, () => {
  it('lists its commands and the environment in --help', () => {
    const r = baton(['--help'], env);
    expect(r.status).toBe(0);
    for (const cmd of ['serve', 'migrate', 'workspace', 'user', 'apikey', 'backup', 'demo'])
      expect(r.stdout).toContain(cmd);
    expect(r.stdout).toContain('DATABASE_URL');
  });

  it('migrates, then reports the database up to date', () => {
    expect(baton(['migrate'], env).stdout).toMatch(/applied:|already up to date/);
    expect(baton(['migrate', '--status'], env).stdout).toContain('up to date');
  });

  it('creates a workspace once, and refuses a bad or taken slug', () => {
    expect(baton(['workspace', 'create', 'acme', '--name', 'Acme Software'], env).stdout).toMatch(
      /created workspace acme/,
    );
    const again = baton(['workspace', 'create', 'acme'], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
    const bad = baton(['workspace', 'create', 'Not A Slug!'], env);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('slug');
  });

  it('creates a user with a password read from stdin', async () => {
    expect(baton(['workspace', 'create', 'people'], env).status).toBe(0);
    const r = baton(
      ['user', 'create', '--workspace', 'people', '--email', 'ana@acme.example', '--role', 'admin', '--password-stdin'],
      env,
      'a-long-password\n',
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('ana@acme.example is admin in people');
    const dbh = await openDatabase(database.url);
    const user = await dbh.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'ana@acme.example')
      .executeTakeFirstOrThrow();
    await dbh.close();
    expect(await checkPassword('a-long-password', user.password_hash)).toBe(true);
  });

  it('refuses an unknown role, listing the choices', () => {
    expect(baton(['workspace', 'create', 'roles'], env).status).toBe(0);
    const r = baton(['user', 'create', '--workspace', 'roles', '--email', 'x@acme.example', '--role', 'wizard'], env);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('admin, leader, csm');
  });

  it('prints a new API key alone on stdout', () => {
    expect(baton(['workspace', 'create', 'keys'], env).status).toBe(0);
    const r = baton(['apikey', 'create', '--workspace', 'keys', '--scope', 'ingest'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^bk_[\w-]{12}\.[\w-]{43}\n$/);
  });

  it('writes a backup that can be restored', async () => {
    // A database of its own, holding one workspace.
    const own = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-backup-'));
    const backedUp = await createEmptyDatabase(path.join(own, 'baton.db'));
    const ownEnv = { BATON_DATA_DIR: own, DATABASE_URL: backedUp.url };
    try {
      expect(baton(['workspace', 'create', 'acme'], ownEnv).status).toBe(0);
      const file = path.join(own, 'backups', 'snapshot.bak');
      const r = baton(['backup', file], ownEnv);
      expect(r.status, r.stderr).toBe(0);
      expect(fs.statSync(file).size).toBeGreaterThan(0);
      expect(r.stdout).toContain(
        `sealed with key ${keyIdOf(loadSecretKey({ secretKey: undefined, dataDir: own }))}: keep ${path.join(own, 'secret.key')} with the backup`,
      );
      if (TEST_POSTGRES_URL) {
        const list = spawnSync('pg_restore', ['--list', file], { encoding: 'utf8' });
        expect(list.stdout).toContain('TABLE public workspaces');
      } else {
        const copy = await openDatabase(`sqlite:${file}`);
        const rows = await copy.db.selectFrom('workspaces').select('slug').execute();
        await copy.close();
        expect(rows.map((w) => w.slug)).toEqual(['acme']);
      }
    } finally {
      await backedUp.drop();
      fs.rmSync(own, { recursive: true, force: true });
    }
  });

  it('stops on a bad setting, naming the variable', () => {
    const r = baton(['migrate'], { ...env, PORT: 'eighty' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PORT');
  });

  it('explains an unreachable PostgreSQL without showing its password', () => {
    const r = baton(['migrate'], { ...env, DATABASE_URL: 'postgres://baton:s3cret@127.0.0.1:1/baton' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Cannot reach PostgreSQL at postgres://baton:***@127.0.0.1:1/baton');
    expect(r.stderr).toContain('Check that the server is running');
    expect(r.stderr).not.toContain('s3cret');
  });
});

describe('baton serve', () => {
  it('shuts down on SIGTERM with exit code 0, its database closed cleanly (on SQLite, no write-ahead log left)', async () => {
    const own = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-serve-'));
    const served = await createEmptyDatabase(path.join(own, 'baton.db'));
    let child: ReturnType<typeof spawn> | undefined;
    try {
      child = spawn(process.execPath, [BATON_BIN, 'serve'], {
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          BATON_DATA_DIR: own,
          DATABASE_URL: served.url,
          PORT: '0',
          BATON_DEMO: 'false',
          BATON_ADMIN_PASSWORD: 'a-long-password',
          BATON_LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
      const running = child;
      const exited = new Promise<number | null>((resolve) => running.once('exit', (code) => resolve(code)));
      for (const since = Date.now(); !/Baton is running/.test(out); await new Promise((r) => setTimeout(r, 50))) {
        if (Date.now() - since > 30_000) throw new Error(`baton serve did not start: ${out}`);
      }
      // Long enough for its worker threads (side threads, ingest threads) to be up.
      await new Promise((r) => setTimeout(r, 1500));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toContain('shutting down');
      if (!TEST_POSTGRES_URL) expect(fs.existsSync(path.join(own, 'baton.db-wal'))).toBe(false);
    } finally {
      if (child?.exitCode === null) child.kill('SIGKILL');
      await served.drop();
      fs.rmSync(own, { recursive: true, force: true });
    }
  }, 60_000);
});
