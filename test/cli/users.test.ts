import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPassword } from '../../src/platform/auth/passwords.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { baton, cliWorkspace, type CliWorkspace } from '../helpers/cli.ts';

let w: CliWorkspace;

beforeAll(async () => {
  w = await cliWorkspace('acme');
});
afterAll(async () => w?.close());

const env = () => ({ ...w.env, BATON_PUBLIC_URL: 'https://baton.example.com' });
const login = async (email: string) => {
  const dbh = await openDatabase(w.database.url);
  try {
    return await dbh.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  } finally {
    await dbh.close();
  }
};

// Each test makes its own workspace (and what it builds on): a few more processes each.
describe('baton user', { timeout: 120_000 }, () => {
  it('create without a password prints a single-use set-password link for the new login', async () => {
    const r = baton(
      ['user', 'create', '--workspace', 'acme', '--email', 'Dee@Acme.example', '--role', 'delivery'],
      env(),
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('dee@acme.example is delivery in acme');
    expect(r.stdout).toMatch(
      /https:\/\/baton\.example\.com\/set-password#[\w-]{40,}\s+\(single use, until \d{4}-\d\d-\d\d \d\d:\d\d UTC\)/,
    );
    expect((await login('dee@acme.example'))?.password_hash).toBeNull();
  });

  it('invite prints the invitation link; the person is no member until they accept', async () => {
    const r = baton(
      ['user', 'invite', '--workspace', 'acme', '--email', 'eve@acme.example', '--role', 'viewer'],
      env(),
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('invited eve@acme.example as viewer to acme');
    expect(r.stdout).toMatch(/https:\/\/baton\.example\.com\/invite#[\w-]{40,}/);
    expect(await login('eve@acme.example')).toBeUndefined();
  });

  it('set-password sets a password read from stdin, or prints a link and leaves the password as it is', async () => {
    const created = baton(
      ['user', 'create', '--workspace', 'acme', '--email', 'reset@acme.example', '--role', 'admin', '--password-stdin'],
      env(),
      'first-long-password\n',
    );
    expect(created.status, created.stderr).toBe(0);
    const set = baton(
      ['user', 'set-password', '--email', 'reset@acme.example', '--password-stdin'],
      env(),
      'second-long-password\n',
    );
    expect(set.status, set.stderr).toBe(0);
    expect(set.stdout).toContain('password of reset@acme.example set');
    expect(await checkPassword('second-long-password', (await login('reset@acme.example'))?.password_hash)).toBe(true);

    const link = baton(['user', 'set-password', '--email', 'reset@acme.example'], env());
    expect(link.status, link.stderr).toBe(0);
    expect(link.stdout).toMatch(/https:\/\/baton\.example\.com\/set-password#[\w-]{40,}/);
    expect(await checkPassword('second-long-password', (await login('reset@acme.example'))?.password_hash)).toBe(true);

    const short = baton(
      ['user', 'set-password', '--email', 'reset@acme.example', '--password-stdin'],
      env(),
      'short\n',
    );
    expect(short.status).not.toBe(0);
    expect(short.stderr).toContain('10 characters');
    const unknown = baton(['user', 'set-password', '--email', 'nobody@acme.example'], env());
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain('not found');
  });

  it('says in --help how to get back in when the first admin password was missed', () => {
    const r = baton(['user', 'set-password', '--help'], env());
    expect(r.stdout).toContain('first start');
    expect(r.stdout).toContain('--password-stdin');
  });

  it('create refuses a password for a login that already exists (it keeps its own)', async () => {
    const created = baton(
      ['user', 'create', '--workspace', 'acme', '--email', 'admin@acme.example', '--role', 'admin', '--password-stdin'],
      env(),
      'first-long-password\n',
    );
    expect(created.status, created.stderr).toBe(0);
    const r = baton(
      [
        'user',
        'create',
        '--workspace',
        'acme',
        '--email',
        'admin@acme.example',
        '--role',
        'viewer',
        '--password-stdin',
      ],
      env(),
      'third-long-password\n',
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('set-password');
    expect(await checkPassword('first-long-password', (await login('admin@acme.example'))?.password_hash)).toBe(true);
  });
});
