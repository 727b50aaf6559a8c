import { describe, expect, it } from 'vitest';
import { addDays, type DayUserRow } from '../usage/adoption/adoption.ts';
import { DEFAULT_USAGE_THRESHOLDS } from '../usage/signals/usage-signals.settings.ts';
import { usageRules } from '../usage/signals/usage-signals.ts';
import { SIGNAL_KINDS, type SignalKind } from './signal.ts';
import { day, explainSignal } from './signal-explanation.ts';

/** Every kind with evidence as its rule records it, and the sentence Baton says about it. */
const CASES: Array<[SignalKind, Record<string, unknown>, string]> = [
  [
    'handoff.thin_brief',
    {
      completeness: 45,
      threshold: 70,
      submittedAt: '2026-11-02T09:00:00.000Z',
      incomplete: [
        { field: 'Success criteria', status: 'missing' },
        { field: 'Stakeholders', status: 'weak' },
      ],
    },
    'The brief was submitted 45 % complete on 2 Nov 2026, below the 70 % threshold. ' +
      '2 items are missing or incomplete: Success criteria and Stakeholders.',
  ],
  [
    'handoff.repeated_requirement',
    {
      repeatedQuestions: 2,
      latest: { field: 'Integrations', question: 'Which CRM?', briefSaid: 'Salesforce' },
      fields: ['Integrations', 'Data migration'],
    },
    'Delivery asked 2 questions the brief already answered (about Integrations ' +
      'and Data migration). The latest, on Integrations: “Which CRM?”; the brief ' +
      'said “Salesforce”.',
  ],
  [
    'deal.reopened',
    {
      deal: 'Acme renewal',
      stageNow: 'Negotiation',
      amount: 48000,
      currency: 'EUR',
      briefState: 'accepted',
      reopenedAt: '2026-11-03T10:00:00Z',
    },
    'Acme renewal (48,000 EUR) was won, then moved back to stage “Negotiation” ' +
      'in the CRM on 3 Nov 2026. Its handoff brief is accepted.',
  ],
  [
    'handoff.early_slip',
    {
      kickoffOn: '2026-10-01',
      slips: [
        { recordedAt: '2026-10-05T00:00:00Z', days: 7, reason: 'customer' },
        { recordedAt: '2026-10-09T00:00:00Z', days: 3, reason: 'scope' },
      ],
    },
    'The forecast go-live slipped 2 times, by 10 days in all, within two weeks of the kickoff on 1 Oct 2026.',
  ],
  [
    'handoff.early_scope_change',
    { kickoffOn: '2026-10-01', changes: [{ at: '2026-10-04T00:00:00Z' }] },
    'The scope changed once within two weeks of the kickoff on 1 Oct 2026.',
  ],
  [
    'delivery.concentrated_work',
    {
      resourceId: 'r1',
      person: 'Ana Ruiz',
      hours: 42,
      criticalPathHours: 60,
      share: 0.7,
      threshold: 0.5,
      tasks: ['Data load', 'SSO'],
    },
    'Ana Ruiz holds 42 of the 60 hours of open critical-path work (70 %; the ' +
      'limit is 50 %), in 2 tasks: “Data load” and “SSO”.',
  ],
  [
    'delivery.blocked_task',
    {
      projectId: 'p',
      task: 'SSO',
      blockedSince: '2026-11-02T08:00:00Z',
      workingDaysBlocked: 6,
      reason: 'Waiting for the IdP admin',
      threshold: 3,
    },
    'The task “SSO” has been blocked since 2 Nov 2026: 6 working days, past ' +
      'the limit of 3. Reason given: Waiting for the IdP admin.',
  ],
  [
    'delivery.long_duration',
    { projectedDays: 120, percentileDays: 90, percentile: 0.8, completedProjects: 12 },
    'The forecast runs 120 days from kickoff to go-live; 80 % of the 12 completed ' +
      'projects of the same playbook took 90 days or less.',
  ],
  [
    'ttv.forecast_late',
    { promisedGoLive: '2026-12-01', forecastGoLive: '2026-12-15', daysLate: 14 },
    'The forecast go-live, 15 Dec 2026, is 14 days after the go-live promised to the customer, 1 Dec 2026.',
  ],
  [
    'ttv.repeated_slips',
    {
      threshold: 3,
      slips: [
        { recordedAt: '2026-10-01T00:00:00Z', days: 5, reason: 'customer' },
        { recordedAt: '2026-10-20T00:00:00Z', days: 4, reason: 'x' },
        { recordedAt: '2026-11-10T00:00:00Z', days: 10, reason: 'customer_delay' },
      ],
    },
    'The go-live has slipped 3 times (a warning from 3), by 19 days in all. ' +
      'The latest slip, recorded 10 Nov 2026, moved it 10 days (customer delay).',
  ],
  [
    'ttv.first_value_overdue',
    { milestone: 'First report live', dueOn: '2026-11-01', targetDay: 30, daysOverdue: 5 },
    'First value, the milestone “First report live”, was due on 1 Nov 2026 ' +
      '(day 30 after kickoff) and is 5 days overdue.',
  ],
  [
    'adoption.low_active_users',
    {
      asOf: '2026-11-20',
      activeUsers30d: 11,
      seats: 50,
      adoptionRate: 0.22,
      threshold: 0.4,
      liveSince: '2026-08-01',
      liveDays: 111,
    },
    '11 of 50 licensed seats were used in the 30 days to 20 Nov 2026: an adoption ' +
      'rate of 22 % (30-day active users ÷ licensed seats), below the 40 % threshold. ' +
      'The account has used the product since 1 Aug 2026 (111 days).',
  ],
  [
    'adoption.concentrated_usage',
    {
      asOf: '2026-11-20',
      topUsers: [
        { user: 'a', events: 80 },
        { user: 'b', events: 10 },
        { user: 'c', events: 5 },
      ],
      topEvents: 95,
      events30d: 100,
      activeUsers30d: 9,
      share: 0.95,
      threshold: 0.8,
    },
    'The top 3 users made 95 of the 100 events in the 30 days to 20 Nov 2026 ' +
      '(95 %, above the 80 % limit), among 9 active users.',
  ],
  [
    'adoption.declining_usage',
    { asOf: '2026-11-20', activeUsersLast7d: 4, activeUsers4WeeksEarlier: 11, changePct: -63.6, threshold: -30 },
    '4 users were active in the 7 days to 20 Nov 2026, against 11 in the 7 ' +
      'days ending three weeks earlier: down 63.6 % (a warning from a drop of ' +
      '30 %).',
  ],
  [
    'knowledge.key_user_inactive',
    {
      asOf: '2026-11-20',
      inactiveDays: 21,
      lookbackDays: 90,
      inactiveChampions: [
        { contactId: 'c', name: 'Joan Watts', user: 'joan', lastActiveDay: '2026-10-20', daysInactive: 31 },
      ],
      inactiveTopUsers: [{ user: 'u7', events90d: 340, lastActiveDay: '2026-10-25', daysInactive: 26 }],
    },
    'No activity for 21 days or more, as of 20 Nov 2026, from the champion ' +
      'Joan Watts (last active 20 Oct 2026, 31 days ago) and the top user u7 ' +
      '(340 events in 90 days, last active 25 Oct 2026, 26 days ago).',
  ],
  [
    'business.volume_shift',
    {
      asOf: '2026-11-20',
      eventsLast7d: 300,
      baselineWeeklyEvents: 1000,
      baselineWeeks: [1000, 900, 1100, 1000],
      changePct: -70,
      threshold: 50,
    },
    '300 events in the 7 days to 20 Nov 2026, against a weekly average of 1000 ' +
      'over the 4 weeks before: down 70 % (a warning beyond 50 % either way).',
  ],
  [
    'release.underused_feature',
    {
      asOf: '2026-11-20',
      featureName: 'Dashboards',
      releasedOn: '2026-09-01',
      daysSinceRelease: 80,
      entitledAccounts: 5,
      usingAccounts: 1,
      share: 0.2,
      threshold: 0.3,
      nonUsers: ['a', 'b', 'c', 'd'],
    },
    '1 of the 5 accounts entitled to Dashboards used it (20 %; accounts using ' +
      'it ÷ accounts entitled, a warning below 30 %) in the 80 days since its ' +
      'release on 1 Sep 2026. 4 entitled accounts have not used it.',
  ],
  [
    'integration.error_spike',
    {
      asOf: '2026-11-20',
      integration: 'salesforce-sync',
      reports7d: 20,
      errors7d: 12,
      errorRate7d: 0.6,
      baselineReports: 80,
      baselineErrorRate: 0.05,
      spikeFactor: 3,
      lastErrorDetail: 'token expired',
    },
    '12 of the 20 syncs salesforce-sync reported in the 7 days to 20 Nov 2026 ' +
      'failed (60 %), against a usual 5 %; 3 times the usual rate counts as a ' +
      'spike. The last error: token expired.',
  ],
  [
    'integration.no_recent_sync',
    {
      asOf: '2026-11-20',
      integration: 'salesforce-sync',
      reports7d: 6,
      errors7d: 6,
      lastSuccessDay: '2026-11-10',
      daysSinceSuccess: 10,
    },
    'salesforce-sync has not synced successfully since 10 Nov 2026, 10 days ' +
      'before 20 Nov 2026; it reported 6 syncs in the last 7 days, 6 of them ' +
      'failed.',
  ],
  [
    'regulatory.review_needed',
    {
      event: 'EU AI Act',
      effectiveOn: '2027-02-02',
      reviewFrom: '2026-11-04',
      industries: ['Healthcare', 'Finance'],
      regions: [],
      industry: 'Healthcare',
      region: 'emea',
      asOf: '2026-11-20',
    },
    '“EU AI Act” takes effect on 2 Feb 2027 for industry Healthcare and Finance, every region; this account ' +
      '(Healthcare, emea) is in scope and has no review linked to it as of 20 Nov 2026 (reviews are asked for ' +
      'from 4 Nov 2026).',
  ],
  [
    'relationship.finance_in_delivery',
    {
      asOf: '2026-11-20T12:00:00.000Z',
      lifecyclePhase: 'implementing',
      lookbackDays: 30,
      touchCount: 1,
      touches: [
        {
          at: '2026-11-18T10:00:00.000Z',
          kind: 'meeting',
          subject: 'Pricing review',
          contact: 'Jo Park',
          title: 'Procurement lead',
        },
      ],
    },
    'Finance, procurement or legal people took part in 1 touch in the 30 days to 20 Nov 2026, while the account is ' +
      'still in delivery (implementing): Jo Park (Procurement lead) on 18 Nov 2026 (meeting “Pricing review”).',
  ],
  [
    'relationship.touch_surge',
    {
      asOf: '2026-11-20T12:00:00.000Z',
      recentDays: 14,
      recentTouches: 12,
      baselineDays: 90,
      baselineTouches: 19,
      usualTouches: 3,
      ratio: 4,
      factor: 2,
      minTouches: 6,
    },
    '12 touches with the customer in the 14 days to 20 Nov 2026, against a usual 3 per 14 days over the 90 days ' +
      'before: 4 times the usual pace (a warning above 2 times, from 6 touches).',
  ],
  [
    'renewal.at_risk_renewal',
    {
      asOf: '2026-11-20',
      renewalOn: '2027-01-19',
      daysToRenewal: 60,
      withinDays: 120,
      probability: 0.41,
      decile: 2,
      topPct: 20,
      maxDecile: 3,
      scoredAt: '2026-11-19T08:00:00.000Z',
    },
    'The renewal on 19 Jan 2027 is 60 days away (a warning within 120 days), and churn risk is in the top 20 % of ' +
      'accounts: decile 2 of 10, 1 the riskiest, a probability of 41 % (a warning up to decile 3, scored ' +
      '19 Nov 2026). The account has no health score.',
  ],
  [
    'renewal.at_risk_renewal',
    {
      asOf: '2026-11-20',
      renewalOn: '2027-01-19',
      daysToRenewal: 60,
      withinDays: 120,
      healthScore: 31,
      maxHealthScore: 40,
      healthScoredAt: '2026-11-20T06:00:00.000Z',
      probability: null,
      decile: null,
    },
    'The renewal on 19 Jan 2027 is 60 days away (a warning within 120 days), and health is 31 of 100 (a warning ' +
      'below 40, scored 20 Nov 2026).',
  ],
  [
    'renewal.sponsor_untouched',
    {
      asOf: '2026-11-20T12:00:00.000Z',
      thresholdDays: 60,
      sponsors: [
        { contact: 'Callum Haddad', title: 'Owner', lastTouchAt: '2026-09-11T10:00:00.000Z', daysSinceTouch: 70 },
      ],
    },
    'No touch with the executive sponsor for 60 days or more, as of 20 Nov 2026: Callum Haddad (Owner), last ' +
      'touched on 11 Sep 2026, 70 days ago.',
  ],
  [
    'renewal.detractor',
    {
      maxScore: 6,
      detractors: [
        {
          contact: 'Callum Haddad',
          role: 'executive_sponsor',
          score: 3,
          respondedAt: '2026-09-13T09:00:00.000Z',
          comment: 'Go-live slipped twice.',
        },
      ],
    },
    'The executive sponsor Callum Haddad answered NPS 3 on 13 Sep 2026, saying “Go-live slipped twice.” (their ' +
      'latest NPS; 6 or below is a detractor).',
  ],
  [
    'renewal.contraction',
    {
      asOf: '2026-11-20',
      since: '2026-08-22',
      currency: 'USD',
      fromArr: 120000,
      toArr: 90000,
      change: -30000,
      changeShare: 0.25,
      subscriptions: [{ name: 'Pro', from: 40000, to: 10000 }],
    },
    'ARR went from 120,000 USD on 22 Aug 2026 to 90,000 USD on 20 Nov 2026: down 30,000 USD (25 %). What ' +
      'changed: Pro (40,000 USD → 10,000 USD).',
  ],
  [
    'support.ticket_surge_after_go_live',
    {
      asOf: '2026-11-20',
      goLive: '2026-09-01',
      seats: 40,
      tickets30d: 18,
      per100Seats: 45,
      medianPer100Seats: 12.5,
      medianAccounts: 7,
      ratio: 3.6,
      factor: 2,
    },
    '18 tickets came in the first 30 days after go-live on 1 Sep 2026: 45 per 100 of 40 licensed seats, against a ' +
      'median of 12.5 over 7 accounts of the workspace, 3.6 times as many (a warning above 2 times).',
  ],
  [
    'support.how_to_heavy',
    { asOf: '2026-11-20', lookbackDays: 60, tickets: 14, howTo: 9, share: 0.643, minShare: 0.5 },
    '9 of the 14 tickets opened in the 60 days to 20 Nov 2026 ask how to do something: 64 % (a warning above 50 %).',
  ],
  [
    'knowledge.materials_stale',
    {
      asOf: '2026-11-20',
      project: 'Northwind rollout',
      kickoffOn: '2026-10-05',
      tag: 'playbook:enterprise-implementation',
      articleCount: 2,
      articles: [
        { title: 'Configure SSO', updatedAt: '2026-06-30T09:00:00.000Z' },
        { title: 'Import your accounts', updatedAt: '2026-03-02T09:00:00.000Z' },
      ],
    },
    'The 2 articles tagged playbook:enterprise-implementation were all last updated before Northwind rollout ' +
      'kicked off on 5 Oct 2026: “Configure SSO” (30 Jun 2026) and “Import your accounts” (2 Mar 2026).',
  ],
  [
    'renewal.no_expansion',
    {
      asOf: '2026-11-20',
      currency: 'USD',
      firstPaidOn: '2025-12-01',
      monthsUnderContract: 11,
      thresholdMonths: 9,
      firstArr: 24000,
      currentArr: 24000,
    },
    'Under contract since 1 Dec 2025 (11 months, a note from 9) and ARR never rose above the 24,000 USD it started ' +
      'at; it is 24,000 USD as of 20 Nov 2026.',
  ],
];

describe('signal explanations', () => {
  it('covers every kind Baton raises', () => {
    expect([...new Set(CASES.map(([k]) => k))].sort()).toEqual(Object.keys(SIGNAL_KINDS).sort());
  });

  it.each(CASES)('%s reads as sentences with its numbers', (kind, evidence, sentence) => {
    expect(explainSignal(kind, evidence)).toBe(sentence);
  });

  it.each(CASES)('%s with no evidence still reads, saying what is unknown', (kind) => {
    const text = explainSignal(kind, {});
    expect(text.length).toBeGreaterThan(20);
    expect(text).not.toMatch(/undefined|null|NaN|\[object/);
  });

  it('says the evidence of the usage rules as they record it', () => {
    const asOf = '2026-11-20';
    const users: DayUserRow[] = [];
    for (let d = 0; d < 70; d++)
      for (let u = 0; u < (d < 28 ? 2 : 8); u++)
        users.push({ day: addDays(asOf, -d), user_key: `u${u}`, events: u === 0 ? 40 : 1 });
    const features = Array.from({ length: 70 }, (_, d) => ({
      day: addDays(asOf, -d),
      feature: 'reports',
      events: d < 7 ? 10 : 100,
    }));
    const outcomes = usageRules(
      { asOf, firstUsageDay: addDays(asOf, -69), seats: 40, features, users, champions: [] },
      DEFAULT_USAGE_THRESHOLDS,
    );
    const low = outcomes.find((o) => o.kind === 'adoption.low_active_users')!;
    expect(explainSignal(low.kind, low.evidence)).toContain(
      '8 of 40 licensed seats were used in the 30 days to 20 Nov 2026: an adoption rate of 20 %',
    );
    for (const o of outcomes) expect(explainSignal(o.kind, o.evidence)).not.toMatch(/unknown|undefined|NaN/);
  });

  it('falls back to the named figures of a kind it does not know', () => {
    expect(explainSignal('other.kind', { activeUsers: 4, accountId: 'x', since: '2026-01-05' })).toBe(
      'Active users 4, since 5 Jan 2026.',
    );
    expect(day('not a day')).toBe('an unknown day');
  });
});
