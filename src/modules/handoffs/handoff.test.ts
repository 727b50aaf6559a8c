import { describe, expect, it } from 'vitest';
import {
  type BriefContent,
  DEFAULT_COMPLETENESS,
  EMPTY_BRIEF,
  fieldWasFilled,
  isMeasurable,
  nextState,
  scoreBrief,
} from './handoff.ts';

const brief = (over: Partial<BriefContent>): BriefContent => ({ ...EMPTY_BRIEF, ...over });

describe('completeness score', () => {
  it('is 0 for an empty brief and 100 for a full one', () => {
    expect(scoreBrief(EMPTY_BRIEF, DEFAULT_COMPLETENESS, 'mid_market', false).completeness).toBe(0);
    const full = brief({
      painPoints: ['slow'],
      goals: [{ goal: 'faster', successCriterion: 'under 2 min' }],
      technicalEnvironment: 'Salesforce and NetSuite, Okta SSO',
      integrations: [{ system: 'NetSuite', purpose: '' }],
      securityCompliance: ['SOC 2'],
      stakeholders: [{ name: 'A', role: 'Executive sponsor', email: null }],
      promisedGoLive: '2027-01-31',
      timeline: 'Pilot in December, rollout in January',
      customerResponsibilities: ['sandbox'],
      risks: [{ risk: 'holidays', mitigation: 'plan around them' }],
    });
    expect(scoreBrief(full, DEFAULT_COMPLETENESS, 'enterprise', false).completeness).toBe(100);
    // With a partner on the deal, the swim lanes count too: 100 of 110 weight points → 91 %.
    expect(scoreBrief(full, DEFAULT_COMPLETENESS, null, true).completeness).toBe(91);
    expect(scoreBrief(full, DEFAULT_COMPLETENESS, null, true).missingRequired).toEqual(['partnerSwimLanes']);
  });

  it.each([
    // goals (20) + go-live (10) of each segment's total weight: smb 89 → 34 %, mid-market 100 → 30 %, enterprise 114 → 26 %.
    ['smb', { goals: [{ goal: 'g', successCriterion: '10 users' }], promisedGoLive: '2027-01-01' }, 34, []],
    [
      'mid_market',
      { goals: [{ goal: 'g', successCriterion: '10 users' }], promisedGoLive: '2027-01-01' },
      30,
      ['stakeholders'],
    ],
    [
      'enterprise',
      { goals: [{ goal: 'g', successCriterion: '10 users' }], promisedGoLive: '2027-01-01' },
      26,
      ['integrations', 'securityCompliance', 'stakeholders'],
    ],
  ] as const)('weighs fields by segment (%s)', (segment, filled, score, missing) => {
    const s = scoreBrief(brief(filled as unknown as Partial<BriefContent>), DEFAULT_COMPLETENESS, segment, false);
    expect(s.completeness).toBe(score);
    expect(s.missingRequired).toEqual(missing);
  });

  it('counts a partly filled field half: goals without a measurable criterion, no sponsor, risks without mitigation', () => {
    const s = scoreBrief(
      brief({
        goals: [{ goal: 'happier users', successCriterion: 'users like it' }],
        stakeholders: [{ name: 'B', role: 'Champion', email: null }],
        risks: [{ risk: 'r', mitigation: '' }],
      }),
      DEFAULT_COMPLETENESS,
      null,
      false,
    );
    expect(s.fields.filter((f) => f.status === 'partial').map((f) => f.field)).toEqual([
      'goals',
      'stakeholders',
      'risks',
    ]);
    expect(s.completeness).toBe(Math.round(((10 + 7.5 + 3.5) / 100) * 100));
  });

  it('treats a criterion with a number as measurable', () => {
    expect(isMeasurable('churn below 3 %')).toBe(true);
    expect(isMeasurable('by Q3')).toBe(true);
    expect(isMeasurable('better onboarding')).toBe(false);
  });

  it('knows whether a field was answered, for repeated requirements', () => {
    expect(fieldWasFilled(brief({ integrations: [{ system: 'SAP', purpose: '' }] }), 'integrations')).toBe(true);
    expect(fieldWasFilled(EMPTY_BRIEF, 'integrations')).toBe(false);
    expect(fieldWasFilled(brief({ technicalEnvironment: 'AWS' }), 'technicalEnvironment')).toBe(true);
  });
});

describe('brief states', () => {
  it.each([
    ['draft', 'edit', 'draft'],
    ['draft', 'submit', 'submitted'],
    ['returned', 'edit', 'returned'],
    ['returned', 'submit', 'submitted'],
    ['submitted', 'accept', 'accepted'],
    ['submitted', 'return', 'returned'],
    ['submitted', 'edit', null],
    ['draft', 'accept', null],
    ['accepted', 'edit', null],
    ['accepted', 'return', null],
    ['returned', 'accept', null],
  ] as const)('%s + %s → %s', (from, action, to) => {
    const r = nextState(from, action);
    if (to === null) expect(r.ok).toBe(false);
    else expect(r).toEqual({ ok: true, state: to });
  });
});
