import { describe, expect, it } from 'vitest';
import {
  assignTask,
  judgeOutcome,
  matchTrigger,
  type Occurrence,
  type Owners,
  playDefinitionSchema,
  successRate,
  type Trigger,
} from './play.ts';

const owners = (o: Partial<Owners>): Owners => ({
  ae: null,
  delivery_lead: null,
  csm: null,
  account_manager: null,
  ...o,
});

describe('play triggers', () => {
  const sponsor: Trigger = { type: 'signal', kind: 'renewal.sponsor_untouched', minSeverity: 'warning' };
  it.each<[Trigger, Occurrence, string, string | null]>([
    [
      sponsor,
      { type: 'signal', kind: 'renewal.sponsor_untouched', severity: 'severe', signalId: 's1' },
      '2026-11-20',
      'signal:s1',
    ],
    [
      sponsor,
      { type: 'signal', kind: 'renewal.sponsor_untouched', severity: 'info', signalId: 's1' },
      '2026-11-20',
      null,
    ],
    [sponsor, { type: 'signal', kind: 'renewal.detractor', severity: 'severe', signalId: 's1' }, '2026-11-20', null],
    [
      { type: 'renewal', daysBefore: 120 },
      { type: 'renewal', renewal: '2027-03-20' },
      '2026-11-20',
      'renewal:2027-03-20',
    ],
    [{ type: 'renewal', daysBefore: 120 }, { type: 'renewal', renewal: '2027-03-21' }, '2026-11-20', null],
    [{ type: 'renewal', daysBefore: 120 }, { type: 'renewal', renewal: '2026-11-19' }, '2026-11-20', null],
    [{ type: 'go_live', afterDays: 0 }, { type: 'go_live', goLive: '2026-11-13' }, '2026-11-20', 'go_live:2026-11-13'],
    [{ type: 'go_live', afterDays: 0 }, { type: 'go_live', goLive: '2026-11-12' }, '2026-11-20', null],
    [{ type: 'go_live', afterDays: 60 }, { type: 'go_live', goLive: '2026-11-12' }, '2026-11-20', null],
    [
      { type: 'survey', survey: 'nps', below: 7 },
      { type: 'survey', survey: 'nps', score: 6, responseId: 'r' },
      '2026-11-20',
      'survey:r',
    ],
    [
      { type: 'survey', survey: 'nps', below: 7 },
      { type: 'survey', survey: 'nps', score: 7, responseId: 'r' },
      '2026-11-20',
      null,
    ],
    [
      { type: 'survey', survey: 'nps', below: 7 },
      { type: 'survey', survey: 'csat', score: 1, responseId: 'r' },
      '2026-11-20',
      null,
    ],
    [
      { type: 'seats_above', percent: 90 },
      { type: 'seats_above', used: 91, licensed: 100, month: '2026-11' },
      '2026-11-20',
      'seats_above:2026-11',
    ],
    [
      { type: 'seats_above', percent: 90 },
      { type: 'seats_above', used: 90, licensed: 100, month: '2026-11' },
      '2026-11-20',
      null,
    ],
    [{ type: 'deal_confirmed' }, { type: 'handoff_accepted', id: 'h' }, '2026-11-20', null],
  ])('%j on %j, %s → %s', (trigger, occurrence, today, key) => {
    expect(matchTrigger(trigger, occurrence, today)).toBe(key);
  });
});

describe('assignment by owner role', () => {
  it.each<[string, Partial<Owners>, string | null, string | null, string | null]>([
    ['csm', { csm: 'c' }, 'c', 'csm', null],
    ['csm', { ae: 'a', delivery_lead: 'd' }, 'd', 'delivery_lead', 'Acme has no CSM: assigned to its delivery lead'],
    [
      'ae',
      { account_manager: 'm' },
      'm',
      'account_manager',
      'Acme has no account executive: assigned to its account manager',
    ],
    ['account_manager', { csm: 'c', ae: 'a' }, 'c', 'csm', 'Acme has no account manager: assigned to its CSM'],
    ['csm', {}, null, null, 'Acme has no owner: nobody is assigned'],
  ])('a %s task with owners %j goes to %s', (role, o, userId, got, note) => {
    expect(assignTask({ role: role as 'csm', userId: null }, owners(o), 'Acme')).toEqual({
      userId,
      role: got,
      note,
    });
  });

  it('gives a named person their task whoever owns the account', () => {
    expect(assignTask({ role: null, userId: 'u' }, owners({ csm: 'c' }), 'Acme')).toEqual({
      userId: 'u',
      role: null,
      note: null,
    });
  });
});

describe('outcomes', () => {
  const base = { startedOn: '2026-10-01', tasksDone: 1, tasksTotal: 2, judgedOn: '2026-10-31' };
  it('counts a run started by a signal as worked when the signal went', () => {
    const o = judgeOutcome({ ...base, signalResolved: true, health: [] });
    expect(o).toMatchObject({ success: true, healthRecovered: null });
    expect(o.sentence).toBe('Worked: the signal went; no health score to compare; 1 of 2 tasks done.');
  });

  it('reads health recovery within 30 days of the start, not after', () => {
    const health = [
      { scoredAt: '2026-09-20T00:00:00Z', score: 40 },
      { scoredAt: '2026-10-15T00:00:00Z', score: 55 },
      { scoredAt: '2026-11-15T00:00:00Z', score: 30 },
    ];
    expect(judgeOutcome({ ...base, signalResolved: null, health })).toMatchObject({
      success: true,
      healthRecovered: true,
      healthBefore: 40,
      healthAfter: 55,
    });
    const fell = [health[0], { scoredAt: '2026-10-20T00:00:00Z', score: 35 }] as typeof health;
    expect(judgeOutcome({ ...base, signalResolved: null, health: fell })).toMatchObject({
      success: false,
      healthRecovered: false,
    });
  });

  it('falls back to the tasks when nothing else tells', () => {
    expect(judgeOutcome({ ...base, signalResolved: null, health: [] }).success).toBe(false);
    expect(judgeOutcome({ ...base, tasksDone: 2, signalResolved: null, health: [] }).success).toBe(true);
  });

  it('gives the success rate of judged runs', () => {
    expect(successRate([])).toBeNull();
    expect(successRate([{ success: true }, { success: false }, { success: true }, { success: true }])).toBe(0.75);
  });
});

describe('play definitions', () => {
  it('takes a role or a named person, not both and not neither', () => {
    const def = (task: object) =>
      playDefinitionSchema.safeParse({ name: 'P', trigger: { type: 'deal_confirmed' }, tasks: [task] });
    expect(def({ title: 'T', role: 'csm', dueInDays: 1 }).success).toBe(true);
    expect(def({ title: 'T', userId: 'u', dueInDays: 1 }).success).toBe(true);
    expect(def({ title: 'T', role: 'csm', userId: 'u', dueInDays: 1 }).success).toBe(false);
    expect(def({ title: 'T', dueInDays: 1 }).success).toBe(false);
  });
});
