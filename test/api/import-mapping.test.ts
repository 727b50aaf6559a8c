import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

/** A column that feeds several fields, through the API's mapping (as `--map` twice and the import page give it). */

let t: TestApp;
let ws: string;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  ws = await t.workspace('mapping');
  admin = await t.login((await t.user(ws, 'admin')).email);
});
afterAll(async () => t?.close());

const upload = (path: string, csv: string, mapping: unknown) =>
  admin.request({
    method: 'POST',
    url: `/api/v1/imports/${path}?mapping=${encodeURIComponent(JSON.stringify(mapping))}`,
    headers: { 'content-type': 'text/csv' },
    payload: csv,
  });

const CSV = 'opportunity_id,stage,amount\nOPP-1,Negotiation,1000\nOPP-2,Closed Won,2500\n';

describe('a column feeding several fields', () => {
  it('previews and imports deals whose only name is their id', async () => {
    const mapping = { opportunity_id: ['external_id', 'name'], stage: 'stage', amount: 'amount' };
    const preview = await upload('deals/preview', CSV, mapping);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().problems).toEqual([]);
    expect(
      preview
        .json()
        .mapping.filter((m: { column: string }) => m.column === 'opportunity_id')
        .map((m: { field: string }) => m.field),
    ).toEqual(['external_id', 'name']);
    expect(preview.json().rows[0].values).toMatchObject({ external_id: 'OPP-1', name: 'OPP-1', stage: 'Negotiation' });

    const res = await upload('deals', CSV, mapping);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ format: 'mapped', created: 2, rejected: 0 });
    const deals = await t.ctx.db
      .selectFrom('deals')
      .select(['external_id', 'name'])
      .where('workspace_id', '=', ws)
      .orderBy('external_id')
      .execute();
    expect(deals).toEqual([
      { external_id: 'OPP-1', name: 'OPP-1' },
      { external_id: 'OPP-2', name: 'OPP-2' },
    ]);
    expect((await upload('deals', CSV, mapping)).json(), 'again: nothing changes').toMatchObject({
      created: 0,
      unchanged: 2,
    });
  });

  it('feeds account fields the same way, and still refuses a field fed by two columns or a target that is no field', async () => {
    const query = `mapping=${encodeURIComponent(JSON.stringify({ Company: ['name'], Web: ['domain'] }))}&defaults=${encodeURIComponent(JSON.stringify({ segment: 'smb' }))}`;
    const res = await admin.request({
      method: 'POST',
      url: `/api/v1/imports/accounts?${query}`,
      headers: { 'content-type': 'text/csv' },
      payload: 'Company,Web\nGlobex,globex.example\n',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, rejected: 0 });
    const twice = await upload('deals', CSV, { opportunity_id: ['external_id', 'name'], stage: ['stage', 'name'] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors).toEqual([
      expect.objectContaining({
        field: 'querystring.mapping',
        message: expect.stringMatching(/name is mapped from several columns/),
      }),
    ]);
    const unknown = await upload('deals', CSV, { opportunity_id: ['external_id', 'title'], stage: 'stage' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({
      field: 'querystring.mapping',
      message: expect.stringMatching(/"title", which is not a deal field/),
    });
    const empty = await upload('deals', CSV, { opportunity_id: [], stage: 'stage' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].field).toMatch(/^querystring\.mapping/);
  });
});
