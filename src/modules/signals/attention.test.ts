import { describe, expect, it } from 'vitest';
import {
  actionSentence,
  applyAction,
  attentionOnRefresh,
  effectiveAttention,
  type StoredAttention,
} from './attention.ts';
import { canonicalJson, evidenceFingerprint } from './evidence-fingerprint.ts';

const TODAY = '2026-12-03';
const fresh: StoredAttention = { attention: 'new', snoozedUntil: null, dismissedFingerprint: null };
const open = (a: Partial<StoredAttention> = {}) => ({ ...fresh, ...a, resolved: false });

describe('evidence fingerprint', () => {
  it('reads the same evidence alike whatever the order of keys and the day judged', () => {
    const a = { asOf: '2026-12-01T00:00:00.000Z', maxScore: 6, detractors: [{ score: 3, contact: 'Ana' }] };
    const b = { detractors: [{ contact: 'Ana', score: 3 }], maxScore: 6, asOf: '2026-12-02T00:00:00.000Z' };
    expect(evidenceFingerprint(a)).toBe(evidenceFingerprint(b));
    expect(evidenceFingerprint({ ...a, detractors: [{ score: 2, contact: 'Ana' }] })).not.toBe(evidenceFingerprint(a));
  });

  it('leaves out counts of days that grow with the calendar, keeps thresholds', () => {
    const quiet = (days: number) => ({ thresholdDays: 60, sponsors: [{ contact: 'Ana', daysSinceTouch: days }] });
    expect(evidenceFingerprint(quiet(70))).toBe(evidenceFingerprint(quiet(71)));
    expect(canonicalJson({ thresholdDays: 60 })).toBe('{"thresholdDays":60}');
    expect(evidenceFingerprint({ thresholdDays: 60 })).not.toBe(evidenceFingerprint({ thresholdDays: 90 }));
  });
});

describe('attention', () => {
  it.each([
    ['a snooze before its day', { attention: 'snoozed', snoozedUntil: '2026-12-04' }, 'snoozed'],
    ['a snooze on its day', { attention: 'snoozed', snoozedUntil: TODAY }, 'new'],
    ['a snooze past its day', { attention: 'snoozed', snoozedUntil: '2026-12-01' }, 'new'],
    ['a dismissal', { attention: 'dismissed', snoozedUntil: null }, 'dismissed'],
  ] as const)('reads %s', (_, stored, expected) => {
    expect(effectiveAttention(stored, TODAY)).toBe(expected);
  });

  it('keeps a dismissal while the evidence reads the same, and brings it back when it changes', () => {
    const dismissed: StoredAttention = { attention: 'dismissed', snoozedUntil: null, dismissedFingerprint: 'f1' };
    expect(attentionOnRefresh(dismissed, 'f1')).toEqual({ next: dismissed, returned: false });
    expect(attentionOnRefresh(dismissed, 'f2')).toEqual({ next: fresh, returned: true });
    const acked: StoredAttention = { ...fresh, attention: 'acknowledged' };
    expect(attentionOnRefresh(acked, 'f2')).toEqual({ next: acked, returned: false });
  });

  it('applies actions and refuses what makes no sense, naming the field at fault', () => {
    expect(applyAction(open(), { action: 'acknowledge' }, TODAY, 'f')).toEqual({
      next: { ...fresh, attention: 'acknowledged' },
    });
    expect(applyAction(open(), { action: 'snooze', until: '2026-12-10' }, TODAY, 'f')).toEqual({
      next: { attention: 'snoozed', snoozedUntil: '2026-12-10', dismissedFingerprint: null },
    });
    expect(applyAction(open(), { action: 'snooze', until: TODAY }, TODAY, 'f')).toEqual({
      refused: { field: 'body.until', message: `must be after today (${TODAY})` },
    });
    expect(applyAction(open(), { action: 'dismiss', reason: 'other', note: ' ' }, TODAY, 'f')).toMatchObject({
      refused: { field: 'body.note' },
    });
    expect(applyAction(open(), { action: 'dismiss', reason: 'false_positive' }, TODAY, 'f')).toEqual({
      next: { attention: 'dismissed', snoozedUntil: null, dismissedFingerprint: 'f' },
    });
    expect(applyAction(open(), { action: 'reopen' }, TODAY, 'f')).toMatchObject({ refused: { field: null } });
    // A snooze whose day has come is new: reopening it has nothing to do.
    const overdue = open({ attention: 'snoozed', snoozedUntil: TODAY });
    expect(applyAction(overdue, { action: 'reopen' }, TODAY, 'f')).toMatchObject({ refused: { field: null } });
    expect(applyAction({ ...open(), resolved: true }, { action: 'acknowledge' }, TODAY, 'f')).toMatchObject({
      refused: { message: 'the signal is resolved: its rule no longer holds' },
    });
  });

  it('says each action in words', () => {
    const base = {
      at: '2026-12-03T10:00:00.000Z',
      byUserId: 'u',
      by: 'Ana Ruiz',
      note: null,
      reason: null,
      until: null,
    };
    expect(
      actionSentence({ ...base, action: 'dismiss', reason: 'false_positive', note: 'seats are a reseller’s' }),
    ).toBe('Dismissed by Ana Ruiz on 3 Dec 2026: false positive — ‘seats are a reseller’s’');
    expect(actionSentence({ ...base, action: 'snooze', until: '2026-12-17' })).toBe(
      'Snoozed by Ana Ruiz on 3 Dec 2026 until 17 Dec 2026',
    );
    expect(actionSentence({ ...base, action: 'returned', by: null, byUserId: null })).toBe(
      'Back as new on 3 Dec 2026: its evidence changed since it was dismissed',
    );
  });
});
