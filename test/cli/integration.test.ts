import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/database.ts';
import { keyIdOf, secretBox } from '../../src/platform/secrets/secret-box.ts';
import { loadSecretKey, SECRET_KEY_FILE } from '../../src/platform/secrets/secret-key.ts';
import { baton, type CliWorkspace, cliWorkspace } from '../helpers/cli.ts';

let dir: string;
let database: CliWorkspace['database'];
let env: Record<string, string>;
let cli: CliWorkspace;

const HUBSPOT_SECRET = 'cli-hubspot-client-secret-7781';
const SALESFORCE_SECRET = 'cli-salesforce-shared-secret-42';

beforeAll(async () => {
  cli = await cliWorkspace();
  ({ dir, env, database } = cli);
});
afterAll(async () => cli?.close());

/** A workspace of the test's own, with the HubSpot secret set from an option and the Salesforce one from stdin. */
function withSecrets(slug: string): string {
  const created = baton(['workspace', 'create', slug], env);
  expect(created.status, created.stderr).toBe(0);
  const set = baton(['integration', 'set', 'hubspot', '--workspace', slug, '--secret', HUBSPOT_SECRET], env);
  expect(set.status, set.stderr).toBe(0);
  const stdin = baton(
    ['integration', 'set', 'Salesforce', '--workspace', slug, '--secret-stdin'],
    env,
    `${SALESFORCE_SECRET}\n`,
  );
  expect(stdin.status, stdin.stderr).toBe(0);
  return slug;
}

async function workspaceId(slug: string): Promise<string> {
  const dbh = await openDatabase(database.url);
  try {
    return (await dbh.db.selectFrom('workspaces').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
  } finally {
    await dbh.close();
  }
}

// Each test makes its own workspace (and what it builds on): a few more processes each.
describe('baton integration', { timeout: 120_000 }, () => {
  it('explains itself in --help', () => {
    const top = baton(['--help'], env);
    expect(top.stdout).toContain('integration');
    const help = baton(['integration', 'set', '--help'], env);
    expect(help.status).toBe(0);
    for (const word of [
      '--workspace',
      '--secret',
      '--secret-stdin',
      '--remove',
      'X-Baton-Signature',
      '/webhooks/hubspot/<workspace>',
    ])
      expect(help.stdout).toContain(word);
  });

  it('sets a secret from an option or from stdin, and never prints it', () => {
    const set = baton(['integration', 'set', 'hubspot', '--workspace', 'acme', '--secret', HUBSPOT_SECRET], env);
    expect(set.status, set.stderr).toBe(0);
    expect(set.stdout).toContain('set the webhook secret of hubspot in acme (ends in …7781)');
    expect(set.stdout).toContain('/webhooks/hubspot/acme');
    expect(set.stdout).not.toContain(HUBSPOT_SECRET);
    const stdin = baton(
      ['integration', 'set', 'Salesforce', '--workspace', 'acme', '--secret-stdin'],
      env,
      `${SALESFORCE_SECRET}\n`,
    );
    expect(stdin.status, stdin.stderr).toBe(0);
    expect(stdin.stdout).toContain('salesforce');
    expect(stdin.stdout).toContain('/webhooks/crm/acme');
  });

  it('lists sources as JSON and as text, with the secret state only', async () => {
    const slug = withSecrets('listed');
    const r = baton(['integration', 'list', '--workspace', slug, '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toContain(HUBSPOT_SECRET);
    expect(r.stdout).not.toContain(SALESFORCE_SECRET);
    const { items } = JSON.parse(r.stdout);
    expect(items).toEqual([
      expect.objectContaining({
        source: 'hubspot',
        webhookPath: '/webhooks/hubspot/listed',
        secret: expect.objectContaining({ set: true, last4: '7781', setBy: 'cli' }),
      }),
      expect.objectContaining({
        source: 'salesforce',
        kind: 'generic',
        secret: expect.objectContaining({ set: true, last4: 't-42' }),
        lastEventAt: null,
      }),
    ]);
    const text = baton(['integration', 'list', '--workspace', slug], env);
    expect(text.stdout).toMatch(
      /^hubspot\t\/webhooks\/hubspot\/listed\tsecret …7781 set \d{4}-\d{2}-\d{2} by cli\tlast event never/m,
    );
    // The secret is stored for signature checks, and the audit log records only that it changed.
    const id = await workspaceId(slug);
    const dbh = await openDatabase(database.url);
    const audit = await dbh.db
      .selectFrom('audit_log')
      .select(['action', 'before_json', 'after_json'])
      .where('workspace_id', '=', id)
      .where('entity_id', '=', 'integrations.webhook-secrets')
      .execute();
    await dbh.close();
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain(SALESFORCE_SECRET);
    expect(JSON.stringify(audit)).not.toContain(HUBSPOT_SECRET);
  });

  it('removes a secret, and refuses a short secret, a bad name or no secret at all with exit 2', () => {
    const slug = withSecrets('removed');
    expect(baton(['integration', 'set', 'salesforce', '--workspace', slug, '--remove'], env).stdout).toContain(
      'removed the webhook secret of salesforce',
    );
    const listed = JSON.parse(baton(['integration', 'list', '--workspace', slug, '--json'], env).stdout).items;
    expect(listed.map((i: { source: string }) => i.source)).toEqual(['hubspot']);
    const cases: Array<[string[], string]> = [
      [['integration', 'set', 'salesforce', '--workspace', slug, '--secret', 'short'], 'at least 16 characters'],
      [['integration', 'set', 'Not A Name', '--workspace', slug, '--secret', SALESFORCE_SECRET], 'lower-case letters'],
      [
        ['integration', 'set', 'salesforce', '--workspace', slug],
        'exactly one of --secret, --secret-stdin or --remove',
      ],
    ];
    for (const [args, message] of cases) {
      const r = baton(args, env);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
    }
    const unknown = baton(['integration', 'list', '--workspace', 'nowhere'], env);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('workspace nowhere not found');
  });

  it('seals secrets with the data folder key, made on first start and readable by its owner only', async () => {
    const slug = withSecrets('sealed');
    const id = await workspaceId(slug);
    const keyFile = path.join(dir, SECRET_KEY_FILE);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const box = secretBox(loadSecretKey({ secretKey: undefined, dataDir: dir }));
    const dbh = await openDatabase(database.url);
    try {
      const setting = () =>
        dbh.db
          .selectFrom('workspace_settings')
          .select(['workspace_id', 'value'])
          .where('workspace_id', '=', id)
          .where('key', '=', 'integrations.webhook-secrets')
          .executeTakeFirstOrThrow();
      const row = await setting();
      expect(row.value).not.toContain(HUBSPOT_SECRET);
      expect(box.open(JSON.parse(row.value).hubspot.secret, `webhook-secret:${row.workspace_id}:hubspot`)).toBe(
        HUBSPOT_SECRET,
      );

      // A secret an earlier Baton kept in plain text is sealed by the next command's start, and keeps its last 4.
      const plain = 'older-plain-shared-secret-5150';
      const value = JSON.stringify({
        ...JSON.parse(row.value),
        zoho: { secret: plain, setAt: '2026-11-01T00:00:00.000Z', setBy: 'cli' },
      });
      await dbh.db
        .updateTable('workspace_settings')
        .set({ value })
        .where('workspace_id', '=', id)
        .where('key', '=', 'integrations.webhook-secrets')
        .execute();
      const listed = JSON.parse(baton(['integration', 'list', '--workspace', slug, '--json'], env).stdout).items;
      expect(listed.find((i: { source: string }) => i.source === 'zoho')).toMatchObject({
        secret: { set: true, last4: '5150' },
      });
      const after = await setting();
      expect(after.value).not.toContain(plain);
      expect(box.open(JSON.parse(after.value).zoho.secret, `webhook-secret:${row.workspace_id}:zoho`)).toBe(plain);
    } finally {
      await dbh.close();
    }
  });

  it('refuses a malformed BATON_SECRET_KEY before touching anything, naming the variable', () => {
    const r = baton(['integration', 'list', '--workspace', 'acme'], { ...env, BATON_SECRET_KEY: 'not-a-key' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('BATON_SECRET_KEY must hold 32 bytes');
  });

  it('says at start when secrets were sealed with another key than its own', () => {
    const slug = withSecrets('rekeyed');
    const other = randomBytes(32);
    const r = baton(['integration', 'list', '--workspace', slug], {
      ...env,
      BATON_SECRET_KEY: other.toString('base64'),
    });
    expect(r.status, r.stderr).toBe(0);
    const log = `${r.stdout}${r.stderr}`;
    expect(log).toContain('sealed with another key than this instance');
    expect(log).toContain(keyIdOf(other));
    expect(log).toContain(keyIdOf(loadSecretKey({ secretKey: undefined, dataDir: dir })));
    const own = baton(['integration', 'list', '--workspace', slug], env);
    expect(`${own.stdout}${own.stderr}`).not.toContain('sealed with another key');
  });
});
