import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertContactLinks } from '../../src/modules/accounts/account-import.store.ts';
import { buildAccount, buildContact } from '../helpers/fixtures/index.ts';
import { FIXTURE_NOW } from '../helpers/fixtures/sequence.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let n = 0;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** A workspace with a CSM, Northwind (a sponsor known to Salesforce by WhoId, a champion) and Contoso. */
async function setUp() {
  const ws = await t.workspace(`rel-import-${++n}`);
  const csm = await t.login((await t.user(ws, 'csm')).email);
  const northwind = await buildAccount(t.ctx.db, ws, { name: 'Northwind Traders', domain: 'northwind.example' });
  const contoso = await buildAccount(t.ctx.db, ws, { name: 'Contoso', domain: 'contoso.example' });
  const sponsor = await buildContact(t.ctx.db, ws, northwind.id, {
    name: 'Sam Sponsor',
    email: 'sam@northwind.example',
    role: 'executive_sponsor',
    last_touch_at: '2026-02-20T00:00:00.000Z',
  });
  const champion = await buildContact(t.ctx.db, ws, northwind.id, { email: 'cleo@northwind.example' });
  const buyer = await buildContact(t.ctx.db, ws, contoso.id, { email: 'bo@contoso.example' });
  await insertContactLinks(t.ctx.db, [
    { workspace_id: ws, source: 'salesforce', external_id: '003SAM', contact_id: sponsor.id, created_at: FIXTURE_NOW },
  ]);
  await t.ctx.db
    .insertInto('account_external_ids')
    .values({
      workspace_id: ws,
      source: 'salesforce',
      external_id: '001NW',
      account_id: northwind.id,
      created_at: FIXTURE_NOW,
    })
    .execute();
  return { ws, csm, northwind, contoso, sponsor, champion, buyer };
}

const upload = (client: Client, kind: string, csv: string, query = '') =>
  client.request({
    method: 'POST',
    url: `/api/v1/imports/${kind}${query}`,
    headers: { 'content-type': 'text/csv' },
    payload: csv,
  });

const rows = (table: 'relationship_surveys' | 'relationship_touches', ws: string) =>
  t.ctx.db.selectFrom(table).selectAll().where('workspace_id', '=', ws).execute();

const lastTouch = async (id: string) =>
  (await t.ctx.db.selectFrom('contacts').select('last_touch_at').where('id', '=', id).executeTakeFirstOrThrow())
    .last_touch_at;

type RowErr = { row: number; field: string; reason: string };
const errorsOf = (res: { json(): { errors: RowErr[] } }) =>
  res
    .json()
    .errors.map((e) => `${e.row}:${e.field}`)
    .sort();

describe('baton import surveys (upload)', () => {
  it('imports answers by email, domain or account name; refuses a future date, a score out of range and an unknown account by row', async () => {
    const s = await setUp();
    const csv = [
      'response_id,email,account,score,comment,date,milestone',
      'R1,sam@northwind.example,,3,Slow go-live,2026-02-01,Go-live',
      'R2,,contoso.example,9,,2026-02-02,',
      'R3,someone@else.example,Northwind Traders,10,,2026-02-03,',
      'R4,cleo@northwind.example,,11,,2026-02-04,',
      'R5,cleo@northwind.example,,8,,2999-01-01,',
      'R6,,unknown.example,7,,2026-02-05,',
    ].join('\n');
    const res = await upload(s.csm, 'surveys', csv, '?kind=nps');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'surveys', format: 'surveys', read: 6, created: 3, rejected: 3 });
    expect(errorsOf(res)).toEqual(['4:score', '5:responded_at', '6:account']);
    const stored = await rows('relationship_surveys', s.ws);
    expect(stored.map((r) => [r.dedupe_key.split('|').at(-1), r.account_id, r.contact_id]).sort()).toEqual(
      [
        ['R1', s.northwind.id, s.sponsor.id],
        ['R2', s.contoso.id, null],
        ['R3', s.northwind.id, null],
      ].sort(),
    );
    const again = await upload(s.csm, 'surveys', csv, '?kind=nps');
    expect(again.json()).toMatchObject({ created: 0, unchanged: 3, rejected: 3 });
    expect(await rows('relationship_surveys', s.ws)).toHaveLength(3);
  });

  it('refuses a file without a kind column or --kind, naming the file, and a bad kind option', async () => {
    const s = await setUp();
    const res = await upload(s.csm, 'surveys', 'email,score,date\nsam@northwind.example,9,2026-02-01\n');
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'file', message: expect.stringContaining('kind') }),
    ]);
    const bad = await upload(s.csm, 'surveys', 'email,score,date\nsam@northwind.example,9,2026-02-01\n', '?kind=ces');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toContain('kind');
    expect(await rows('relationship_surveys', s.ws)).toHaveLength(0);
  });
});

describe('baton import touches (upload)', () => {
  it('reads a Salesforce Task and Event export: WhoId or Who.Email, WhatId/AccountId, Type or TaskSubtype', async () => {
    const s = await setUp();
    const csv = [
      'Id,Subject,ActivityDate,ActivityDateTime,WhoId,Who.Email,WhatId,AccountId,Type,TaskSubtype,CallType,Status',
      '00T1,Renewal call,2026-03-02,,003SAM,,006OPP,001NW,Call,Call,Outbound,Completed',
      '00T2,Follow-up email,2026-03-01,,,cleo@northwind.example,,,,Email,,Completed',
      '00T3,Prepare deck,2026-03-03,,003SAM,,,001NW,Other,Task,,Not Started',
      '00U4,QBR,2026-01-15,2026-01-15T15:00:00Z,,bo@contoso.example,,,Meeting,,,',
      '00T5,Intro,2026-03-04,,003XXX,new.person@northwind.example,,,Call,Call,,Completed',
      '00T6,Cold email,2026-03-04,,,x@nowhere.example,,,Email,Email,,Completed',
      '00U7,Next QBR,2999-01-15,,003SAM,,,001NW,Meeting,,,',
    ].join('\n');
    const res = await upload(s.csm, 'touches', csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ format: 'salesforce', read: 7, created: 4, rejected: 1, skipped: 2 });
    expect(errorsOf(res)).toEqual(['6:contact_email']);
    expect(res.json().notes).toEqual(
      expect.arrayContaining([
        expect.stringContaining('1 row skipped: not a meeting, call or email'),
        expect.stringContaining('1 row skipped: planned for later'),
        expect.stringContaining('1 touch names no known contact'),
      ]),
    );
    const stored = await rows('relationship_touches', s.ws);
    const byId = new Map(stored.map((r) => [r.external_id, r]));
    expect(byId.get('00T1')).toMatchObject({
      account_id: s.northwind.id,
      kind: 'call',
      direction: 'outbound',
      source: 'salesforce',
    });
    expect(JSON.parse(byId.get('00T1')?.contact_ids ?? '[]')).toEqual([s.sponsor.id]);
    expect(byId.get('00T2')).toMatchObject({ account_id: s.northwind.id, kind: 'email' });
    expect(byId.get('00U4')).toMatchObject({
      account_id: s.contoso.id,
      kind: 'meeting',
      occurred_at: '2026-01-15T15:00:00.000Z',
    });
    expect(byId.get('00T5')).toMatchObject({ account_id: s.northwind.id, contact_ids: '[]' });
    // The sponsor's last touch moves to the newest call; the buyer's to the QBR.
    expect(await lastTouch(s.sponsor.id)).toBe('2026-03-02T00:00:00.000Z');
    expect(await lastTouch(s.buyer.id)).toBe('2026-01-15T15:00:00.000Z');
    const again = await upload(s.csm, 'touches', csv);
    expect(again.json()).toMatchObject({ created: 0, unchanged: 4 });
  });

  it('reads a HubSpot activity export: Activity type, Activity date, Associated Contact emails, Associated Company', async () => {
    const s = await setUp();
    const csv = [
      'Record ID,Activity type,Activity date,Subject,Associated Contact,Associated Company,Call direction',
      '901,MEETING,2026-02-25 14:00,Kick-off,Sam Sponsor (sam@northwind.example);Cleo C (cleo@northwind.example),Northwind Traders,',
      '902,INCOMING_EMAIL,2026-02-26 09:12,Re: invoice,Bo Buyer (bo@contoso.example),,',
      '903,CALL,2026-02-27 10:00,Check-in,,Contoso,OUTBOUND',
      '904,NOTE,2026-02-27 11:00,Internal note,,Contoso,',
      '905,CALL,2026-02-28 10:00,Who?,stranger@unknown.example,,',
      '906,LUNCH,2026-02-28 10:00,Food,bo@contoso.example,,',
    ].join('\n');
    const res = await upload(s.csm, 'touches', csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ format: 'hubspot', read: 6, created: 3, skipped: 1, rejected: 2 });
    expect(errorsOf(res)).toEqual(['5:contact_email', '6:kind']);
    const stored = new Map((await rows('relationship_touches', s.ws)).map((r) => [r.external_id, r]));
    expect(stored.get('901')).toMatchObject({ account_id: s.northwind.id, kind: 'meeting', source: 'hubspot' });
    expect(JSON.parse(stored.get('901')?.contact_ids ?? '[]').sort()).toEqual([s.sponsor.id, s.champion.id].sort());
    expect(stored.get('902')).toMatchObject({ account_id: s.contoso.id, kind: 'email', direction: 'inbound' });
    expect(stored.get('903')).toMatchObject({ account_id: s.contoso.id, kind: 'call', direction: 'outbound' });
    // The sponsor's newer last touch (2026-02-20) moves to the kick-off; an older touch would not have.
    expect(await lastTouch(s.sponsor.id)).toBe('2026-02-25T14:00:00.000Z');
    expect(await lastTouch(s.champion.id)).toBe('2026-02-25T14:00:00.000Z');
  });

  it('never moves a last touch back: an older activity leaves a newer last touch as it was', async () => {
    const s = await setUp();
    const csv = ['kind,occurred_at,contact_email', 'call,2026-01-02T10:00:00Z,sam@northwind.example'].join('\n');
    const res = await upload(s.csm, 'touches', csv);
    expect(res.json()).toMatchObject({ format: 'touches', created: 1 });
    expect(await lastTouch(s.sponsor.id)).toBe('2026-02-20T00:00:00.000Z');
  });
});
