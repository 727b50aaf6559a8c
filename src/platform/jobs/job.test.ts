import { describe, expect, it } from 'vitest';
import { afterFailure, backoffSeconds, slotId } from './job.ts';

describe('job rules', () => {
  it.each([
    [1, 10],
    [2, 20],
    [3, 40],
    [10, 3600],
  ])('waits %i → %i s before the next attempt', (attempt, seconds) => {
    expect(backoffSeconds(attempt)).toBe(seconds);
  });

  it('gives the same slot id to every instance within a slot, and a new one in the next slot', () => {
    const hour = 3_600_000;
    const a = slotId('x', hour, new Date('2026-11-22T10:05:00Z'));
    const b = slotId('x', hour, new Date('2026-11-22T10:59:59Z'));
    const c = slotId('x', hour, new Date('2026-11-22T11:00:00Z'));
    expect(a).toBe('x@2026-11-22T10:00:00.000Z');
    expect(b).toBe(a);
    expect(c).toBe('x@2026-11-22T11:00:00.000Z');
  });

  it('retries until the last attempt, then moves the job to the dead-letter list', () => {
    const now = new Date('2026-11-22T10:00:00Z');
    expect(afterFailure(1, 3, now)).toEqual({ status: 'queued', runAt: '2026-11-22T10:00:10.000Z' });
    expect(afterFailure(3, 3, now).status).toBe('dead');
  });
});
