import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let n = 0;

beforeAll(async () => {
  t = await createTestApp({}, { now: () => new Date('2026-11-20T12:00:00.000Z') });
});
afterAll(async () => t?.close());

async function setUp() {
  const ws = await t.workspace(`knowledge-import-${++n}`);
  const csm = await t.login((await t.user(ws, 'csm')).email);
  return { ws, csm };
}

const upload = (c: Client, type: string, body: string, query = '') =>
  c.request({
    method: 'POST',
    url: `/api/v1/imports/articles${query}`,
    headers: { 'content-type': type },
    payload: body,
  });

const articles = async (c: Client) =>
  (await c.request({ method: 'GET', url: '/api/v1/knowledge/articles' })).json().items as Array<{
    id: string;
    externalId: string;
    title: string;
    body: string;
    tags: string[];
    status: string;
    version: number;
    source: string;
  }>;

describe('baton import articles (upload)', () => {
  it('reads a Markdown file with front matter, its name the id when the front matter names none', async () => {
    const { csm } = await setUp();
    const md =
      '---\ntitle: Reset your SSO certificate\ntags: [product: SSO, troubleshooting]\n---\n\nUpload the new one.\n';
    const res = await upload(csm, 'text/markdown', md, '?fileName=reset-sso.md');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ format: 'markdown', created: 1, rejected: 0 });
    expect(await articles(csm)).toMatchObject([
      {
        externalId: 'reset-sso',
        title: 'Reset your SSO certificate',
        body: 'Upload the new one.',
        tags: ['product:sso', 'troubleshooting'],
        status: 'published',
        source: 'import',
        version: 1,
      },
    ]);
  });

  it('reads JSON Lines, idempotent by external id: the same content unchanged, new content a new version', async () => {
    const { csm } = await setUp();
    const lines = [
      JSON.stringify({
        external_id: 'a1',
        title: 'Webhooks',
        body: 'Signed with HMAC.',
        tags: ['integration:webhooks'],
      }),
      '',
      JSON.stringify({ external_id: 'a2', title: 'API keys', body: 'Create one in Settings.', tags: 'api, security' }),
    ].join('\n');
    const first = await upload(csm, 'application/x-ndjson', lines);
    expect(first.json()).toMatchObject({ format: 'jsonl', created: 2, updated: 0, unchanged: 0 });
    const again = await upload(csm, 'application/x-ndjson', lines);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const changed = lines.replace('Signed with HMAC.', 'Signed with HMAC-SHA256.');
    expect((await upload(csm, 'application/x-ndjson', changed)).json()).toMatchObject({ updated: 1, unchanged: 1 });
    const byId = new Map((await articles(csm)).map((a) => [a.externalId, a]));
    expect(byId.get('a1')).toMatchObject({ version: 2, body: 'Signed with HMAC-SHA256.' });
    expect(byId.get('a2')).toMatchObject({ version: 1, tags: ['api', 'security'] });
    const versions = await csm.request({
      method: 'GET',
      url: `/api/v1/knowledge/articles/${byId.get('a1')!.id}/versions`,
    });
    expect(versions.json().items).toHaveLength(2);
    const found = await csm.request({ method: 'GET', url: '/api/v1/search?q=hmac' });
    expect(found.json().items.map((i: { external_id: string }) => i.external_id)).toEqual(['a1']);
  });

  it('reads CSV and reports each bad row with its field, writing the good ones', async () => {
    const { csm } = await setUp();
    const csv = [
      'external_id,title,body,tags',
      'c1,Import accounts,"Use a CSV, one account per row.","product:import, how-to"',
      'c2,,No title here,',
      ',Missing id,Body,',
      'c4,Bad tag,Body,colour:red',
      'c1,Same id again,Body,',
      'c6,Draft one,Body,',
    ].join('\n');
    const res = await upload(csm, 'text/csv', csv);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ format: 'csv', created: 2, rejected: 4 });
    expect(report.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [2, 'title'],
      [3, 'external_id'],
      [4, 'tags'],
      [5, 'external_id'],
    ]);
    expect((await articles(csm)).map((a) => a.externalId).sort()).toEqual(['c1', 'c6']);
  });

  it('refuses a CSV without the columns it needs, naming them, and writes nothing', async () => {
    const { csm } = await setUp();
    const res = await upload(csm, 'text/csv', 'name,text\nx,y\n');
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('external_id or title');
    expect(await articles(csm)).toEqual([]);
  });

  it('reports a line that is not JSON, and a dry run writes nothing', async () => {
    const { csm } = await setUp();
    const res = await upload(
      csm,
      'application/x-ndjson',
      '{"external_id":"x","title":"X"}\n{not json\n',
      '?dryRun=true',
    );
    expect(res.json()).toMatchObject({ dryRun: true, created: 1, rejected: 1 });
    expect(res.json().errors[0]).toMatchObject({ row: 2, field: 'json' });
    expect(await articles(csm)).toEqual([]);
  });
});
