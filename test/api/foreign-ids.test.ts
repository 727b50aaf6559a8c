import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { applyDealBatch } from '../../src/modules/deals/deal.service.ts';
import { DEFAULT_GUARD } from '../../src/modules/deals/deal.ts';
import { StageMap } from '../../src/modules/deals/stage-mapping.ts';
import { fieldsOf, looksLikeId, type RefKind, refId, referencesOf } from '../../src/platform/http/references.ts';
import { COMPOSITION } from '../../src/app/modules.ts';

const REF_KINDS = [...COMPOSITION.references.keys()] as RefKind[];
const idsOf = (kind: RefKind) => COMPOSITION.references.get(kind)!.ids;
import { dayFromToday } from '../helpers/delivery.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * Generated from the server's own table of writes: every id a write body names carries the kind of record
 * it names (`refId(kind)`), and an id of another workspace, of another partner firm, or of nothing is
 * refused with 400 naming the field, before anything is written. A write route that gains an id field is
 * covered without touching this file; one with no base body below fails until it gets one.
 */

type Ids = Record<RefKind, string>;

let t: TestApp;
let admin: Client;
/** Records of every kind in the caller's workspace, and in another one. */
const own = {} as Ids;
const foreign = {} as Ids;
/** Path ids in the caller's workspace, by route family, so only the body can refuse a request. */
const ownPath: Record<string, string> = {};
let ownTask = '';
let spareMember = '';
let partnerWorkspace = '';
let otherWorkspace = '';
const firms = { mine: '', other: '' };
const partnerFixtures = {
  project: '',
  otherProject: '',
  resource: '',
  otherResource: '',
  task: '',
  otherTask: '',
  member: '',
  otherMember: '',
};
let partnerClient: Client;

const UNKNOWN_ID = '00000000-0000-7000-8000-000000000000';

/** A Zod-valid body for each write route that names records, without the reference under test. */
const BASE_BODIES: Record<string, () => Record<string, unknown>> = {
  'POST /api/v1/users': () => ({
    email: `invitee-${Math.random().toString(36).slice(2)}@example.com`,
    role: 'partner',
  }),
  'PATCH /api/v1/users/:id': () => ({}),
  'POST /api/v1/accounts': () => ({ name: 'Foreign Corp', segment: 'smb' }),
  'PATCH /api/v1/accounts/:id': () => ({}),
  'POST /api/v1/commitments': () => ({ accountId: own.account, what: 'SSO', toName: 'CTO', words: 'by Q3' }),
  'PATCH /api/v1/commitments/:id': () => ({ what: 'SSO' }),
  'PUT /api/v1/handoffs/:id/content': () => ({ content: {} }),
  'POST /api/v1/handoffs/:id/accept': () => ({}),
  'POST /api/v1/accounts/:id/ownership-handoffs': () => ({ toRole: 'csm', toUserId: own.user }),
  'POST /api/v1/resources': () => ({ name: 'Pat', role: 'consultant', weeklyCapacityHours: 40 }),
  'PATCH /api/v1/resources/:id': () => ({}),
  'POST /api/v1/time-entries': () => ({
    projectId: own.project,
    resourceId: own.resource,
    date: dayFromToday(-1),
    hours: 1,
  }),
  'PATCH /api/v1/time-entries/:id': () => ({ hours: 1 }),
  'POST /api/v1/projects': () => ({ accountId: own.account, name: 'Foreign project' }),
  'PATCH /api/v1/projects/:id': () => ({ name: 'Renamed' }),
  'PATCH /api/v1/projects/:id/tasks/:taskId': () => ({}),
  'POST /api/v1/projects/:id/tasks': () => ({ name: 'Extra', phase: 'Setup', effortHours: 1 }),
  'POST /api/v1/projects/:id/tasks/:taskId/assignment-preview': () => ({}),
  'POST /api/v1/projects/:id/comments': () => ({ text: 'A note' }),
  'POST /api/v1/projects/:id/rework': () => ({ hours: 1, cause: 'defect' }),
  'POST /api/v1/relationship/surveys': () => ({
    items: [{ accountId: own.account, kind: 'nps', score: 9, respondedAt: '2026-01-05T10:00:00Z' }],
  }),
  'POST /api/v1/relationship/touches': () => ({
    items: [{ accountId: own.account, kind: 'call', occurredAt: '2026-01-05T10:00:00Z' }],
  }),
  'POST /api/v1/alerts/subscriptions': () => ({ channel: 'email', target: 'alerts@acme.example' }),
  'POST /api/v1/regulatory-events/:id/reviews': () => ({ accountId: own.account, note: 'Reviewed with legal' }),
  'POST /api/v1/plays/:id/start': () => ({ accountId: own.account }),
  'POST /api/v1/knowledge/deflections': () => ({ query: 'How do I rotate the certificate?' }),
  'POST /api/v1/assistant/answers': () => ({ question: 'How do I rotate the certificate?' }),
  'POST /api/v1/plays': () => ({
    name: `Named follow-up ${Math.random().toString(36).slice(2)}`,
    trigger: { type: 'deal_confirmed' },
    tasks: [{ title: 'Call the sponsor', dueInDays: 1 }], // a named person (the field tried) instead of a role
  }),
  'PUT /api/v1/plays/:id': () => ({
    name: 'Named follow-up',
    trigger: { type: 'deal_confirmed' },
    tasks: [{ title: 'Call the sponsor', dueInDays: 1 }], // a named person (the field tried) instead of a role
  }),
};

const pathOf = (url: string) =>
  url.replace(':taskId', ownTask).replace(':id', () => {
    const family = url.split('/')[3] ?? '';
    const id = ownPath[family];
    if (!id) throw new Error(`no own-workspace record for the :id of ${url}`);
    return id;
  });

/** The body with `value` at a field's path (the first item of any list), and the name an error gives it. */
function withValue(
  base: Record<string, unknown>,
  path: string[],
  value: string,
): { body: Record<string, unknown>; field: string } {
  const body = structuredClone(base);
  let node: Record<string, unknown> | unknown[] = body;
  path.forEach((step, i) => {
    const key = step === '*' ? 0 : step;
    const last = i === path.length - 1;
    const container = node as Record<string | number, unknown>;
    if (last) container[key] = value;
    else {
      if (typeof container[key] !== 'object' || container[key] === null) container[key] = path[i + 1] === '*' ? [] : {};
      if (path[i + 1] === '*' && Array.isArray(container[key]) && (container[key] as unknown[]).length === 0)
        (container[key] as unknown[]).push({});
      node = container[key] as Record<string, unknown>;
    }
  });
  return { body, field: `body.${path.map((s) => (s === '*' ? '0' : s)).join('.')}` };
}

/** Rows in every table, in one statement: what "nothing written" is measured by. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = (await t.ctx.db.introspection.getTables())
    .map((x) => x.name)
    .filter((n) => !n.startsWith('kysely_') && n !== 'sessions');
  const union = sql.join(
    tables.map((name) => sql`select ${name} as t, count(*) as n from ${sql.table(name)}`),
    sql` union all `,
  );
  const { rows } = await sql<{ t: string; n: number | string }>`${union}`.execute(t.ctx.db);
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

async function recordsOf(client: Client, workspaceId: string, ids: Ids, label: string): Promise<void> {
  const post = async (url: string, payload: unknown) => {
    const res = await client.request({ method: 'POST', url, payload: payload as Record<string, unknown> });
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string };
  };
  ids.partner = await t.partner(workspaceId, `${label} Partners`);
  ids.user = (await t.user(workspaceId, 'delivery')).userId;
  ids.account = (await post('/api/v1/accounts', { name: `${label} Corp`, segment: 'smb' })).id;
  ids.contact = (
    await post(`/api/v1/accounts/${ids.account}/contacts`, { name: `${label} Champion`, role: 'champion' })
  ).id;
  ids.resource = (
    await post('/api/v1/resources', { name: `${label} Consultant`, role: 'consultant', weeklyCapacityHours: 40 })
  ).id;
  ids.project = (await post('/api/v1/projects', { accountId: ids.account, name: `${label} project` })).id;
  ids.playbook = (
    await t.ctx.db
      .selectFrom('playbooks')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow()
  ).id;
  ids.task = (
    await t.ctx.db
      .selectFrom('project_tasks')
      .select('id')
      .where('project_id', '=', ids.project)
      .executeTakeFirstOrThrow()
  ).id;
  const record = {
    source: 'csv' as const,
    externalId: `${label}-1`,
    name: `${label} deal`,
    accountName: `${label} Corp`,
    accountExternalId: null,
    stage: 'won',
    stageCategory: 'won' as const,
    pipeline: null,
    amount: 1000,
    currency: 'USD',
    closeDate: '2026-10-01',
    signedDate: '2026-10-01',
    createdDate: null,
    owner: null,
    products: [],
    partner: null,
  };
  await applyDealBatch(
    t.ctx.db,
    { workspaceId, guard: DEFAULT_GUARD, stages: new StageMap([]), unmappedStages: new Set() },
    [{ row: 1, record }],
  );
  ids.deal = (
    await t.ctx.db.selectFrom('deals').select('id').where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow()
  ).id;
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.workspace('alpha');
  admin = await t.login((await t.user(a, 'admin')).email);
  await recordsOf(admin, a, own, 'Alpha');
  spareMember = (await t.user(a, 'viewer')).userId;

  const b = await t.workspace('beta');
  otherWorkspace = b;
  const bAdmin = await t.login((await t.user(b, 'admin')).email);
  await recordsOf(bAdmin, b, foreign, 'Beta');

  // Path ids of the caller's own workspace.
  ownTask = own.task;
  ownPath.users = spareMember;
  ownPath.accounts = own.account;
  ownPath.projects = own.project;
  ownPath.resources = own.resource;
  ownPath.commitments = (
    await admin.request({
      method: 'POST',
      url: '/api/v1/commitments',
      payload: { accountId: own.account, what: 'SSO', toName: 'CTO', words: 'by Q3' },
    })
  ).json().id;
  ownPath['time-entries'] = (
    await admin.request({
      method: 'POST',
      url: '/api/v1/time-entries',
      payload: { projectId: own.project, resourceId: own.resource, date: dayFromToday(-1), hours: 2 },
    })
  ).json().id;
  await admin.request({
    method: 'PUT',
    url: `/api/v1/deals/${own.deal}/finance-confirmation`,
    payload: { confirmed: true },
  });
  ownPath.handoffs = (
    await t.ctx.db.selectFrom('handoff_briefs').select('id').where('workspace_id', '=', a).executeTakeFirstOrThrow()
  ).id;
  ownPath['regulatory-events'] = (
    await admin.request({
      method: 'POST',
      url: '/api/v1/regulatory-events',
      payload: { name: 'Data residency rule', industries: [], regions: [], effectiveOn: dayFromToday(30) },
    })
  ).json().id;
  ownPath.plays = (await admin.request({ method: 'GET', url: '/api/v1/plays' })).json().items[0]?.id;
  for (const [family, id] of Object.entries(ownPath)) if (!id) throw new Error(`no own ${family}`);

  // Two partner firms of the caller's workspace, each with a project and a person.
  partnerWorkspace = a;
  firms.mine = own.partner;
  firms.other = await t.partner(a, 'Other Partners');
  const mine = await t.user(a, 'partner', { partnerId: firms.mine });
  partnerFixtures.member = mine.userId;
  partnerFixtures.otherMember = (await t.user(a, 'partner', { partnerId: firms.other })).userId;
  partnerClient = await t.login(mine.email);
  const project = async (partnerId: string, name: string) =>
    (
      await admin.request({
        method: 'POST',
        url: '/api/v1/projects',
        payload: { accountId: own.account, name, partnerId },
      })
    ).json().id as string;
  partnerFixtures.project = await project(firms.mine, 'Mine');
  partnerFixtures.otherProject = await project(firms.other, 'Theirs');
  const resource = async (partnerId: string, name: string) =>
    (
      await admin.request({
        method: 'POST',
        url: '/api/v1/resources',
        payload: { name, role: 'consultant', weeklyCapacityHours: 40, partnerId },
      })
    ).json().id as string;
  partnerFixtures.resource = await resource(firms.mine, 'Our consultant');
  partnerFixtures.otherResource = await resource(firms.other, 'Their consultant');
  const firstTask = async (projectId: string) =>
    (
      await t.ctx.db
        .selectFrom('project_tasks')
        .select('id')
        .where('project_id', '=', projectId)
        .orderBy('id')
        .executeTakeFirstOrThrow()
    ).id;
  partnerFixtures.task = await firstTask(partnerFixtures.project);
  partnerFixtures.otherTask = await firstTask(partnerFixtures.otherProject);
});

afterAll(async () => {
  await t?.close();
});

describe('the id fields of write bodies', () => {
  it('each carries the kind of record it names, or says it names none', () => {
    const unannotated = t.server.writes.flatMap((w) =>
      fieldsOf(w.body)
        .filter((f) => !f.meta && looksLikeId(f.path.filter((s) => s !== '*').at(-1) ?? ''))
        .map((f) => `${w.method} ${w.url} body.${f.path.join('.')}`),
    );
    expect(unannotated, 'use refId(kind) for an id naming a record, externalId(schema, why) otherwise').toEqual([]);
    expect(t.server.writes.filter((w) => w.references.length > 0).length).toBeGreaterThan(15);
  });

  it('an id field without its kind is found (the check above can fail)', () => {
    const body = z.object({
      accountId: z.string(),
      items: z.array(z.object({ ownerUserId: z.string().nullable() })),
      name: z.string(),
    });
    const flagged = fieldsOf(body).filter((f) => !f.meta && looksLikeId(f.path.filter((s) => s !== '*').at(-1) ?? ''));
    expect(flagged.map((f) => f.path.join('.'))).toEqual(['accountId', 'items.*.ownerUserId']);
    const annotated = z.object({
      accountId: refId('account').max(50).describe('again').nullable().optional(),
      list: z.array(refId('user')),
    });
    expect(referencesOf(annotated)).toEqual([
      { path: ['accountId'], kind: 'account' },
      { path: ['list', '*'], kind: 'user' },
    ]);
  });

  it('has a base body for every write route that names records', () => {
    const missing = t.server.writes
      .filter((w) => w.references.length > 0 && !BASE_BODIES[`${w.method} ${w.url}`])
      .map((w) => `${w.method} ${w.url}`);
    expect(missing).toEqual([]);
  });

  it('has records of every kind in both workspaces', () => {
    for (const kind of REF_KINDS) {
      expect(own[kind], kind).toBeTruthy();
      expect(foreign[kind], kind).toBeTruthy();
      expect(foreign[kind]).not.toBe(own[kind]);
    }
  });
});

describe('a write naming a record of another workspace, or of none', () => {
  const cases = () =>
    t.server.writes.flatMap((w) =>
      w.references.flatMap((ref) => [
        { route: w, ref, label: `another workspace's ${ref.kind}`, value: foreign[ref.kind] },
        { route: w, ref, label: `an unknown ${ref.kind}`, value: UNKNOWN_ID },
      ]),
    );

  it('is refused with 400 naming the field, and writes nothing', async () => {
    const all = cases();
    expect(all.length).toBeGreaterThan(30);
    for (const c of all) {
      const base = (BASE_BODIES[`${c.route.method} ${c.route.url}`] as () => Record<string, unknown>)();
      const { body, field } = withValue(base, c.ref.path, c.value);
      const before = await rowCounts();
      const res = await admin.request({ method: c.route.method as 'POST', url: pathOf(c.route.url), payload: body });
      const what = `${c.route.method} ${c.route.url} ${field} = ${c.label} → ${res.statusCode} ${res.body}`;
      expect(res.statusCode, what).toBe(400);
      expect(res.headers['content-type'], what).toContain('application/problem+json');
      expect(res.json().errors, what).toContainEqual({ field, message: expect.stringContaining('this workspace') });
      expect(await rowCounts(), what).toEqual(before);
    }
  });

  it('is not refused for that field when the record is the workspace’s own', async () => {
    for (const route of t.server.writes) {
      for (const ref of route.references) {
        const base = (BASE_BODIES[`${route.method} ${route.url}`] as () => Record<string, unknown>)();
        const { body, field } = withValue(base, ref.path, own[ref.kind]);
        const res = await admin.request({ method: route.method as 'POST', url: pathOf(route.url), payload: body });
        const named = ((res.body ? res.json().errors : undefined) ?? []).filter(
          (e: { field: string }) => e.field === field,
        );
        expect(named, `${route.method} ${route.url} ${field} → ${res.statusCode} ${res.body}`).toEqual([]);
      }
    }
  });
});

describe('POST /api/v1/projects (the reported case)', () => {
  it.each([
    ['partnerId', 'partner'],
    ['leadUserId', 'user'],
  ] as const)('refuses another workspace’s %s and stores no project', async (field, kind) => {
    const count = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('projects')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/projects',
      payload: { accountId: own.account, name: 'Hijack', [field]: foreign[kind] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: `body.${field}`, message: expect.stringContaining('this workspace') }]);
    expect(await count()).toBe(before);
  });

  it('accepts a user of another workspace once that user is a member of this one', async () => {
    // A user of its own, so the shared foreign user stays foreign for the other tests.
    const outsider = await t.user(otherWorkspace, 'delivery');
    const refused = await admin.request({
      method: 'POST',
      url: '/api/v1/projects',
      payload: { accountId: own.account, name: 'Shared lead', leadUserId: outsider.userId },
    });
    expect(refused.statusCode, refused.body).toBe(400);
    await t.user(partnerWorkspace, 'delivery', { email: outsider.email });
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/projects',
      payload: { accountId: own.account, name: 'Shared lead', leadUserId: outsider.userId },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().leadUserId).toBe(outsider.userId);
  });
});

describe('a partner user’s writes name only its own firm’s records', () => {
  it('refuses another firm’s project, person or task, and writes nothing', async () => {
    const entry = {
      projectId: partnerFixtures.project,
      resourceId: partnerFixtures.resource,
      date: dayFromToday(-1),
      hours: 1,
    };
    const tries = [
      {
        url: '/api/v1/time-entries',
        method: 'POST',
        payload: { ...entry, projectId: partnerFixtures.otherProject },
        field: 'body.projectId',
      },
      {
        url: '/api/v1/time-entries',
        method: 'POST',
        payload: { ...entry, resourceId: partnerFixtures.otherResource },
        field: 'body.resourceId',
      },
      {
        url: '/api/v1/time-entries',
        method: 'POST',
        payload: { ...entry, taskId: partnerFixtures.otherTask },
        field: 'body.taskId',
      },
      {
        url: `/api/v1/projects/${partnerFixtures.project}/tasks/${partnerFixtures.task}`,
        method: 'PATCH',
        payload: { assigneeId: partnerFixtures.otherResource },
        field: 'body.assigneeId',
      },
      {
        url: `/api/v1/projects/${partnerFixtures.project}/comments`,
        method: 'POST',
        payload: { text: 'x', taskId: partnerFixtures.otherTask },
        field: 'body.taskId',
      },
    ];
    for (const attempt of tries) {
      const before = await rowCounts();
      const res = await partnerClient.request({
        method: attempt.method as 'POST',
        url: attempt.url,
        payload: attempt.payload,
      });
      expect(res.statusCode, `${attempt.method} ${attempt.url} ${res.body}`).toBe(400);
      expect(res.json().errors).toContainEqual({
        field: attempt.field,
        message: expect.stringContaining('in this workspace for your partner firm'),
      });
      expect(await rowCounts()).toEqual(before);
    }
  });

  it('names only its own firm’s members and firm (no partner write names them yet: the rule is asked directly)', async () => {
    const scope = { workspaceId: partnerWorkspace, partnerId: firms.mine };
    expect([
      ...(await idsOf('user')(t.ctx.db, scope, [partnerFixtures.member, partnerFixtures.otherMember, own.user])),
    ]).toEqual([partnerFixtures.member]);
    expect([...(await idsOf('partner')(t.ctx.db, scope, [firms.mine, firms.other]))]).toEqual([firms.mine]);
    const workspace = { workspaceId: partnerWorkspace, partnerId: null };
    expect(
      new Set(
        await idsOf('user')(t.ctx.db, workspace, [
          partnerFixtures.member,
          partnerFixtures.otherMember,
          own.user,
          UNKNOWN_ID,
        ]),
      ),
    ).toEqual(new Set([partnerFixtures.member, partnerFixtures.otherMember, own.user]));
  });

  it('accepts its own firm’s records', async () => {
    const created = await partnerClient.request({
      method: 'POST',
      url: '/api/v1/time-entries',
      payload: {
        projectId: partnerFixtures.project,
        resourceId: partnerFixtures.resource,
        taskId: partnerFixtures.task,
        date: dayFromToday(-1),
        hours: 1,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const assigned = await partnerClient.request({
      method: 'PATCH',
      url: `/api/v1/projects/${partnerFixtures.project}/tasks/${partnerFixtures.task}`,
      payload: { assigneeId: partnerFixtures.resource },
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
  });
});
