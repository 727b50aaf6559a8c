import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors/app-error.ts';
import { attributeColumns, findColumn } from './attribute-columns.ts';

const headers = ['customerID', 'Monthly Charges', 'Contract', 'Churn'];
const flag = (o: string) => `--${o}`;

describe('the attributes and outcome options read against a header', () => {
  it('matches names exactly, else ignoring case and surrounding spaces, keeping the header spelling', () => {
    expect(findColumn(headers, 'Contract')).toBe('Contract');
    expect(findColumn(headers, ' monthly charges ')).toBe('Monthly Charges');
    expect(findColumn(['a', 'A'], 'a')).toBe('a');
    expect(findColumn(['x', 'X'], ' x ')).toBeUndefined();
    expect(
      attributeColumns(
        headers,
        { attributes: 'customerID, monthly charges,Contract,contract,churn', outcome: 'CHURN' },
        flag,
      ),
    ).toEqual({ attributes: ['customerID', 'Monthly Charges', 'Contract'], outcome: 'Churn' });
  });

  it('names the option and every column the header lacks', () => {
    const error = (() => {
      try {
        attributeColumns(headers, { attributes: 'Contract,Seats,Plan' }, flag);
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error?.message).toContain('--attributes');
    expect(error?.message).toContain('"Seats", "Plan"');
    expect(() => attributeColumns(headers, { outcome: 'Renewed' }, flag)).toThrow(/--outcome.*"Renewed"/);
  });
});
