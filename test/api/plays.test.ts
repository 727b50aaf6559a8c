import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPOSITION } from '../../src/app/modules.ts';
import { startMatchingPlays } from '../../src/modules/plays/play-run.service.ts';
import { addDays } from '../../src/modules/plays/play.ts';
import { raiseSignal } from '../../src/modules/signals/index.ts';
import { enqueueJob } from '../../src/platform/jobs/job.service.ts';
import { buildAccount, buildSubscription } from '../helpers/fixtures/index.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const TODAY = '2026-11-20';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { now: () => NOW });
});
afterAll(async () => t?.close());

type Task = {
  id: string;
  title: string;
  role: string | null;
  assigneeUserId: string | null;
  assignmentNote: string | null;
  due: string;
  doneAt: string | null;
};
type Run = {
  id: string;
  playId: string;
  status: string;
  startedOn: string;
  trigger: string;
  signalId: string | null;
  outcome: { success: boolean; signalResolved: boolean | null; tasksDone: number; sentence: string } | null;
  tasks: Task[];
};
type Play = {
  id: string;
  builtinKey: string | null;
  name: string;
  version: number;
  enabled: boolean;
  triggerWords: string;
  runs: number;
  successRate: number | null;
  definition?: { tasks: unknown[] };
};

async function team(slug: string) {
  const ws = await t.workspace(slug);
  const ana = await t.user(ws, 'csm', { email: `ana@${slug}.test` });
  const sam = await t.user(ws, 'sales', { email: `sam@${slug}.test` });
  const lead = await t.user(ws, 'leader', { email: `lead@${slug}.test` });
  const account = await buildAccount(t.ctx.db, ws, { name: 'Acme', csm_user_id: ana.userId, ae_user_id: sam.userId });
  return { ws, ana, sam, account, leader: await t.login(lead.email), csm: await t.login(ana.email) };
}

const plays = async (c: Client): Promise<Play[]> => {
  const res = await c.request({ method: 'GET', url: '/api/v1/plays' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};
const playByKey = async (c: Client, key: string) => (await plays(c)).find((p) => p.builtinKey === key) as Play;
const runsOf = async (c: Client, playId: string): Promise<Run[]> => {
  const res = await c.request({ method: 'GET', url: `/api/v1/plays/${playId}/runs` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};
const sponsorSignal = (ws: string, accountId: string, severity: 'warning' | 'severe' = 'warning') =>
  raiseSignal(t.ctx.db, {
    workspaceId: ws,
    kind: 'renewal.sponsor_untouched',
    accountId,
    severity,
    subjectType: 'account',
    subjectId: accountId,
    title: 'Sponsor untouched at Acme',
    evidence: { thresholdDays: 60 },
  });

async function runDaily(workspaceId: string) {
  await enqueueJob(t.ctx.db, COMPOSITION.jobs, { type: 'plays.daily', payload: {}, workspaceId, runAt: NOW });
  expect(await t.runJobs({ now: NOW })).toEqual([]);
}

describe('plays', () => {
  it('gives every workspace the built-in plays, their triggers in words', async () => {
    const { leader } = await team('builtins');
    const list = await plays(leader);
    expect(list.map((p) => p.builtinKey).sort()).toEqual([
      'expansion-healthy-60',
      'expansion-unentitled-feature',
      'hypercare-30',
      'low-adoption-enablement',
      'renewal-review-120',
      'slip-recovery',
      'sponsor-reengagement',
    ]);
    const review = list.find((p) => p.builtinKey === 'renewal-review-120') as Play;
    expect(review).toMatchObject({ enabled: true, version: 1, runs: 0, successRate: null });
    expect(review.triggerWords).toBe('120 days before the renewal');
  });

  it('starts a run when its signal is raised, tasks dated from that day and assigned by owner role', async () => {
    const { ws, ana, account, leader, csm } = await team('signal-run');
    const signal = await sponsorSignal(ws, account.id);
    const play = await playByKey(leader, 'sponsor-reengagement');
    const [run, ...more] = await runsOf(leader, play.id);
    expect(more).toEqual([]);
    const day = signal.firstSeenAt.slice(0, 10);
    expect(run).toMatchObject({ status: 'open', startedOn: day, signalId: signal.id });
    expect(run?.trigger).toContain('Acme: renewal.sponsor_untouched signal raised (warning)');
    expect(run?.tasks.map((x) => [x.title, x.role, x.assigneeUserId, x.due, x.assignmentNote])).toEqual([
      ['Email the sponsor for a check-in', 'csm', ana.userId, addDays(day, 2), null],
      // Nobody is Acme's account manager: the CSM who holds the account gets it, and the task says so.
      [
        'Hold the executive check-in',
        'csm',
        ana.userId,
        addDays(day, 14),
        'Acme has no account manager: assigned to its CSM',
      ],
    ]);

    // Raised again (its severity rose) or refreshed: still one run.
    await sponsorSignal(ws, account.id, 'severe');
    await sponsorSignal(ws, account.id, 'severe');
    expect(await runsOf(leader, play.id)).toHaveLength(1);

    // The tasks join Ana's work, the play and its trigger named.
    const work = await csm.request({ method: 'GET', url: '/api/v1/my-work' });
    const items = work.json().items as Array<{ kind: string; id: string; why: string; href: string }>;
    const task = items.find((i) => i.kind === 'play_task' && i.id === run?.tasks[0]?.id);
    expect(task?.why).toContain('The play “Executive sponsor re-engagement” started on Acme');
    expect(task?.href).toBe(`/my-work/plays/runs/${run?.id}`);
  });

  it('starts one run when two runners meet the same occurrence at once', async () => {
    const { ws, account, leader } = await team('race');
    const play = await playByKey(leader, 'hypercare-30');
    const occurrence = { type: 'go_live', goLive: TODAY } as const;
    const started = await Promise.all(
      [1, 2].map(() =>
        t.ctx.db
          .transaction()
          .execute((trx) => startMatchingPlays(trx, ws, account.id, occurrence, TODAY, NOW.toISOString())),
      ),
    );
    expect(started.map((s) => s.length).sort()).toEqual([0, 1]);
    const runs = await runsOf(leader, play.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.tasks).toHaveLength(4);

    const byHand = await Promise.all(
      [1, 2].map(() =>
        leader.request({ method: 'POST', url: `/api/v1/plays/${play.id}/start`, payload: { accountId: account.id } }),
      ),
    );
    expect(byHand.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(byHand[0]?.json().id).toBe(byHand[1]?.json().id);
    expect(await runsOf(leader, play.id)).toHaveLength(2);
  });

  it('ends a run when its tasks are done and judges it; reopening a task opens it again', async () => {
    const { account, leader, csm } = await team('complete');
    const play = await playByKey(leader, 'renewal-review-120');
    const started = await leader.request({
      method: 'POST',
      url: `/api/v1/plays/${play.id}/start`,
      payload: { accountId: account.id },
    });
    expect(started.statusCode, started.body).toBe(201);
    const run = started.json() as Run;
    expect(run.startedOn).toBe(TODAY);
    expect(run.tasks.map((x) => x.due)).toEqual([addDays(TODAY, 7), addDays(TODAY, 14), addDays(TODAY, 30)]);
    let last: Run = run;
    for (const task of run.tasks) {
      const res = await csm.request({ method: 'POST', url: `/api/v1/play-tasks/${task.id}/complete` });
      expect(res.statusCode, res.body).toBe(200);
      last = res.json();
    }
    expect(last.status).toBe('done');
    expect(last.outcome).toMatchObject({ success: true, signalResolved: null, tasksDone: 3 });
    expect(last.outcome?.sentence).toBe('Worked: no health score to compare; 3 of 3 tasks done.');
    expect(await playByKey(leader, 'renewal-review-120')).toMatchObject({ runs: 1, successRate: 1 });

    const reopened = await csm.request({ method: 'POST', url: `/api/v1/play-tasks/${run.tasks[0]?.id}/reopen` });
    expect(reopened.json()).toMatchObject({ status: 'open', outcome: null });
  });

  it('ends a run whose signal was dismissed, and records that the signal went', async () => {
    const { ws, account, leader, csm } = await team('dismissed');
    const signal = await sponsorSignal(ws, account.id);
    const play = await playByKey(leader, 'sponsor-reengagement');
    const dismissed = await csm.request({
      method: 'POST',
      url: `/api/v1/signals/${signal.id}/dismiss`,
      payload: { reason: 'not_relevant' },
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    await runDaily(ws);
    const [run] = await runsOf(leader, play.id);
    expect(run).toMatchObject({ status: 'ended', outcome: { signalResolved: true, success: true, tasksDone: 0 } });
    const completing = await csm.request({ method: 'POST', url: `/api/v1/play-tasks/${run?.tasks[0]?.id}/complete` });
    expect(completing.statusCode).toBe(409);
  });

  it('starts the renewal review 120 days ahead, once per renewal, in the daily run', async () => {
    const { ws, account, leader } = await team('renewal');
    await buildSubscription(t.ctx.db, ws, {
      account_id: account.id,
      start_date: '2026-03-01',
      renews_on: addDays(TODAY, 100),
      currency: 'USD',
    });
    const far = await buildAccount(t.ctx.db, ws, { name: 'Far Co' });
    await buildSubscription(t.ctx.db, ws, {
      account_id: far.id,
      start_date: '2026-03-01',
      renews_on: addDays(TODAY, 200),
    });
    await runDaily(ws);
    await runDaily(ws);
    const play = await playByKey(leader, 'renewal-review-120');
    const runs = await runsOf(leader, play.id);
    expect(runs.map((r) => [r.status, r.startedOn, r.trigger])).toEqual([
      ['open', TODAY, `Acme: renews on ${addDays(TODAY, 100)}, 120 days before the renewal`],
    ]);
  });

  it('starts a play made by hand on a low survey answer', async () => {
    const { account, leader, csm, ana } = await team('survey');
    const created = await leader.request({
      method: 'POST',
      url: '/api/v1/plays',
      payload: {
        name: 'Detractor call',
        trigger: { type: 'survey', survey: 'nps', below: 7 },
        tasks: [{ title: 'Call the detractor', role: 'csm', dueInDays: 1, instructions: 'Listen first.' }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const play = created.json() as Play;
    expect(play.triggerWords).toBe('when an NPS answer is below 7');
    const answer = (score: number, respondedAt: string) =>
      csm.request({
        method: 'POST',
        url: '/api/v1/relationship/surveys',
        payload: { accountId: account.id, kind: 'nps', score, respondedAt },
      });
    expect((await answer(9, '2026-11-17T10:00:00Z')).statusCode).toBe(201);
    expect(await runsOf(leader, play.id)).toEqual([]);
    expect((await answer(3, '2026-11-18T10:00:00Z')).statusCode).toBe(201);
    const [run] = await runsOf(leader, play.id);
    expect(run?.startedOn).toBe('2026-11-18');
    expect(run?.tasks.map((x) => [x.assigneeUserId, x.due])).toEqual([[ana.userId, '2026-11-19']]);
  });

  it('saves a new version (runs keep theirs), refuses a stale one, and a disabled play starts nothing', async () => {
    const { ws, account, leader } = await team('versions');
    const play = await playByKey(leader, 'sponsor-reengagement');
    const detail = (await leader.request({ method: 'GET', url: `/api/v1/plays/${play.id}` })).json();
    const saved = await leader.request({
      method: 'PUT',
      url: `/api/v1/plays/${play.id}`,
      payload: { ...detail.definition, name: 'Sponsor back', enabled: false, expectedVersion: 1 },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, enabled: false, name: 'Sponsor back' });
    const stale = await leader.request({
      method: 'PUT',
      url: `/api/v1/plays/${play.id}`,
      payload: { ...detail.definition, expectedVersion: 1 },
    });
    expect(stale.statusCode).toBe(409);
    await sponsorSignal(ws, account.id);
    expect(await runsOf(leader, play.id)).toEqual([]);
  });

  it('names the field of a bad play', async () => {
    const { leader, csm } = await team('invalid');
    const post = (payload: object, c = leader) => c.request({ method: 'POST', url: '/api/v1/plays', payload });
    const base = { name: 'P', trigger: { type: 'deal_confirmed' } };
    const fieldsOf = (res: { json(): { errors?: Array<{ field: string }> } }) =>
      (res.json().errors ?? []).map((e) => e.field);
    const empty = await post({ ...base, tasks: [] });
    expect(empty.statusCode).toBe(400);
    expect(fieldsOf(empty)).toContain('body.tasks');
    const both = await post({ ...base, tasks: [{ title: 'T', role: 'csm', userId: 'x', dueInDays: 1 }] });
    expect(both.statusCode).toBe(400);
    expect(fieldsOf(both)).toContain('body.tasks.0.role');
    const stranger = await post({ ...base, tasks: [{ title: 'T', userId: 'nobody', dueInDays: 1 }] });
    expect(stranger.statusCode).toBe(400);
    expect(fieldsOf(stranger)).toContain('body.tasks.0.userId');
    const trigger = await post({ ...base, trigger: { type: 'renewal', daysBefore: 0 }, tasks: [] });
    expect(fieldsOf(trigger)).toContain('body.trigger.daysBefore');
    expect((await post({ ...base, tasks: [{ title: 'T', role: 'csm', dueInDays: 1 }] }, csm)).statusCode).toBe(403);
  });
});
