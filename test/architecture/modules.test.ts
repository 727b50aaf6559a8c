import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPOSITION, MODULES } from '../../src/app/modules.ts';
import { JOURNEY } from '../../src/platform/modules/baton-module.ts';
import { SECTIONS } from '../../web/src/sections/sections.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The platform's own tables, and Kysely's bookkeeping of the migrations. */
const PLATFORM_TABLES = [
  'workspaces',
  'users',
  'partners',
  'memberships',
  'sessions',
  'invitations',
  'password_links',
  'login_failures',
  'api_keys',
  'audit_log',
  'jobs',
  'idempotency_keys',
  'import_runs',
  'workspace_settings',
  'baton_migrations',
  'baton_migrations_lock',
];

describe('the modules', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.close());

  it('import one another in the journey’s direction only, through each other’s index.ts', () => {
    // The script exits non-zero, listing each import against the direction, when there is one.
    const out = execFileSync(process.execPath, [path.join(root, 'scripts/check-direction.js')], { encoding: 'utf8' });
    expect(out).toMatch(/every import in the journey's direction/);
  });

  it('are listed in the journey’s order, each once', () => {
    const order = MODULES.map((m) => JOURNEY.indexOf(m.name));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(order.length);
  });

  it('own every table of the migrated database, each table one owner', async () => {
    // A SQLite full-text index is a virtual table with shadow tables of its own: they belong to the module that
    // owns the table the index mirrors (knowledge_search_fts mirrors knowledge_search_docs).
    const virtual = (
      await sql<{ name: string }>`select name from sqlite_master where sql like 'create virtual table%'`
        .execute(t.db)
        .catch(() => ({ rows: [] as Array<{ name: string }> }))
    ).rows.map((r) => r.name);
    const isIndexInternals = (name: string) => virtual.some((v) => name === v || name.startsWith(`${v}_`));
    const tables = (await t.db.introspection.getTables())
      .map((x) => x.name)
      .filter((name) => !isIndexInternals(name))
      .sort();
    const owners = new Map<string, string>();
    for (const name of PLATFORM_TABLES) owners.set(name, 'platform');
    const twice: string[] = [];
    for (const m of MODULES) {
      for (const table of m.tables) {
        if (owners.has(table)) twice.push(`${table}: ${owners.get(table)} and ${m.name}`);
        owners.set(table, m.name);
      }
    }
    expect(twice).toEqual([]);
    expect(tables.filter((name) => !owners.has(name))).toEqual([]);
    expect([...owners.keys()].filter((name) => !tables.includes(name)).sort()).toEqual([]);
  });

  it('fill the web app’s built sections, and only those', () => {
    const declared = MODULES.flatMap((m) => (m.nav ? [m.nav.path] : [])).sort();
    const built = SECTIONS.filter((s) => s.built && s.path !== '/settings')
      .map((s) => s.path)
      .sort();
    expect(built).toEqual(declared);
  });

  it('declare each job type, import kind and record kind once, with a description for every job', () => {
    for (const [type, job] of COMPOSITION.jobs) {
      expect(job.type).toBe(type);
      expect(job.description.length, type).toBeGreaterThan(10);
    }
    expect([...COMPOSITION.importers.keys()].length).toBeGreaterThanOrEqual(3);
    expect(COMPOSITION.references.has('account')).toBe(true);
  });
});
