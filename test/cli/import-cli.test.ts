import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baton, type CliWorkspace, cliWorkspace } from '../helpers/cli.ts';

/** What scripts rely on in `baton import …`: mappings that feed several fields, exit statuses, help that parsing agrees with. */

let cli: CliWorkspace;
beforeAll(async () => {
  cli = await cliWorkspace('acme');
}, 60_000);
afterAll(async () => cli?.close());

const file = (name: string, text: string) => {
  const p = path.join(cli.dir, name);
  fs.writeFileSync(p, text);
  return p;
};

describe('baton import', () => {
  it('lets one column feed several fields: a file whose id is its only name imports without editing it', () => {
    const csv = file('opportunities.csv', 'opportunity_id,stage\nOPP-1,Negotiation\nOPP-2,Closed Won\n');
    const r = baton(
      [
        'import',
        'deals',
        csv,
        '--workspace',
        'acme',
        '--map',
        'opportunity_id=external_id',
        '--map',
        'opportunity_id=name',
        '--map',
        'stage=stage',
        '--json',
      ],
      cli.env,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'mapped', read: 2, created: 2, rejected: 0 });
    const listed = baton(['deals', 'list', '--workspace', 'acme', '--json'], cli.env);
    expect(
      JSON.parse(listed.stdout)
        .items.map((d: { externalId: string; name: string }) => [d.externalId, d.name])
        .sort(),
    ).toEqual([
      ['OPP-1', 'OPP-1'],
      ['OPP-2', 'OPP-2'],
    ]);
  }, 60_000);

  it('exits 3 when rows were rejected (the others imported, the report printed whole), 0 when none were', () => {
    const csv = file(
      'accounts.csv',
      'Customer,Web,Tier\nGlobex,globex.example,smb\nInitech,initech.example,galactic\n',
    );
    const args = [
      'import',
      'accounts',
      csv,
      '--workspace',
      'acme',
      '--map',
      'Customer=name',
      '--map',
      'Web=domain',
      '--map',
      'Tier=segment',
    ];
    const json = baton([...args, '--json'], cli.env);
    expect(json.status, json.stderr).toBe(3);
    expect(JSON.parse(json.stdout)).toMatchObject({
      read: 2,
      created: 1,
      rejected: 1,
      errors: [{ row: 2, field: 'segment' }],
    });
    const text = baton(args, cli.env);
    expect(text.status).toBe(3);
    expect(text.stdout).toMatch(/rejected 1/);
    const clean = baton(
      [
        'import',
        'accounts',
        file('clean.csv', 'Customer,Web,Tier\nGlobex,globex.example,smb\n'),
        '--workspace',
        'acme',
        '--map',
        'Customer=name',
        '--map',
        'Web=domain',
        '--map',
        'Tier=segment',
      ],
      cli.env,
    );
    expect(clean.status, clean.stderr).toBe(0);
    const refused = baton(
      ['import', 'accounts', file('nothing.csv', 'Web\nx.example\n'), '--workspace', 'acme', '--map', 'Web=nonsense'],
      cli.env,
    );
    expect(refused.status, 'a refused command is 2, not 3').toBe(2);
  }, 90_000);

  it('documents its exit status, and lists --column only where it is taken', () => {
    const deals = baton(['import', 'deals', '--help'], cli.env);
    expect(deals.stdout).toMatch(/--column/);
    expect(deals.stdout).toMatch(/Exit status: 0 .*3 some rows rejected/);
    const usage = baton(['import', 'usage', '--help'], cli.env);
    expect(usage.status).toBe(0);
    expect(usage.stdout).not.toMatch(/--column/);
    expect(usage.stdout).toMatch(/Exit status/);
    const refused = baton(
      ['import', 'usage', file('u.csv', 'day\n'), '--workspace', 'acme', '--column', 'day=Date'],
      cli.env,
    );
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/unknown option '--column'/);
    for (const kind of ['seats', 'integration-status', 'resources', 'time', 'accounts', 'contacts']) {
      expect(baton(['import', kind, '--help'], cli.env).stdout, kind).toMatch(/Exit status/);
    }
  }, 90_000);

  it('lists workspaces as JSON', () => {
    const r = baton(['workspace', 'list', '--json'], cli.env);
    expect(r.status, r.stderr).toBe(0);
    const list = JSON.parse(r.stdout) as Array<{ id: string; slug: string; name: string; isDemo: boolean }>;
    expect(list).toEqual([expect.objectContaining({ slug: 'acme', isDemo: false })]);
    expect(list[0]?.id).toBeTruthy();
  }, 30_000);
});
