import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPOSITION } from '../../src/app/modules.ts';
import { addDays } from '../../src/modules/plays/play.ts';
import { accountMatcher, applySubscriptionBatch } from '../../src/modules/revenue/index.ts';
import { addRollupCounts } from '../../src/modules/usage/index.ts';
import { enqueueJob } from '../../src/platform/jobs/job.service.ts';
import { buildProject, buildSubscription, fixtureId } from '../helpers/fixtures/index.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * The triggers that come with a step of the journey or an expansion sign: each starts its play at once (or in the
 * daily run), once per occurrence, and only on the accounts it concerns.
 */

const NOW = new Date('2026-11-20T12:00:00.000Z');
const TODAY = '2026-11-20';

let t: TestApp;
let slugs = 0;
beforeAll(async () => {
  t = await createTestApp({}, { now: () => NOW });
});
afterAll(async () => t?.close());

type Run = { id: string; status: string; startedOn: string; trigger: string; tasks: Array<{ due: string }> };
type Task = { id: string; state: string; dependsOn: string[]; key: string; milestoneKey: string | null };
type Project = {
  id: string;
  tasks: Task[];
  milestones: Array<{ key: string; firstValue: boolean }>;
  firstValueOn: string | null;
  goLiveChecklist: string[];
};

async function setUp() {
  const ws = await t.workspace(`play-triggers-${++slugs}`);
  const admin = await t.login((await t.user(ws, 'admin')).email);
  const account = async (name: string) => {
    const res = await admin.request({ method: 'POST', url: '/api/v1/accounts', payload: { name, segment: 'smb' } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const play = async (trigger: object, name = 'Play') => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/plays',
      payload: { name, trigger, tasks: [{ title: 'Call the sponsor', role: 'csm', dueInDays: 3 }] },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; triggerWords: string };
  };
  const project = async (accountId: string): Promise<Project> => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/projects',
      payload: { accountId, promisedGoLive: addDays(TODAY, 90) },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const post = async (url: string, payload: object = {}) => {
    const res = await admin.request({ method: 'POST', url, payload });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  return { ws, admin, account, play, project, post };
}

const runsOf = async (c: Client, playId: string): Promise<Run[]> => {
  const res = await c.request({ method: 'GET', url: `/api/v1/plays/${playId}/runs` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};

/** The daily plays as of a day (the runner's clock stays at NOW, so no other daily job rescores in between). */
async function runDaily(workspaceId: string, asOf?: string) {
  const payload = asOf ? { asOf } : {};
  await enqueueJob(t.ctx.db, COMPOSITION.jobs, { type: 'plays.daily', payload, workspaceId, runAt: NOW });
  expect(await t.runJobs({ now: NOW })).toEqual([]);
}

/** Marks every task done in dependency order, as a delivery lead would. */
async function finishTasks(admin: Client, p: Project): Promise<Project> {
  let cur = p;
  for (let round = 0; round < 20 && cur.tasks.some((x) => x.state !== 'done'); round++)
    for (const x of cur.tasks) {
      if (x.state === 'done' || x.dependsOn.some((d) => cur.tasks.find((y) => y.key === d)?.state !== 'done')) continue;
      const res = await admin.request({
        method: 'PATCH',
        url: `/api/v1/projects/${p.id}/tasks/${x.id}`,
        payload: { state: 'done' },
      });
      expect(res.statusCode, res.body).toBe(200);
      cur = res.json();
    }
  return cur;
}

describe('lifecycle triggers from delivery', () => {
  it('starts a kickoff play when the project kicks off, once, and not for a kickoff recorded weeks late', async () => {
    const { admin, account, play, project, post } = await setUp();
    const kickoff = await play({ type: 'kickoff' });
    expect(kickoff.triggerWords).toBe('when the project kicks off');
    const acme = await account('Acme');
    const late = await account('Late Co');
    const p = await project(acme);
    const q = await project(late);
    expect(await runsOf(admin, kickoff.id)).toEqual([]);

    await post(`/api/v1/projects/${p.id}/kickoff`);
    await post(`/api/v1/projects/${q.id}/kickoff`, { on: addDays(TODAY, -30) });
    const runs = await runsOf(admin, kickoff.id);
    expect(runs.map((r) => [r.status, r.startedOn, r.trigger, r.tasks[0]?.due])).toEqual([
      ['open', TODAY, `Acme: project kicked off on ${TODAY}, when the project kicks off`, addDays(TODAY, 3)],
    ]);
  });

  it('starts first-value and go-live plays at once, each once; the daily catch-up starts no second run', async () => {
    const { ws, admin, account, play, project, post } = await setUp();
    const firstValue = await play({ type: 'first_value' }, 'First value story');
    const hypercare = (
      (await admin.request({ method: 'GET', url: '/api/v1/plays' })).json().items as Array<{
        id: string;
        builtinKey: string;
      }>
    ).find((x) => x.builtinKey === 'hypercare-30')!;
    const acme = await account('Acme');
    const idle = await account('Idle Co');
    await post(`/api/v1/projects/${(await project(idle)).id}/kickoff`);
    const p = await project(acme);
    await post(`/api/v1/projects/${p.id}/kickoff`);

    const done = await finishTasks(admin, p);
    expect(done.firstValueOn).toBe(TODAY);
    const [fv, ...more] = await runsOf(admin, firstValue.id);
    expect(more).toEqual([]);
    expect(fv?.trigger).toBe(`Acme: first value reached on ${TODAY}, when the customer reaches first value`);

    // Un-reached and reached again: the same occurrence, no second run.
    const fvKey = done.milestones.find((m) => m.firstValue)!.key;
    const reopened = await admin.request({
      method: 'PATCH',
      url: `/api/v1/projects/${p.id}/tasks/${done.tasks.find((x) => x.milestoneKey === fvKey)!.id}`,
      payload: { state: 'todo' },
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json().firstValueOn).toBeNull();
    await finishTasks(admin, reopened.json());
    expect(await runsOf(admin, firstValue.id)).toHaveLength(1);

    expect(await runsOf(admin, hypercare.id)).toEqual([]);
    await post(`/api/v1/projects/${p.id}/go-live`, { checklist: p.goLiveChecklist });
    const live = await runsOf(admin, hypercare.id);
    expect(live.map((r) => [r.startedOn, r.trigger])).toEqual([
      [TODAY, `Acme: went live on ${TODAY}, on the go-live day`],
    ]);
    await runDaily(ws);
    await runDaily(ws, addDays(TODAY, 2));
    expect(await runsOf(admin, hypercare.id)).toHaveLength(1);
  });
});

describe('expansion triggers', () => {
  const score = (workspaceId: string, accountId: string, day: string, band: string, current = false) => ({
    id: fixtureId(),
    workspace_id: workspaceId,
    account_id: accountId,
    scored_at: `${day}T06:00:00.000Z`,
    score: band === 'green' ? 80 : band === 'yellow' ? 55 : 30,
    band,
    scorecard_version: 1,
    components: '{"dimensions":[]}',
    is_current: current ? 1 : 0,
  });

  it('starts a play once when an account has been healthy for N days since its go-live, not before', async () => {
    const { ws, admin, account, play } = await setUp();
    const expansion = await play({ type: 'healthy_after_go_live', days: 60 }, 'Expansion conversation');
    expect(expansion.triggerWords).toBe('when the account has been healthy for 60 days since its go-live');
    const steady = await account('Steady');
    const wobbly = await account('Wobbly');
    const fresh = await account('Fresh');
    const goLive = addDays(TODAY, -80);
    for (const [id, on] of [
      [steady, goLive],
      [wobbly, goLive],
      [fresh, addDays(TODAY, -20)],
    ] as const)
      await buildProject(t.ctx.db, ws, {
        account_id: id,
        status: 'live',
        go_live_on: on,
        kickoff_on: addDays(on, -60),
      });
    await t.ctx.db
      .insertInto('health_scores')
      .values([
        // Yellow before the go-live, green from the week after it: 73 days healthy.
        score(ws, steady, addDays(goLive, -30), 'yellow'),
        score(ws, steady, addDays(goLive, 7), 'green', true),
        // Green, then a red spell 40 days ago: only 40 days healthy now.
        score(ws, wobbly, addDays(goLive, 1), 'green'),
        score(ws, wobbly, addDays(TODAY, -45), 'red'),
        score(ws, wobbly, addDays(TODAY, -40), 'green', true),
        // Live only 20 days, green all along.
        score(ws, fresh, addDays(TODAY, -20), 'green', true),
      ])
      .execute();
    await runDaily(ws);
    await runDaily(ws, addDays(TODAY, 1));
    const runs = await runsOf(admin, expansion.id);
    expect(runs.map((r) => r.trigger)).toEqual([
      `Steady: healthy since ${addDays(goLive, 7)}, live since ${goLive}, ` +
        'when the account has been healthy for 60 days since its go-live',
    ]);
    // Twenty days on, Wobbly has 60 healthy days too.
    await runDaily(ws, addDays(TODAY, 20));
    expect((await runsOf(admin, expansion.id)).map((r) => r.trigger.split(':')[0]).sort()).toEqual([
      'Steady',
      'Wobbly',
    ]);
  });

  it('starts a play once per account, plan and feature used outside the plan, a new plan a new occurrence', async () => {
    const { ws, admin, account, play } = await setUp();
    const upsell = await play({ type: 'unentitled_feature' }, 'Upsell the used feature');
    const feature = await admin.request({
      method: 'POST',
      url: '/api/v1/usage/features',
      payload: { key: 'sso', name: 'Single sign-on', events: ['SSO Login'], plans: ['enterprise'] },
    });
    expect(feature.statusCode, feature.body).toBe(201);
    const starter = await account('Starter Co');
    const entitled = await account('Big Corp');
    const unknown = await account('No Plan Inc');
    await buildSubscription(t.ctx.db, ws, { account_id: starter, plan: 'starter' });
    await buildSubscription(t.ctx.db, ws, { account_id: entitled, plan: 'enterprise' });
    const used = (accountId: string, day: string, event = 'SSO Login') => ({
      account_id: accountId,
      day,
      feature: event,
      events: 4,
    });
    await addRollupCounts(
      t.ctx.db,
      ws,
      [used(starter, addDays(TODAY, -3)), used(entitled, addDays(TODAY, -3)), used(unknown, addDays(TODAY, -3))],
      [],
    );
    await runDaily(ws);
    await runDaily(ws);
    const runs = await runsOf(admin, upsell.id);
    expect(runs.map((r) => r.trigger)).toEqual([
      `Starter Co: used Single sign-on since ${addDays(TODAY, -3)}, not in the starter plan, ` +
        'when the account uses a feature its plan is not entitled to',
    ]);

    // Big Corp moves to the team plan: its use of SSO outside it starts the play the next day.
    await t.ctx.db.transaction().execute(async (trx) =>
      applySubscriptionBatch(trx, { workspaceId: ws, matcher: await accountMatcher(trx, ws) }, [
        {
          row: 1,
          record: {
            source: 'csv',
            externalId: 'big-team',
            accountRef: entitled,
            accountName: null,
            start: '2026-01-01',
            end: null,
            arrCents: 5_000_000,
            mrrCents: null,
            seats: null,
            plan: 'team',
            trial: false,
            currency: 'EUR',
            billingPeriod: 'annual',
            autoRenew: null,
            renewsOn: null,
            status: null,
          },
        },
      ]),
    );
    expect(await runsOf(admin, upsell.id)).toHaveLength(1);
    await runDaily(ws, addDays(TODAY, 1));
    expect((await runsOf(admin, upsell.id)).map((r) => r.trigger.split(':')[0]).sort()).toEqual([
      'Big Corp',
      'Starter Co',
    ]);
  });

  it('starts a play once when a team not active before in an account gets enough active users', async () => {
    const { ws, admin, account, play } = await setUp();
    const newTeam = await play({ type: 'new_team_active', minUsers: 2 }, 'Meet the new team');
    expect(newTeam.triggerWords).toBe('when a team not active before has 2 or more active users');
    const bad = await admin.request({ method: 'PUT', url: '/api/v1/usage/team-trait', payload: { traitKey: 'a b' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toContain('body.traitKey');
    const set = await admin.request({ method: 'PUT', url: '/api/v1/usage/team-trait', payload: { traitKey: 'team' } });
    expect(set.json()).toEqual({ traitKey: 'team' });

    const acme = await account('Acme');
    const newco = await account('Newco');
    const key = await t.apiKey(ws, 'ingest');
    let n = 0;
    const user = (userId: string, groupId: string, team: string, day: string) => [
      {
        type: 'identify',
        messageId: `id-${++n}`,
        userId,
        traits: { team, company: { id: groupId } },
        timestamp: `${day}T09:00:00Z`,
      },
      {
        type: 'track',
        messageId: `tr-${++n}`,
        userId,
        event: 'Report Viewed',
        context: { groupId },
        timestamp: `${day}T10:00:00Z`,
      },
    ];
    const batch = [
      // Acme's operations team has used the product for a month; finance joins this week with two people.
      ...user('ops-1', acme, 'Operations', addDays(TODAY, -30)),
      ...user('fin-1', acme, 'Finance', addDays(TODAY, -2)),
      ...user('fin-2', acme, 'Finance', addDays(TODAY, -1)),
      // One lawyer is not a team yet; an old team is not new; Newco's first team is onboarding, not expansion.
      ...user('law-1', acme, 'Legal', addDays(TODAY, -1)),
      ...user('ops-2', acme, 'operations', addDays(TODAY, -1)),
      ...user('s-1', newco, 'Sales', addDays(TODAY, -2)),
      ...user('s-2', newco, 'Sales', addDays(TODAY, -1)),
    ];
    const res = await t.inject({
      method: 'POST',
      url: '/v1/batch',
      payload: { batch },
      headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    await runDaily(ws);
    await runDaily(ws, addDays(TODAY, 1));
    const runs = await runsOf(admin, newTeam.id);
    expect(runs.map((r) => r.trigger)).toEqual([
      `Acme: Finance active since ${addDays(TODAY, -2)} (2 users), ` +
        'when a team not active before has 2 or more active users',
    ]);
  });

  it('names the field of a bad trigger', async () => {
    const { admin } = await setUp();
    const post = (trigger: object) =>
      admin.request({
        method: 'POST',
        url: '/api/v1/plays',
        payload: { name: 'P', trigger, tasks: [{ title: 'T', role: 'csm', dueInDays: 1 }] },
      });
    const fields = async (trigger: object) => {
      const res = await post(trigger);
      expect(res.statusCode).toBe(400);
      return (res.json().errors as Array<{ field: string }>).map((e) => e.field);
    };
    expect(await fields({ type: 'healthy_after_go_live', days: 3 })).toContain('body.trigger.days');
    expect(await fields({ type: 'go_live', afterDays: -1 })).toContain('body.trigger.afterDays');
    expect(await fields({ type: 'first_valu' })).toContain('body.trigger.type');
    expect(await fields({ type: 'new_team_active', minUsers: 0 })).toContain('body.trigger.minUsers');
  });
});
