import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signalRuleSets } from '../../src/modules/signals/signal-rule-registry.ts';
import { SIGNAL_KINDS } from '../../src/modules/signals/signal.ts';
import { buildAccount, buildContact } from '../helpers/fixtures/index.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

/** The server's clock: every date below is fixed against it. */
const NOW = new Date('2026-03-15T12:00:00.000Z');
const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

/**
 * Kinds raised without a threshold of their own, each with why: every other kind must be declared by a module's
 * `signalRules`, so that Settings › Signal rules shows its numbers.
 */
const WITHOUT_THRESHOLDS: Record<string, string> = {
  'handoff.thin_brief': 'its threshold is the brief scoring’s, per segment (handoffs.scoring)',
  'handoff.repeated_requirement': 'raised when delivery asks about a field the brief had filled',
  'deal.reopened': 'raised when the CRM reopens a won deal',
  'ttv.forecast_late': 'the forecast against the promise, no number to tune',
  'ttv.first_value_overdue': 'the playbook’s own target day',
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { now: () => NOW });
});
afterAll(async () => t?.close());

type RuleSet = {
  settingKey: string;
  module: string;
  rules: Array<{
    key: string;
    stage: string;
    kinds: string[];
    enabled: boolean;
    fields: Array<{ name: string; value: number; default: number }>;
  }>;
  lastRun: { id: string; status: string } | null;
};

async function setUp(slug: string) {
  const ws = await t.workspace(slug);
  const admin = await t.login((await t.user(ws, 'admin')).email);
  const leader = await t.login((await t.user(ws, 'leader')).email);
  const csm = await t.login((await t.user(ws, 'csm')).email);
  return { ws, admin, leader, csm };
}

const list = async (c: Client) => {
  const res = await c.request({ method: 'GET', url: '/api/v1/signal-rules' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as RuleSet[];
};
const put = (c: Client, key: string, payload: object) =>
  c.request({ method: 'PUT', url: `/api/v1/signal-rules/${key}`, payload });

describe('the registry of signal rules', () => {
  it('declares every kind that has thresholds, each in one set', () => {
    const declared = signalRuleSets().flatMap((s) => s.rules.flatMap((r) => r.kinds));
    expect(new Set(declared).size).toBe(declared.length);
    const missing = Object.keys(SIGNAL_KINDS).filter((k) => !declared.includes(k) && !(k in WITHOUT_THRESHOLDS));
    expect(missing).toEqual([]);
    for (const k of declared) expect(Object.keys(SIGNAL_KINDS)).toContain(k);
  });

  it('has a field for every number of each rule’s default, and a default for every field', () => {
    for (const set of signalRuleSets()) {
      const defaults = set.setting.defaultValue as Record<string, Record<string, unknown>>;
      expect(Object.keys(defaults).sort(), set.setting.key).toEqual(set.rules.map((r) => r.key).sort());
      for (const rule of set.rules) {
        const numbers = Object.entries(defaults[rule.key]!).filter(([, v]) => typeof v === 'number');
        expect(rule.fields.map((f) => f.name).sort(), rule.key).toEqual(numbers.map(([k]) => k).sort());
      }
    }
  });
});

describe('signal rules over HTTP', () => {
  it('lists every module’s rules with their stage, values and defaults', async () => {
    const s = await setUp('rules-list');
    const sets = await list(s.csm);
    expect(sets.map((x) => x.settingKey)).toEqual([
      'delivery.signals',
      'usage.signals',
      'relationship.signals',
      'relationship.regulatory-signals',
      'revenue.signals',
      'support.signals',
      'knowledge.signals',
      'health.renewal-signals',
    ]);
    const sponsor = sets[2]!.rules.find((r) => r.key === 'sponsorUntouched')!;
    expect(sponsor).toMatchObject({ stage: 'renewal', enabled: true, kinds: ['renewal.sponsor_untouched'] });
    expect(sponsor.fields).toMatchObject([{ name: 'days', value: 60, default: 60 }]);
    const early = sets[0]!.rules.find((r) => r.key === 'earlyChange')!;
    expect(early).toMatchObject({ stage: 'handoff', fields: [{ name: 'days', value: 14, default: 14 }] });
  });

  it('refuses a wrong threshold naming the field, an unknown set, and people who may not change rules', async () => {
    const s = await setUp('rules-bad');
    const value = { ...defaultsOf((await list(s.admin))[2]!), sponsorUntouched: { enabled: true, days: 0 } };
    const bad = await put(s.admin, 'relationship.signals', value);
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.sponsorUntouched.days']);
    expect((await put(s.admin, 'nothing.signals', value)).statusCode).toBe(404);
    expect((await put(s.csm, 'relationship.signals', value)).statusCode).toBe(403);
    expect((await list(s.admin))[2]!.lastRun).toBeNull();
  });

  it('re-evaluates after a change: a lower threshold opens signals, a higher one closes them, counted', async () => {
    const s = await setUp('rules-rerun');
    const a = await buildAccount(t.ctx.db, s.ws, { name: 'Northwind', domain: 'northwind-rules.example' });
    const b = await buildAccount(t.ctx.db, s.ws, { name: 'Contoso', domain: 'contoso-rules.example' });
    await buildContact(t.ctx.db, s.ws, a.id, { name: 'Sam', role: 'executive_sponsor', last_touch_at: ago(70) });
    await buildContact(t.ctx.db, s.ws, b.id, { name: 'Ada', role: 'executive_sponsor', last_touch_at: ago(40) });
    const first = await s.admin.request({ method: 'POST', url: '/api/v1/relationship/signals/evaluate', payload: {} });
    expect(first.json().raised).toEqual({ 'renewal.sponsor_untouched': 1 });

    const change = async (days: number, enabled = true) => {
      const base = defaultsOf((await list(s.admin))[2]!);
      const res = await put(s.leader, 'relationship.signals', { ...base, sponsorUntouched: { enabled, days } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().lastRun).toMatchObject({ status: 'queued' });
      expect(await t.runJobs({ now: NOW })).toEqual([]);
      const run = await s.csm.request({ method: 'GET', url: `/api/v1/signal-rules/runs/${res.json().lastRun.id}` });
      expect(run.statusCode, run.body).toBe(200);
      return run.json();
    };
    expect(await change(30)).toMatchObject({ status: 'done', accounts: 2, opened: 1, closed: 0 });
    expect(await change(100)).toMatchObject({ status: 'done', accounts: 2, opened: 0, closed: 2 });
    expect(await change(30, false)).toMatchObject({ status: 'done', opened: 0, closed: 0 });
    expect(await change(30)).toMatchObject({ status: 'done', opened: 2, closed: 0 });
    const after = (await list(s.csm))[2]!;
    expect(after.lastRun).toMatchObject({ status: 'done', opened: 2 });
    expect(after.rules.find((r) => r.key === 'sponsorUntouched')!.fields[0]).toMatchObject({ value: 30, default: 60 });
  });

  it('switches a usage rule off, its open signals resolved on the next run', async () => {
    const s = await setUp('rules-usage');
    const usage = (await list(s.admin))[1]!;
    const value = defaultsOf(usage);
    expect(value.lowActiveUsers).toMatchObject({ enabled: true, minRate: 0.4, liveDays: 60 });
    const res = await put(s.admin, 'usage.signals', {
      ...value,
      lowActiveUsers: { ...value.lowActiveUsers, enabled: false },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rules[0]).toMatchObject({ key: 'lowActiveUsers', enabled: false });
    expect(await t.runJobs({ now: NOW })).toEqual([]);
    expect((await list(s.admin))[1]!.lastRun).toMatchObject({ status: 'done', opened: 0, closed: 0 });
  });
});

/** A set's value as its rules read now: what the page sends back with one number changed. */
function defaultsOf(set: RuleSet): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    set.rules.map((r) => [
      r.key,
      { enabled: r.enabled, ...Object.fromEntries(r.fields.map((f) => [f.name, f.value])) },
    ]),
  );
}
