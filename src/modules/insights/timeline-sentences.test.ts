/** Each module's timeline mapper (pure): the sentence, kind and instant of every moment it tells. */
import { describe, expect, it } from 'vitest';
import { instantOf, newestFirst } from '../accounts/index.ts';
import { commitmentChangeEntry, commitmentEntry } from '../commitments/commitment-timeline.ts';
import { dealEntries } from '../deals/deal-timeline.ts';
import { milestoneEntry, projectEntries, slipEntry } from '../delivery/projects/project-timeline.ts';
import { briefChangeEntry, clarificationEntries } from '../handoffs/handoff-timeline.ts';
import { bandChangeEntries } from '../health/score/band-timeline.ts';
import { surveyEntry, touchEntry } from '../relationship/relationship-timeline.ts';
import { arrStepEntry, arrSteps } from '../revenue/account-arr.ts';
import { signalActionEntry, signalEntries } from '../signals/signal-timeline.ts';
import { ticketEntry } from '../support/ticket-timeline.ts';
import { firstUseEntry } from '../usage/adoption/first-use-timeline.ts';

const said = (entries: Array<{ kind: string; sentence: string }>) => entries.map((e) => [e.kind, e.sentence]);

describe('timeline sentences', () => {
  it('puts a day at the start of its day and keeps instants as they are', () => {
    expect(instantOf('2026-03-01')).toBe('2026-03-01T00:00:00.000Z');
    expect(instantOf('2026-03-01T10:30:00Z')).toBe('2026-03-01T10:30:00.000Z');
  });

  it('tells a deal won, confirmed and reopened', () => {
    const d = { id: 'd1', name: 'Acme platform', stageCategory: 'won', closeDate: '2026-01-10' };
    expect(
      said(dealEntries({ ...d, confirmedAt: '2026-01-12T09:00:00Z', reopenedAt: '2026-02-01T00:00:00Z' })),
    ).toEqual([
      ['deal.won', 'Acme platform closed won on 10 Jan 2026.'],
      [
        'deal.confirmed',
        'Acme platform was confirmed won, signed and finance-checked on 12 Jan 2026: its handoff began.',
      ],
      ['deal.reopened', 'Acme platform was reopened in the CRM on 1 Feb 2026, which pulled its brief back.'],
    ]);
    expect(dealEntries({ ...d, stageCategory: 'open', confirmedAt: null, reopenedAt: null })).toEqual([]);
  });

  it.each([
    [null, 'draft', null, 'brief.created', 'Ana started the handoff brief.'],
    ['draft', 'submitted', null, 'brief.submitted', 'Ana submitted the handoff brief, 72 % complete.'],
    ['submitted', 'accepted', 'clear', 'brief.accepted', 'Ana accepted the handoff brief for delivery (“clear”).'],
    ['submitted', 'returned', null, 'brief.returned', 'Ana returned the handoff brief to sales.'],
  ])('tells a brief moving from %s to %s', (from, to, note, kind, sentence) => {
    const e = briefChangeEntry({
      id: 'e',
      briefId: 'b',
      at: '2026-01-12T10:00:00Z',
      actor: 'Ana',
      from,
      to,
      completeness: 72,
      note,
    });
    expect([e.kind, e.sentence, e.ref]).toEqual([kind, sentence, { kind: 'handoff', id: 'b' }]);
  });

  it('tells a clarification asked (already answered by the brief) and answered', () => {
    const c = { id: 'q', briefId: 'b', question: 'Which SSO?', repeated: true, askedAt: '2026-01-13T00:00:00Z' };
    expect(said(clarificationEntries({ ...c, answeredAt: '2026-01-14T00:00:00Z' }))).toEqual([
      ['brief.clarification_asked', 'Delivery asked “Which SSO?”, which the brief seemed to answer already.'],
      ['brief.clarification_answered', 'Sales answered “Which SSO?” on 14 Jan 2026.'],
    ]);
  });

  it('tells a promise made and its status moving', () => {
    const made = commitmentEntry({
      id: 'c',
      what: 'SAML login',
      toName: 'Dana',
      words: 'coming soon',
      madeBy: 'Ana',
      madeOn: '2026-01-05',
      dueDate: '2026-06-30',
    });
    expect([made.kind, made.at, made.sentence]).toEqual([
      'commitment.recorded',
      '2026-01-05T00:00:00.000Z',
      'Ana promised Dana “SAML login”, in the words “coming soon”, due 30 Jun 2026.',
    ]);
    const moved = commitmentChangeEntry({
      id: 's',
      commitmentId: 'c',
      what: 'SAML login',
      from: 'not_reviewed',
      to: 'under_consideration',
      by: 'Pat',
      at: '2026-02-01T00:00:00Z',
      note: null,
    });
    expect(moved.sentence).toBe('Pat moved “SAML login” from not reviewed to under consideration.');
  });

  it('tells a project set up, kicked off, late to go live, its milestones and slips', () => {
    const p = { id: 'p', name: 'Acme rollout', acceptedOn: '2026-01-20', promisedGoLive: '2026-04-01' };
    expect(said(projectEntries({ ...p, kickoffOn: null, goLiveOn: null }))).toEqual([
      ['project.created', 'Acme rollout was set up from the accepted brief, go-live promised for 1 Apr 2026.'],
    ]);
    expect(said(projectEntries({ ...p, kickoffOn: '2026-02-01', goLiveOn: '2026-04-20' }))).toEqual([
      ['project.started', 'Acme rollout kicked off, go-live promised for 1 Apr 2026.'],
      ['project.went_live', 'Acme rollout went live on 20 Apr 2026, after the promised 1 Apr 2026.'],
    ]);
    const m = { id: 'm', projectId: 'p', project: 'Acme rollout', goLive: false, completedOn: '2026-03-01' };
    expect(
      milestoneEntry({ ...m, name: 'First report', firstValue: true, completionEvent: 'report_viewed' }),
    ).toMatchObject({
      kind: 'usage.milestone_reached',
      title: 'First value reached',
      sentence:
        'Acme rollout reached “First report” — the customer’s first value, reached when the customer first ' +
        'used “report_viewed”.',
    });
    expect(milestoneEntry({ ...m, name: 'Design', firstValue: false, completionEvent: null }).kind).toBe(
      'project.milestone_reached',
    );
    const slip = { id: 's', projectId: 'p', project: 'Acme rollout', recordedAt: '2026-03-10T08:00:00Z' };
    const base = { ...slip, promisedGoLive: '2026-04-01', toForecast: '2026-04-02', days: 1, note: null };
    expect(slipEntry({ ...base, reason: null }).sentence).toBe(
      'Acme rollout’s go-live forecast moved to 2 Apr 2026, 1 day past the promised 1 Apr 2026; no reason given yet.',
    );
    expect(slipEntry({ ...base, reason: 'third_party_dependency', note: 'SSO vendor' }).sentence).toContain(
      '(third party dependency: SSO vendor).',
    );
  });

  it('tells a feature first used', () => {
    expect(firstUseEntry('a', { feature: 'export', day: '2026-05-02' })).toMatchObject({
      id: 'a:export:first-use',
      kind: 'usage.first_use',
      sentence: 'The customer first used “export” on 2 May 2026.',
    });
  });

  it('tells a signal raised, acted on and closed', () => {
    const s = {
      id: 's',
      title: 'Sponsor untouched',
      severity: 'warning',
      stage: 'renewal',
      firstSeenAt: '2026-05-01T00:00:00Z',
    };
    expect(said(signalEntries({ ...s, resolvedAt: '2026-06-01T00:00:00Z', resolution: 'condition_cleared' }))).toEqual([
      ['signal.raised', 'Sponsor untouched: raised as warning, stage “renewal”.'],
      ['signal.closed', 'Sponsor untouched: closed (condition cleared).'],
    ]);
    const a = signalActionEntry({
      id: 'x',
      signalId: 's',
      title: 'Sponsor untouched',
      action: 'snooze',
      at: '2026-05-02T00:00:00Z',
      by: 'Ana',
      note: null,
      reason: null,
      until: '2026-05-20',
    });
    expect([a.kind, a.title, a.sentence]).toEqual([
      'signal.snooze',
      'Signal snoozed',
      'Sponsor untouched: Snoozed by Ana on 2 May 2026 until 20 May 2026.',
    ]);
  });

  it('finds each ARR change of an account and tells it with its movement', () => {
    const sub = (start: string, end: string | null, arrCents: number) => ({
      accountId: 'a',
      start,
      end,
      arrCents,
      trial: false,
      currency: 'USD',
    });
    const subs = [
      sub('2025-01-01', '2025-07-01', 1_000_000),
      sub('2025-03-01', null, 500_000),
      sub('2025-09-01', null, 200_000),
      { ...sub('2025-02-01', null, 9_999_900), accountId: 'other' },
    ];
    const steps = arrSteps(subs, 'a');
    expect(steps.map((s) => [s.day, s.kind, s.before, s.after])).toEqual([
      ['2025-01-01', 'new', 0, 1_000_000],
      ['2025-03-01', 'expansion', 1_000_000, 1_500_000],
      ['2025-07-01', 'contraction', 1_500_000, 500_000],
      ['2025-09-01', 'expansion', 500_000, 700_000],
    ]);
    expect(steps.map((s) => arrStepEntry('a', s, 'USD').sentence)).toEqual([
      'The first subscription started on 1 Jan 2025: ARR USD 10,000.',
      'ARR rose from USD 10,000 to USD 15,000 on 1 Mar 2025.',
      'ARR fell from USD 15,000 to USD 5,000 on 1 Jul 2025.',
      'ARR rose from USD 5,000 to USD 7,000 on 1 Sept 2025.',
    ]);
    const churned = arrSteps([sub('2025-01-01', '2025-06-01', 100), sub('2025-08-01', null, 300)], 'a');
    expect(churned.map((s) => s.kind)).toEqual(['new', 'churn', 'reactivation']);
    expect(arrStepEntry('a', churned[1] as (typeof churned)[number], 'EUR').sentence).toBe(
      'Every subscription had ended by 1 Jun 2025: ARR fell from EUR 1 to nothing.',
    );
  });

  it('tells survey answers and touches', () => {
    const s = { id: 's', who: 'Dana', comment: null, respondedAt: '2026-07-01T12:00:00Z', milestone: null };
    expect(surveyEntry('a', { ...s, kind: 'nps', score: 10 }).sentence).toBe(
      'Dana gave an NPS of 10 of 10 (a promoter).',
    );
    expect(
      surveyEntry('a', { ...s, kind: 'csat', score: 2, who: null, comment: 'slow', milestone: 'go-live' }),
    ).toMatchObject({
      kind: 'survey.csat',
      sentence: 'Someone at the customer rated CSAT 2 of 5 after “go-live”: “slow”.',
    });
    const t = { id: 't', occurredAt: '2026-07-02T09:00:00Z', subject: 'QBR', direction: 'outbound', people: 2 };
    expect(touchEntry('a', { ...t, kind: 'meeting' }).sentence).toBe('Meeting to the customer with 2 people: “QBR”.');
    expect(touchEntry('a', { ...t, kind: 'email', subject: null, direction: null, people: 1 }).sentence).toBe(
      'Email with 1 person.',
    );
  });

  it('tells a ticket opened', () => {
    const e = ticketEntry({
      id: 'k',
      subject: 'How do I export?',
      category: 'how_to',
      priority: 'high',
      createdAt: '2026-08-01T10:00:00Z',
      requester: 'dana@acme.test',
    });
    expect([e.kind, e.sentence]).toEqual([
      'ticket.opened',
      'dana@acme.test opened a high priority how-to ticket: “How do I export?”.',
    ]);
  });

  it('tells the first health score and each band change, not the scorings that kept the band', () => {
    const at = (d: string) => `2026-0${d}T06:00:00.000Z`;
    const entries = bandChangeEntries('a', [
      { id: '1', scoredAt: at('1-01'), score: 81.4, band: 'green' },
      { id: '2', scoredAt: at('2-01'), score: 78, band: 'green' },
      { id: '3', scoredAt: at('3-01'), score: 55, band: 'yellow' },
      { id: '4', scoredAt: at('4-01'), score: null, band: null },
    ]);
    expect(said(entries)).toEqual([
      ['health.first_scored', 'Health was first scored 81 of 100, green.'],
      ['health.band_changed', 'Health moved from green to yellow, now 55 of 100.'],
      ['health.band_changed', 'Health moved from yellow to no band (no data), now no score.'],
    ]);
    expect(newestFirst(entries, { before: at('3-01'), limit: 5 }).map((e) => e.id)).toEqual(['3:band', '1:band']);
  });
});
