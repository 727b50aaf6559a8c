import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPlaybook } from '../../src/modules/delivery/playbooks/playbook.rules.ts';
import { playbookFileSchema } from '../../src/modules/delivery/playbooks/playbook.ts';
import {
  BUILTIN_FILES,
  installBuiltInPlaybooks,
} from '../../src/modules/delivery/playbooks/playbook-builtin.service.ts';
import { getPlaybookVersion, selectPlaybook } from '../../src/modules/delivery/playbooks/playbook.service.ts';
import { SYSTEM_ACTOR } from '../../src/platform/auth/principal.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let slugs = 0;

const fieldsOf = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((e) => e.field);
/** A small sound playbook in its file form; tests change one thing at a time. */
function file(key: string, overrides: Record<string, unknown> = {}) {
  return {
    key,
    name: `Playbook ${key}`,
    products: [] as string[],
    segments: [] as string[],
    definition: {
      phases: [
        {
          key: 'setup',
          name: 'Setup',
          milestones: [
            { key: 'kickoff', name: 'Kickoff', onboarding: true },
            { key: 'first-value', name: 'First report', targetDay: 14, completionEvent: 'Report Published' },
          ],
          tasks: [
            {
              key: 'kickoff-call',
              name: 'Kickoff call',
              ownerRole: 'project_manager',
              effortHours: 2,
              durationDays: 1,
              milestone: 'kickoff',
            },
            {
              key: 'admin',
              name: 'Name an admin',
              ownerRole: 'customer',
              customerOwned: true,
              effortHours: 1,
              durationDays: 2,
              dependsOn: ['kickoff-call'],
              milestone: 'kickoff',
            },
            {
              key: 'configure',
              name: 'Configure',
              ownerRole: 'consultant',
              effortHours: 8,
              durationDays: 3,
              dependsOn: ['admin'],
            },
          ],
        },
        {
          key: 'launch',
          name: 'Launch',
          milestones: [{ key: 'go-live', name: 'Go-live' }],
          tasks: [
            {
              key: 'train',
              name: 'Train users',
              ownerRole: 'trainer',
              effortHours: 4,
              durationDays: 1,
              dependsOn: ['configure'],
              milestone: 'go-live',
            },
          ],
        },
      ],
      firstValueMilestone: 'first-value',
      goLiveMilestone: 'go-live',
      goLiveChecklist: ['Users signed in'],
    },
    ...overrides,
  };
}
type File = ReturnType<typeof file>;
const definitionOf = (f: File) =>
  f.definition as unknown as {
    phases: Array<{ tasks: Array<Record<string, unknown>>; milestones: Array<Record<string, unknown>> }>;
    firstValueMilestone?: string;
  };

const create = (client: Client, body: unknown) =>
  client.request({ method: 'POST', url: '/api/v1/playbooks', payload: body as object });

/** A workspace of its own, with the built-in playbooks every new workspace gets: an admin, delivery and a viewer. */
async function setUp() {
  const ws = await t.workspace(`acme-${++slugs}`);
  const admin = await t.login((await t.user(ws, 'admin')).email);
  const delivery = await t.login((await t.user(ws, 'delivery')).email);
  const viewer = await t.login((await t.user(ws, 'viewer')).email);
  const count = async (table: 'playbooks' | 'playbook_versions') =>
    Number(
      (
        await t.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('workspace_id', '=', ws)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const auditActions = async (entityId: string) =>
    (
      await t.ctx.db
        .selectFrom('audit_log')
        .select('action')
        .where('workspace_id', '=', ws)
        .where('entity_id', '=', entityId)
        .orderBy('at')
        .orderBy('id')
        .execute()
    ).map((a) => a.action);
  return { ws, admin, delivery, viewer, count, auditActions };
}
type World = Awaited<ReturnType<typeof setUp>>;

/** Delivery's "onboarding" playbook at version 1. */
async function onboarding({ delivery }: World): Promise<string> {
  const res = await create(delivery, file('onboarding'));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** "onboarding" at version 2: a hand-over task added after training. */
async function onboardingV2(w: World): Promise<string> {
  const id = await onboarding(w);
  const next = file('onboarding');
  definitionOf(next).phases[1]!.tasks.push({
    key: 'handover',
    name: 'Hand over',
    ownerRole: 'project_manager',
    effortHours: 2,
    durationDays: 1,
    dependsOn: ['train'],
    milestone: 'go-live',
  });
  const res = await w.delivery.request({
    method: 'PUT',
    url: `/api/v1/playbooks/${id}/definition`,
    headers: { 'if-match': '"1"' },
    payload: { definition: next.definition, note: 'hand over to success' },
  });
  expect(res.json().version).toBe(2);
  return id;
}

/** "onboarding" at version 2, renamed and selected for Insights on smb. */
async function onboardingForInsightsOnSmb(w: World): Promise<string> {
  const id = await onboardingV2(w);
  const res = await w.delivery.request({
    method: 'PATCH',
    url: `/api/v1/playbooks/${id}`,
    payload: { name: 'Onboarding', products: ['Insights'], segments: ['smb'] },
  });
  expect(res.statusCode, res.body).toBe(200);
  return id;
}

/** Two playbooks for Insights: one for any segment, one for enterprise buying Insights and Planner. */
async function insightsPlaybooks({ delivery }: World): Promise<void> {
  await create(delivery, file('insights-any', { products: ['Insights'], priority: 0 }));
  await create(delivery, file('insights-enterprise', { products: ['Insights', 'Planner'], segments: ['enterprise'] }));
}

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t?.close();
});

describe('built-in playbooks', () => {
  it('are installed when a workspace is created, each sound, each with a first-value milestone and a completion event', async () => {
    const { viewer } = await setUp();
    const res = await viewer.request({ method: 'GET', url: '/api/v1/playbooks' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{
      key: string;
      version: number;
      taskCount: number;
      totalEffortHours: number;
      typicalDurationDays: number;
      segments: string[];
    }>;
    expect(items.map((p) => p.key).sort()).toEqual([
      'enterprise-implementation',
      'mid-market-standard',
      'smb-quick-start',
    ]);
    expect(BUILTIN_FILES).toHaveLength(3);
    const weeks: Record<string, number> = {};
    for (const item of items) {
      expect(item.version).toBe(1);
      expect(item.taskCount).toBeGreaterThanOrEqual(12);
      expect(item.taskCount).toBeLessThanOrEqual(50);
      weeks[item.key] = item.typicalDurationDays / 5;
      const detail = (
        await viewer.request({ method: 'GET', url: `/api/v1/playbooks/${(item as unknown as { id: string }).id}` })
      ).json();
      const f = playbookFileSchema.parse({ ...detail, definition: detail.definition });
      expect(checkPlaybook(f)).toEqual([]);
      const milestones = f.definition.phases.flatMap((p) => p.milestones);
      const tasks = f.definition.phases.flatMap((p) => p.tasks);
      expect(milestones.find((m) => m.key === f.definition.firstValueMilestone)?.targetDay).toEqual(expect.any(Number));
      expect(milestones.some((m) => m.completionEvent)).toBe(true);
      expect(milestones.some((m) => m.onboarding)).toBe(true);
      expect(tasks.some((x) => x.customerOwned)).toBe(true);
      expect(f.definition.goLiveChecklist.length).toBeGreaterThan(0);
    }
    expect(weeks['smb-quick-start']).toBeGreaterThanOrEqual(3);
    expect(weeks['smb-quick-start']).toBeLessThanOrEqual(4);
    expect(weeks['mid-market-standard']).toBeGreaterThanOrEqual(8);
    expect(weeks['mid-market-standard']).toBeLessThanOrEqual(10);
    expect(weeks['enterprise-implementation']).toBeGreaterThanOrEqual(16);
    expect(weeks['enterprise-implementation']).toBeLessThanOrEqual(20);
  });

  it('installs only the missing ones when run again', async () => {
    const { ws, count } = await setUp();
    const before = await count('playbooks');
    expect(await installBuiltInPlaybooks(t.ctx.db, SYSTEM_ACTOR, ws)).toEqual({ installed: [] });
    expect(await count('playbooks')).toBe(before);
  });

  it('are selected by segment for a deal', async () => {
    const other = await t.workspace('selection-builtins');
    expect((await selectPlaybook(t.ctx.db, other, { products: ['Anything'], segment: 'enterprise' }))?.key).toBe(
      'enterprise-implementation',
    );
    expect((await selectPlaybook(t.ctx.db, other, { products: [], segment: 'smb' }))?.key).toBe('smb-quick-start');
    expect(await selectPlaybook(t.ctx.db, other, { products: [], segment: null })).toBeNull();
  });
});

describe('creating and versioning', () => {
  it('creates a playbook at version 1 with its figures, audited', async () => {
    const { delivery, auditActions } = await setUp();
    const res = await create(delivery, file('onboarding'));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    const id = body.id;
    expect(res.headers.etag).toBe('"1"');
    expect(body).toMatchObject({
      key: 'onboarding',
      version: 1,
      taskCount: 4,
      totalEffortHours: 15,
      typicalDurationDays: 7,
      archived: false,
      effortByRole: { project_manager: 2, consultant: 8, trainer: 4 },
    });
    expect(body.versions).toEqual([expect.objectContaining({ version: 1, taskCount: 4 })]);
    expect(await auditActions(id)).toEqual(['playbook.create']);
  });

  it('refuses a second playbook with the same key (409)', async () => {
    const w = await setUp();
    const { admin } = w;
    await onboarding(w);
    const res = await create(admin, file('onboarding'));
    expect(res.statusCode).toBe(409);
    expect(fieldsOf(res.json())).toEqual(['body.key']);
  });

  it('saves a new immutable version with If-Match; the old version stays as it was', async () => {
    const w = await setUp();
    const { ws, delivery, viewer, auditActions } = w;
    const id = await onboarding(w);
    const next = file('onboarding');
    definitionOf(next).phases[1]!.tasks.push({
      key: 'handover',
      name: 'Hand over',
      ownerRole: 'project_manager',
      effortHours: 2,
      durationDays: 1,
      dependsOn: ['train'],
      milestone: 'go-live',
    });
    const res = await delivery.request({
      method: 'PUT',
      url: `/api/v1/playbooks/${id}/definition`,
      headers: { 'if-match': '"1"' },
      payload: { definition: next.definition, note: 'hand over to success' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json()).toMatchObject({ version: 2, taskCount: 5 });
    expect(res.json().versions.map((v: { version: number; note: string | null }) => [v.version, v.note])).toEqual([
      [2, 'hand over to success'],
      [1, null],
    ]);
    const v1 = await viewer.request({ method: 'GET', url: `/api/v1/playbooks/${id}/versions/1` });
    expect(v1.statusCode).toBe(200);
    expect(v1.json().definition.phases[1].tasks.map((x: { key: string }) => x.key)).toEqual(['train']);
    expect((await getPlaybookVersion(t.ctx.db, ws, id, 1)).definition.phases[1]!.tasks).toHaveLength(1);
    expect((await getPlaybookVersion(t.ctx.db, ws, id, null)).version).toBe(2);
    expect(await auditActions(id)).toEqual(['playbook.create', 'playbook.version']);
  });

  it('refuses a save based on an older version (412), saving nothing', async () => {
    const w = await setUp();
    const { delivery, count } = w;
    const id = await onboardingV2(w);
    const versions = await count('playbook_versions');
    const res = await delivery.request({
      method: 'PUT',
      url: `/api/v1/playbooks/${id}/definition`,
      headers: { 'if-match': '"1"' },
      payload: { definition: file('onboarding').definition },
    });
    expect(res.statusCode).toBe(412);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await count('playbook_versions')).toBe(versions);
  });

  it('answers 404 for a version that does not exist', async () => {
    const w = await setUp();
    const { viewer } = w;
    const id = await onboarding(w);
    expect((await viewer.request({ method: 'GET', url: `/api/v1/playbooks/${id}/versions/9` })).statusCode).toBe(404);
    expect((await viewer.request({ method: 'GET', url: `/api/v1/playbooks/${id}/versions/latest` })).statusCode).toBe(
      404,
    );
  });

  it('changes name and selection rules without a new version, and archives', async () => {
    const w = await setUp();
    const { delivery, viewer, auditActions } = w;
    const id = await onboardingV2(w);
    const res = await delivery.request({
      method: 'PATCH',
      url: `/api/v1/playbooks/${id}`,
      payload: { name: 'Onboarding', products: ['Insights'], segments: ['smb'] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Onboarding', products: ['Insights'], segments: ['smb'], version: 2 });
    const archived = await delivery.request({
      method: 'PATCH',
      url: `/api/v1/playbooks/${id}`,
      payload: { archived: true },
    });
    expect(archived.json()).toMatchObject({ archived: true, archivedAt: expect.any(String) });
    const active = (await viewer.request({ method: 'GET', url: '/api/v1/playbooks?archived=false' }))
      .json()
      .items.map((p: { key: string }) => p.key);
    expect(active).not.toContain('onboarding');
    await delivery.request({ method: 'PATCH', url: `/api/v1/playbooks/${id}`, payload: { archived: false } });
    expect((await auditActions(id)).slice(2)).toEqual(['playbook.update', 'playbook.archive', 'playbook.unarchive']);
  });
});

describe('refusing unsound playbooks (400 naming the field, nothing saved)', () => {
  const cases: Array<[string, (f: File) => void, string[]]> = [
    [
      'a dependency cycle',
      (f) => (definitionOf(f).phases[0]!.tasks[0]!.dependsOn = ['train']),
      ['body.definition.phases[0].tasks[0].dependsOn[0]'],
    ],
    [
      'no first-value milestone',
      (f) => delete definitionOf(f).firstValueMilestone,
      ['body.definition.firstValueMilestone'],
    ],
    [
      'an unknown dependency',
      (f) => (definitionOf(f).phases[1]!.tasks[0]!.dependsOn = ['configure', 'cofigure']),
      ['body.definition.phases[1].tasks[0].dependsOn[1]'],
    ],
    [
      'an unknown role',
      (f) => (definitionOf(f).phases[0]!.tasks[2]!.ownerRole = 'wizard'),
      ['body.definition.phases[0].tasks[2].ownerRole'],
    ],
    [
      'a negative effort',
      (f) => (definitionOf(f).phases[0]!.tasks[2]!.effortHours = -1),
      ['body.definition.phases[0].tasks[2].effortHours'],
    ],
  ];

  it.each(cases)('%s, on create', async (_name, breakIt, fields) => {
    const { delivery, count } = await setUp();
    const [playbooks, versions] = [await count('playbooks'), await count('playbook_versions')];
    const f = file('broken');
    breakIt(f);
    const res = await create(delivery, f);
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldsOf(res.json())).toEqual(fields);
    expect([await count('playbooks'), await count('playbook_versions')]).toEqual([playbooks, versions]);
  });

  it.each(cases)('%s, on a new version', async (_name, breakIt, fields) => {
    const { delivery, viewer } = await setUp();
    const target = (await viewer.request({ method: 'GET', url: '/api/v1/playbooks' }))
      .json()
      .items.find((p: { key: string }) => p.key === 'smb-quick-start');
    const f = file('x');
    breakIt(f);
    const res = await delivery.request({
      method: 'PUT',
      url: `/api/v1/playbooks/${target.id}/definition`,
      headers: { 'if-match': `"${target.version}"` },
      payload: { definition: f.definition },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldsOf(res.json())).toEqual(fields);
    const after = (await viewer.request({ method: 'GET', url: `/api/v1/playbooks/${target.id}` })).json();
    expect(after.version).toBe(target.version);
  });

  it('the cycle message names the tasks in order', async () => {
    const { delivery } = await setUp();
    const f = file('cyclic');
    definitionOf(f).phases[0]!.tasks[0]!.dependsOn = ['train'];
    const res = await create(delivery, f);
    expect(res.json().errors[0].message).toMatch(/kickoff-call → train → configure → admin → kickoff-call/);
  });
});

describe('selection rules', () => {
  it('shows which playbook a deal would get and why the others would not', async () => {
    const w = await setUp();
    const { ws, viewer } = w;
    await onboardingForInsightsOnSmb(w);
    await insightsPlaybooks(w);
    const enterprise = await viewer.request({
      method: 'GET',
      url: '/api/v1/playbooks/match?products=insights,Billing&segment=enterprise',
    });
    expect(enterprise.statusCode).toBe(200);
    const body = enterprise.json();
    // Most specific first at equal priority (products and segment beat one rule), then the oldest.
    expect(body.selected.key).toBe('insights-enterprise');
    expect(
      body.candidates
        .filter((c: { rank: number | null }) => c.rank !== null)
        .map((c: { playbook: { key: string } }) => c.playbook.key),
    ).toEqual(['insights-enterprise', 'enterprise-implementation', 'insights-any']);
    expect(
      body.candidates.find((c: { playbook: { key: string } }) => c.playbook.key === 'smb-quick-start'),
    ).toMatchObject({ matches: false, reason: 'for segments smb only' });
    // "onboarding" is for Insights on smb: two rules, more specific than either one-rule playbook.
    expect((await selectPlaybook(t.ctx.db, ws, { products: ['Insights'], segment: 'smb' }))?.key).toBe('onboarding');
    expect((await selectPlaybook(t.ctx.db, ws, { products: ['Insights'], segment: 'mid_market' }))?.key).toBe(
      'mid-market-standard',
    );
  });

  it('puts priority first and never selects an archived playbook', async () => {
    const w = await setUp();
    const { ws, delivery, viewer } = w;
    await onboardingForInsightsOnSmb(w);
    await insightsPlaybooks(w);
    const list = (await viewer.request({ method: 'GET', url: '/api/v1/playbooks' })).json().items as Array<{
      id: string;
      key: string;
    }>;
    const smb = list.find((p) => p.key === 'smb-quick-start')!;
    await delivery.request({ method: 'PATCH', url: `/api/v1/playbooks/${smb.id}`, payload: { priority: 10 } });
    expect((await selectPlaybook(t.ctx.db, ws, { products: ['Insights'], segment: 'smb' }))?.key).toBe(
      'smb-quick-start',
    );
    await delivery.request({ method: 'PATCH', url: `/api/v1/playbooks/${smb.id}`, payload: { archived: true } });
    const chosen = await selectPlaybook(t.ctx.db, ws, { products: ['Insights'], segment: 'smb' });
    expect(chosen?.key).toBe('onboarding');
    expect(chosen).toMatchObject({ version: 2, definition: { firstValueMilestone: 'first-value' } });
    await delivery.request({
      method: 'PATCH',
      url: `/api/v1/playbooks/${smb.id}`,
      payload: { archived: false, priority: 0 },
    });
  });
});

describe('import and export', () => {
  const importText = (client: Client, payload: string, contentType: string) =>
    client.request({
      method: 'POST',
      url: '/api/v1/playbooks/import',
      headers: { 'content-type': contentType },
      payload,
    });

  it('round-trips YAML and JSON: export then import makes no new version', async () => {
    const { delivery, viewer, count } = await setUp();
    const list = (await viewer.request({ method: 'GET', url: '/api/v1/playbooks' })).json().items as Array<{
      id: string;
      key: string;
    }>;
    const mid = list.find((p) => p.key === 'mid-market-standard')!;
    const versions = await count('playbook_versions');
    for (const format of ['yaml', 'json'] as const) {
      const exported = await viewer.request({
        method: 'GET',
        url: `/api/v1/playbooks/${mid.id}/export?format=${format}`,
      });
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-type']).toContain(format === 'yaml' ? 'application/yaml' : 'application/json');
      expect(exported.headers['content-disposition']).toBe(`attachment; filename="mid-market-standard.${format}"`);
      const parsed = format === 'yaml' ? parse(exported.body) : JSON.parse(exported.body);
      expect(parsed).toMatchObject({ key: 'mid-market-standard', segments: ['mid_market'] });
      const again = await importText(
        delivery,
        exported.body,
        format === 'yaml' ? 'application/yaml' : 'application/json',
      );
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toMatchObject({ outcome: 'unchanged', playbook: { version: 1 } });
    }
    expect(await count('playbook_versions')).toBe(versions);
  });

  it('creates a playbook from YAML, then versions it when its content changes', async () => {
    const { admin, delivery, viewer, auditActions } = await setUp();
    const yaml = (
      await viewer.request({
        method: 'GET',
        url: `/api/v1/playbooks/${(await create(admin, file('from-yaml'))).json().id}/export`,
      })
    ).body;
    const created = await importText(delivery, yaml.replace('key: from-yaml', 'key: imported-yaml'), 'text/yaml');
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ outcome: 'created', playbook: { key: 'imported-yaml', version: 1 } });
    const changed = yaml.replace('key: from-yaml', 'key: imported-yaml').replace('effortHours: 8', 'effortHours: 12');
    const versioned = await importText(delivery, changed, 'text/plain');
    expect(versioned.json()).toMatchObject({ outcome: 'versioned', playbook: { version: 2, totalEffortHours: 19 } });
    const renamed = await importText(
      delivery,
      changed.replace('name: Playbook from-yaml', 'name: Imported'),
      'application/yaml',
    );
    expect(renamed.json()).toMatchObject({ outcome: 'updated', playbook: { version: 2, name: 'Imported' } });
    expect(await auditActions(created.json().playbook.id)).toEqual([
      'playbook.create',
      'playbook.version',
      'playbook.update',
    ]);
  });

  it('detects JSON without a content type it knows', async () => {
    const { delivery } = await setUp();
    const res = await importText(delivery, JSON.stringify(file('detected-json')), 'application/octet-stream');
    expect(res.statusCode, res.body).toBe(201);
  });

  it('names the line of a YAML syntax error, and each field of an unsound file; nothing saved', async () => {
    const { delivery, count } = await setUp();
    const playbooks = await count('playbooks');
    const syntax = await importText(
      delivery,
      'key: bad\nname: Bad\ndefinition:\n  phases: [\n  oops: 1\n',
      'application/yaml',
    );
    expect(syntax.statusCode).toBe(400);
    expect(syntax.json().errors[0]).toMatchObject({
      field: 'body',
      message: expect.stringMatching(/^line \d+, column \d+:/),
    });
    const f = file('bad-yaml');
    definitionOf(f).phases[1]!.tasks[0]!.dependsOn = ['nowhere'];
    delete definitionOf(f).firstValueMilestone;
    const unsound = await importText(delivery, JSON.stringify(f), 'application/json');
    expect(unsound.statusCode).toBe(400);
    expect(fieldsOf(unsound.json())).toEqual(['body.definition.firstValueMilestone']);
    delete (f as Partial<File>).name;
    expect(fieldsOf((await importText(delivery, JSON.stringify(f), 'application/json')).json())).toEqual([
      'body.name',
      'body.definition.firstValueMilestone',
    ]);
    expect(await count('playbooks')).toBe(playbooks);
  });

  it('refuses a body that is not a playbook file type (415)', async () => {
    const { delivery } = await setUp();
    expect((await importText(delivery, 'a,b\n1,2\n', 'text/csv')).statusCode).toBe(415);
  });
});

describe('access', () => {
  it('lets partner users and viewers read playbooks but never change them', async () => {
    const { ws, viewer } = await setUp();
    const partner = await t.login(
      (await t.user(ws, 'partner', { partnerId: await t.partner(ws, 'Implementers Ltd') })).email,
    );
    const list = await partner.request({ method: 'GET', url: '/api/v1/playbooks' });
    expect(list.statusCode).toBe(200);
    const id = list.json().items[0].id;
    for (const client of [partner, viewer]) {
      expect((await create(client, file('nope'))).statusCode).toBe(403);
      expect(
        (await client.request({ method: 'PATCH', url: `/api/v1/playbooks/${id}`, payload: { name: 'x' } })).statusCode,
      ).toBe(403);
      expect(
        (
          await client.request({
            method: 'PUT',
            url: `/api/v1/playbooks/${id}/definition`,
            payload: { definition: file('x').definition },
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await client.request({
            method: 'POST',
            url: '/api/v1/playbooks/import',
            headers: { 'content-type': 'application/json' },
            payload: JSON.stringify(file('nope')),
          })
        ).statusCode,
      ).toBe(403);
    }
  });

  it('never shows another workspace’s playbooks', async () => {
    const { admin } = await setUp();
    const other = await t.workspace('elsewhere');
    const otherAdmin = await t.login((await t.user(other, 'admin')).email);
    const mine = (await create(admin, file('private-to-acme'))).json().id;
    expect((await otherAdmin.request({ method: 'GET', url: `/api/v1/playbooks/${mine}` })).statusCode).toBe(404);
    expect(
      (await otherAdmin.request({ method: 'GET', url: '/api/v1/playbooks' }))
        .json()
        .items.map((p: { key: string }) => p.key),
    ).not.toContain('private-to-acme');
  });
});
