import { describe, expect, it } from 'vitest';
import { chainStageOf } from './signal.ts';

describe('an account’s chain stage', () => {
  it('is the earliest stage with an open warning, trouble upstream first', () => {
    expect(
      chainStageOf([
        { stage: 'renewal', severity: 'severe', resolvedAt: null },
        { stage: 'adoption', severity: 'warning', resolvedAt: null },
        { stage: 'handoff', severity: 'severe', resolvedAt: '2026-11-01T00:00:00.000Z' },
      ]),
    ).toBe('adoption');
  });

  it('is none while only notes (info) or resolved signals are there', () => {
    expect(chainStageOf([{ stage: 'renewal', severity: 'info', resolvedAt: null }])).toBeNull();
    expect(
      chainStageOf([
        { stage: 'handoff', severity: 'info', resolvedAt: null },
        { stage: 'renewal', severity: 'warning', resolvedAt: null },
      ]),
    ).toBe('renewal');
    expect(chainStageOf([])).toBeNull();
  });
});
