import { describe, expect, it } from 'vitest';
import { parseProbability } from './probability.ts';

describe('deal probability', () => {
  it.each([
    ['10', 'percent', 10],
    ['10%', 'share', 10],
    ['0.35', 'share', 35],
    ['1', 'share', 100],
    ['1.0', undefined, 100],
    ['0.4', undefined, 40],
    ['40', undefined, 40],
    ['40 %', undefined, 40],
    ['12,5', 'percent', 12.5],
    ['', 'percent', null],
  ] as const)('reads %s (%s) as %s %%', (raw, scale, value) => {
    expect(parseProbability(raw, scale)).toEqual({ value });
  });

  it.each([
    ['140', undefined, /more than 100/],
    ['35', 'share', /share of 1/],
    ['likely', undefined, /not a probability/],
    ['-5', 'percent', /not a probability/],
  ] as const)('refuses %s (%s)', (raw, scale, reason) => {
    const r = parseProbability(raw, scale);
    expect('error' in r && r.error).toMatch(reason);
  });
});
