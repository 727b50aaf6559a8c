import { describe, expect, it } from 'vitest';
import { DEFAULT_GUARD, type GuardInput, guard } from './deal.ts';

const won: GuardInput = {
  stageCategory: 'won',
  signedDate: '2026-11-01',
  financeConfirmedAt: '2026-11-02T10:00:00.000Z',
  previous: null,
};

describe('the closed-won guard', () => {
  it.each([
    ['won, signed and finance-confirmed', won, 'confirmed', []],
    ['won but not signed', { ...won, signedDate: null }, 'pending_confirmation', ['signed']],
    [
      'won, signed, finance not confirmed',
      { ...won, financeConfirmedAt: null },
      'pending_confirmation',
      ['finance_confirmed'],
    ],
    ['open', { ...won, stageCategory: 'open' as const }, 'open', ['won']],
    ['lost', { ...won, stageCategory: 'lost' as const }, 'lost', ['won']],
    [
      'a confirmed deal reopened in the CRM',
      { ...won, stageCategory: 'open' as const, previous: 'confirmed' as const },
      'reopened',
      ['won'],
    ],
    [
      'a pending deal that goes back to open',
      { ...won, stageCategory: 'open' as const, previous: 'pending_confirmation' as const },
      'open',
      ['won'],
    ],
  ])('%s → %s', (_what, input, state, missing) => {
    expect(guard(input, DEFAULT_GUARD)).toEqual({ state, missing });
  });

  it('lets a workspace require only the win', () => {
    expect(
      guard({ ...won, signedDate: null, financeConfirmedAt: null }, { signed: false, financeConfirmed: false }).state,
    ).toBe('confirmed');
  });
});
