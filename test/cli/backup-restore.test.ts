import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookSecret } from '../../src/modules/deals/webhooks/integration.service.ts';
import { ingestMessages } from '../../src/modules/usage/ingest/ingest.service.ts';
import { SYSTEM_ACTOR } from '../../src/platform/auth/principal.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { migrator } from '../../src/platform/db/migrate.ts';
import { keyIdOf, secretBox } from '../../src/platform/secrets/secret-box.ts';
import { loadSecretKey } from '../../src/platform/secrets/secret-key.ts';
import { baton, BATON_BIN, type CliWorkspace, cliWorkspace } from '../helpers/cli.ts';
import { createEmptyDatabase, TEST_POSTGRES_URL } from '../helpers/test-db.ts';

/**
 * A real installation's files and its way back from a backup, through the real `baton` command: the database, its
 * write-ahead log and backups readable by their owner only; `baton restore` on a new installation gives back every
 * record and opens the sealed secrets with the key kept with the backup; it refuses what it cannot restore and a
 * database in use, changing nothing.
 */
const SECRET = 'acme-hubspot-client-secret-0001';
const modeOf = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);
/** On PostgreSQL, backups are pg_dump archives and restores run pg_restore: without them, this file is skipped, saying so. */
const missingPgTools = TEST_POSTGRES_URL
  ? ['pg_dump', 'pg_restore'].filter((tool) => spawnSync(tool, ['--version']).error !== undefined)
  : [];
if (missingPgTools.length > 0)
  console.warn(
    `backup-restore tests skipped: ${missingPgTools.join(' and ')} not on PATH (install the PostgreSQL client tools)`,
  );

let w: CliWorkspace;
let umask: number;
let scratch: string;
let backupFile: string;

interface Counts {
  workspaces: number;
  accounts: number;
  deals: number;
  usageEvents: number;
  /** The HubSpot secret of acme, opened with the key given. */
  secret: string | undefined;
}

async function countsOf(url: string, key: Buffer): Promise<Counts> {
  const h = await openDatabase(url);
  try {
    const count = async (table: 'workspaces' | 'accounts' | 'deals' | 'usage_events') =>
      Number(
        (
          await h.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const acme = await h.db.selectFrom('workspaces').select('id').where('slug', '=', 'acme').executeTakeFirstOrThrow();
    let secret: string | undefined;
    try {
      secret = await webhookSecret(h.db, secretBox(key), acme.id, 'hubspot');
    } catch {
      secret = undefined;
    }
    return {
      workspaces: await count('workspaces'),
      accounts: await count('accounts'),
      deals: await count('deals'),
      usageEvents: await count('usage_events'),
      secret,
    };
  } finally {
    await h.close();
  }
}

/** A new installation's data folder, holding the key kept with the backup when `withKey`. */
function newInstallation(name: string, withKey: boolean): string {
  const dir = path.join(scratch, name, 'data');
  if (withKey) {
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(w.dir, 'secret.key'), path.join(dir, 'secret.key'));
  }
  return dir;
}

describe.skipIf(missingPgTools.length > 0)('backups', () => {
  beforeAll(async () => {
    // What a default installation runs under: files others may read unless Baton says otherwise.
    umask = process.umask(0o022);
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-restore-'));
    w = await cliWorkspace('acme');
    fs.writeFileSync(
      path.join(w.dir, 'accounts.csv'),
      'Name,Segment\nHarbor Foods,smb\nUmbrella Corp,enterprise\nInitech,mid_market\n',
    );
    const accounts = baton(
      [
        'import',
        'accounts',
        path.join(w.dir, 'accounts.csv'),
        '--workspace',
        'acme',
        '--map',
        'Name=name',
        '--map',
        'Segment=segment',
      ],
      w.env,
    );
    expect(accounts.status, accounts.stderr).toBe(0);
    fs.writeFileSync(
      path.join(w.dir, 'deals.csv'),
      'id,title,customer,status,value\nX-1,Harbor rollout,Harbor Foods,won,56000\nX-2,Initech pilot,Initech,open,12000\n',
    );
    const map = ['id=external_id', 'title=name', 'customer=account', 'status=stage', 'value=amount'].flatMap((m) => [
      '--map',
      m,
    ]);
    const deals = baton(['import', 'deals', path.join(w.dir, 'deals.csv'), '--workspace', 'acme', ...map], w.env);
    expect(deals.status, deals.stderr).toBe(0);
    const secret = baton(
      ['integration', 'set', 'hubspot', '--workspace', 'acme', '--secret-stdin'],
      w.env,
      `${SECRET}\n`,
    );
    expect(secret.status, secret.stderr).toBe(0);
    const h = await openDatabase(w.database.url);
    try {
      const acme = await h.db
        .selectFrom('workspaces')
        .select('id')
        .where('slug', '=', 'acme')
        .executeTakeFirstOrThrow();
      const messages = Array.from({ length: 7 }, (_, i) => ({
        source: 'segment' as const,
        messageId: `m-${i}`,
        type: 'track' as const,
        event: 'report.exported',
        userId: `u-${i % 3}`,
        anonymousId: null,
        groupId: null,
        occurredAt: `2026-11-2${i}T10:00:00.000Z`,
        properties: '{}',
        email: null,
      }));
      await h.db
        .transaction()
        .execute((trx) =>
          ingestMessages(trx, { workspaceId: acme.id, source: 'segment', actor: SYSTEM_ACTOR, messages }),
        );
    } finally {
      await h.close();
    }
    backupFile = path.join(scratch, 'backups', 'acme.bak');
    const made = baton(['backup', backupFile], w.env);
    expect(made.status, made.stderr).toBe(0);
  }, 120_000);

  afterAll(async () => {
    process.umask(umask);
    await w?.close();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  describe('files readable by their owner only', () => {
    it('baton backup writes its file 0600', () => {
      expect(modeOf(backupFile)).toBe('600');
    });

    it.skipIf(TEST_POSTGRES_URL)('a new data folder: the folder 0700, the database and the key 0600', () => {
      const dir = path.join(scratch, 'fresh', 'data');
      const r = baton(['workspace', 'create', 'fresh'], { BATON_DATA_DIR: dir });
      expect(r.status, r.stderr).toBe(0);
      expect(modeOf(dir)).toBe('700');
      expect(modeOf(path.join(dir, 'baton.db'))).toBe('600');
      expect(modeOf(path.join(dir, 'secret.key'))).toBe('600');
    });

    it.skipIf(TEST_POSTGRES_URL)(
      'an existing database others may read is narrowed to its owner at start, and that is logged',
      () => {
        const dir = path.join(scratch, 'loose', 'data');
        expect(baton(['workspace', 'create', 'loose'], { BATON_DATA_DIR: dir }).status).toBe(0);
        const db = path.join(dir, 'baton.db');
        fs.chmodSync(db, 0o644);
        const r = baton(['workspace', 'create', 'looser'], { BATON_DATA_DIR: dir });
        expect(r.status, r.stderr).toBe(0);
        expect(modeOf(db)).toBe('600');
        expect(`${r.stdout}${r.stderr}`).toMatch(
          /"was":"644".*database file was readable by other accounts: now readable by its owner only/,
        );
        const again = baton(['workspace', 'create', 'loosest'], { BATON_DATA_DIR: dir });
        expect(`${again.stdout}${again.stderr}`).not.toContain('readable by other accounts');
      },
    );
  });

  describe('baton restore', () => {
    it.skipIf(TEST_POSTGRES_URL)(
      'restores a SQLite backup on a new installation: every record back, the secrets open with the key kept with it',
      async () => {
        const before = await countsOf(w.database.url, loadSecretKey({ secretKey: undefined, dataDir: w.dir }));
        expect(before).toEqual({ workspaces: 1, accounts: 3, deals: 2, usageEvents: 7, secret: SECRET });
        const dir = newInstallation('restored', true);
        const r = baton(['restore', backupFile], { BATON_DATA_DIR: dir });
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout).toContain(`restored ${backupFile} into sqlite:${path.join(dir, 'baton.db')} (sqlite)`);
        const keyId = keyIdOf(loadSecretKey({ secretKey: undefined, dataDir: w.dir }));
        expect(r.stdout).toContain(
          `stored secrets in it are sealed with key ${keyId}, this instance's key (${path.join(dir, 'secret.key')}): they open`,
        );
        expect(r.stdout).not.toContain('kept at');
        expect(modeOf(path.join(dir, 'baton.db'))).toBe('600');
        expect(fs.readdirSync(dir).sort()).toEqual(['baton.db', 'secret.key']);
        expect(
          await countsOf(`sqlite:${path.join(dir, 'baton.db')}`, loadSecretKey({ secretKey: undefined, dataDir: dir })),
        ).toEqual(before);
      },
    );

    it.skipIf(!TEST_POSTGRES_URL)(
      'restores a pg_dump backup into an empty PostgreSQL database: every record back, the secrets open with the key kept with it',
      async () => {
        const key = loadSecretKey({ secretKey: undefined, dataDir: w.dir });
        const before = await countsOf(w.database.url, key);
        expect(before).toEqual({ workspaces: 1, accounts: 3, deals: 2, usageEvents: 7, secret: SECRET });
        const target = await createEmptyDatabase();
        try {
          const env = {
            BATON_DATA_DIR: newInstallation('restored-pg', false),
            DATABASE_URL: target.url,
            BATON_SECRET_KEY: key.toString('base64'),
          };
          const r = baton(['restore', backupFile], env);
          expect(r.status, r.stderr).toBe(0);
          expect(r.stdout).toContain(`(pg_dump)`);
          expect(r.stdout).toContain(
            `sealed with key ${keyIdOf(key)}, this instance's key (BATON_SECRET_KEY): they open`,
          );
          expect(await countsOf(target.url, key)).toEqual(before);
          // Restored once: the database is no longer empty, and a second restore into it is refused, changing nothing.
          const again = baton(['restore', backupFile], env);
          expect(again.status).toBe(1);
          expect(again.stderr).toMatch(/is not empty: restore into a new, empty database .* nothing was changed/);
          expect(await countsOf(target.url, key)).toEqual(before);
        } finally {
          await target.drop();
        }
      },
    );

    // On PostgreSQL the same report comes after a restore into an empty database, as the test above shows with the key.
    it.skipIf(TEST_POSTGRES_URL)('says which key the secrets need when this instance has another one, or none', () => {
      const keyId = keyIdOf(loadSecretKey({ secretKey: undefined, dataDir: w.dir }));
      const dir = newInstallation('keyless', false);
      const r = baton(['restore', backupFile], { BATON_DATA_DIR: dir });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain(
        `stored secrets in it are sealed with key ${keyId}, and this instance has no key yet: before starting Baton, put the key kept with the backup in ${path.join(dir, 'secret.key')}`,
      );
      const other = baton(['restore', backupFile], {
        BATON_DATA_DIR: path.join(scratch, 'other-key'),
        BATON_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
      });
      expect(other.status, other.stderr).toBe(0);
      expect(other.stderr).toContain(
        `sealed with key ${keyId}, but this instance's key is ${keyIdOf(Buffer.alloc(32, 7))} (BATON_SECRET_KEY)`,
      );
    });

    it('refuses a file that is not a Baton backup, or one of the other database, naming why; nothing is written', () => {
      const dir = newInstallation('refusals', true);
      const env: Record<string, string> = TEST_POSTGRES_URL
        ? { BATON_DATA_DIR: dir, DATABASE_URL: w.database.url }
        : { BATON_DATA_DIR: dir };
      const text = path.join(scratch, 'notes.txt');
      fs.writeFileSync(text, 'not a backup at all\n');
      const notBackup = baton(['restore', text], env);
      expect(notBackup.status).toBe(2);
      expect(notBackup.stderr).toContain(`${text} is not a Baton backup`);
      const missing = baton(['restore', path.join(scratch, 'nowhere.bak')], env);
      expect(missing.status).toBe(2);
      expect(missing.stderr).toContain('cannot read the backup');
      if (TEST_POSTGRES_URL) {
        const sqliteFile = path.join(scratch, 'a-sqlite.db');
        fs.writeFileSync(sqliteFile, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(100)]));
        expect(baton(['restore', sqliteFile], env).stderr).toContain(
          'is a SQLite backup, and DATABASE_URL names a PostgreSQL database',
        );
      } else {
        const foreign = path.join(scratch, 'foreign.db');
        spawnSync('node', [
          '-e',
          `const D=require(${JSON.stringify(path.resolve('node_modules/better-sqlite3'))});const d=new D(${JSON.stringify(foreign)});d.exec('create table notes(x)');d.close()`,
        ]);
        const r = baton(['restore', foreign], env);
        expect(r.status).toBe(2);
        expect(r.stderr).toContain('is a SQLite database but not a Baton backup');
        expect(fs.readdirSync(dir)).toEqual(['secret.key']);
      }
    });

    it.skipIf(TEST_POSTGRES_URL)(
      'refuses a backup made by a newer Baton, and brings an older one up to date',
      async () => {
        const dir = newInstallation('versions', true);
        const newer = path.join(scratch, 'newer.bak');
        fs.copyFileSync(backupFile, newer);
        const h = await openDatabase(`sqlite:${newer}`);
        await h.db
          .insertInto('baton_migrations' as never)
          .values({ name: '2099-01-01T0000-from-the-future', timestamp: new Date().toISOString() } as never)
          .execute();
        await h.close();
        const r = baton(['restore', newer], { BATON_DATA_DIR: dir });
        expect(r.status).toBe(2);
        expect(r.stderr).toContain(
          'was made by a newer Baton (its migration 2099-01-01T0000-from-the-future is unknown to this version)',
        );
        expect(fs.readdirSync(dir)).toEqual(['secret.key']);

        // A backup of an earlier version: its schema stops at an earlier migration.
        const older = path.join(scratch, 'older.bak');
        const o = await openDatabase(`sqlite:${older}`);
        const { error } = await migrator(o.db).migrateTo('2026-11-27T0023-import-run-heartbeat');
        await o.db
          .insertInto('workspaces')
          .values({
            id: 'ws-older',
            slug: 'older',
            name: 'Older',
            is_demo: 0,
            created_at: '2026-11-27T10:00:00.000Z',
          } as never)
          .execute();
        await o.close();
        expect(error).toBeUndefined();
        const up = baton(['restore', older], { BATON_DATA_DIR: dir });
        expect(up.status, up.stderr).toBe(0);
        expect(up.stdout).toMatch(/\(sqlite, brought up to date with \d+ migrations?\)/);
        const restored = await openDatabase(`sqlite:${path.join(dir, 'baton.db')}`);
        expect((await restored.db.selectFrom('workspaces').select('slug').execute()).map((x) => x.slug)).toEqual([
          'older',
        ]);
        await restored.close();
        expect(baton(['migrate', '--status'], { BATON_DATA_DIR: dir }).stdout).toContain('up to date');
      },
    );

    it.skipIf(TEST_POSTGRES_URL)(
      'refuses while baton serve holds the database; once it stopped, replaces it in one step and keeps the old one aside',
      async () => {
        const dir = newInstallation('served', true);
        expect(baton(['workspace', 'create', 'before'], { BATON_DATA_DIR: dir }).status).toBe(0);
        const db = path.join(dir, 'baton.db');
        const served = spawn(process.execPath, [BATON_BIN, 'serve'], {
          env: {
            PATH: process.env.PATH ?? '',
            HOME: process.env.HOME ?? '',
            BATON_DATA_DIR: dir,
            HOST: '0.0.0.0',
            PORT: '0',
            BATON_DEMO: 'false',
            BATON_JOBS: 'false',
            BATON_LOG_LEVEL: 'info',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        served.stdout?.on('data', (d: Buffer) => (out += d.toString()));
        served.stderr?.on('data', (d: Buffer) => (out += d.toString()));
        const exited = new Promise<number | null>((resolve) => served.once('exit', (code) => resolve(code)));
        try {
          // The log line may come after the words on stdout: wait for both.
          const warning = /listens on 0\.0\.0\.0 over plain HTTP and BATON_PUBLIC_URL is not https:\/\//;
          for (
            const since = Date.now();
            !/Baton is running at/.test(out) || !warning.test(out);
            await new Promise((r) => setTimeout(r, 50))
          ) {
            if (Date.now() - since > 30_000 || served.exitCode !== null)
              throw new Error(`baton serve did not start: ${out}`);
          }
          // Listening on every interface over plain HTTP with no https:// public URL: one warning says so.
          expect(
            out.match(/listens on 0\.0\.0\.0 over plain HTTP and BATON_PUBLIC_URL is not https:\/\//g),
          ).toHaveLength(1);
          // SQLite gives the write-ahead log and its index the database file's mode.
          expect([modeOf(db), modeOf(`${db}-wal`), modeOf(`${db}-shm`)]).toEqual(['600', '600', '600']);

          const refused = baton(['restore', backupFile], { BATON_DATA_DIR: dir });
          expect(refused.status).toBe(1);
          expect(refused.stderr).toContain(
            `the database ${db} is in use: stop every Baton process using it (baton serve, other commands) and restore again; nothing was changed`,
          );
          expect(fs.readdirSync(dir).filter((f) => f.includes('restor'))).toEqual([]);
        } finally {
          served.kill('SIGTERM');
          expect(await exited).toBe(0);
        }
        const r = baton(['restore', backupFile], { BATON_DATA_DIR: dir });
        expect(r.status, r.stderr).toBe(0);
        const aside = /the database it replaced is kept at (\S+)/.exec(r.stdout)?.[1] as string;
        expect(aside).toMatch(new RegExp(`^${db.replace(/[.]/g, '\\.')}\\.before-restore-\\d{4}-`));
        expect(modeOf(aside)).toBe('600');
        const key = loadSecretKey({ secretKey: undefined, dataDir: dir });
        expect(await countsOf(`sqlite:${db}`, key)).toEqual({
          workspaces: 1,
          accounts: 3,
          deals: 2,
          usageEvents: 7,
          secret: SECRET,
        });
        const old = await openDatabase(`sqlite:${aside}`);
        expect((await old.db.selectFrom('workspaces').select('slug').execute()).map((x) => x.slug)).toEqual(['before']);
        await old.close();
      },
      90_000,
    );
  });
});
