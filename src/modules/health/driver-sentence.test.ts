import { describe, expect, it } from 'vitest';
import { attributeLabel, driverSentence } from './driver-sentence.ts';

describe('driverSentence', () => {
  it('says a low percentage against the usual one, and that it raises the risk', () => {
    expect(driverSentence({ attribute: 'Seats used %', value: 40, effect: 0.6 }, 72)).toBe(
      'Seats used at 40%, below the usual 72% — raises risk',
    );
  });

  it('says a value above the usual one that lowers the risk, strongly when the push is large', () => {
    expect(driverSentence({ attribute: 'Last NPS', value: 9, effect: -0.4 }, 7.2)).toBe(
      'Last NPS at 9, above the usual 7.2 — lowers risk',
    );
    expect(driverSentence({ attribute: 'active_users_trend_pct', value: -35, effect: 1.3 }, 2)).toBe(
      'Active users trend at -35%, below the usual 2% — strongly raises risk',
    );
  });

  it('says a number without a usual value, a category, and a blank', () => {
    expect(driverSentence({ attribute: 'Support tickets (90 days)', value: 11, effect: 0.2 })).toBe(
      'Support tickets (90 days) at 11 — raises risk',
    );
    expect(driverSentence({ attribute: 'Executive sponsor', value: 'no', effect: 0.5 })).toBe(
      'Executive sponsor: no — raises risk',
    );
    expect(driverSentence({ attribute: 'Plan', value: null, effect: -0.1 }, null)).toBe(
      'Plan not recorded — lowers risk',
    );
  });

  it('rounds long numbers and says "the usual" when they round alike', () => {
    expect(driverSentence({ attribute: 'MonthlyCharges', value: 70.349, effect: 0.3 }, 64.76)).toBe(
      'Monthly charges at 70, above the usual 65 — raises risk',
    );
    expect(driverSentence({ attribute: 'tenure', value: 12, effect: 0.3 }, 12.2)).toBe(
      'Tenure at 12, the usual — raises risk',
    );
  });
});

describe('attributeLabel', () => {
  it('turns column names into words and notes percentages', () => {
    expect(attributeLabel('seats_used_pct')).toEqual({ label: 'Seats used', percent: true });
    expect(attributeLabel('activeUsers')).toEqual({ label: 'Active users', percent: false });
    expect(attributeLabel('NPS')).toEqual({ label: 'NPS', percent: false });
    expect(attributeLabel('Seats used %')).toEqual({ label: 'Seats used', percent: true });
  });
});
