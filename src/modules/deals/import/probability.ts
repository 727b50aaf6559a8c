/**
 * A deal's win probability as a CRM writes it, read as a percent (0–100). Salesforce's `Probability` is a percent
 * (`10`, `10%`); HubSpot keeps a share of one (`hs_deal_stage_probability` `0.1`). A format says which it writes;
 * in a mapped file, `40%` and `40` are percents and a decimal of one or less (`0.4`, `1.0`) is a share. Pure.
 */
import type { Parsed } from '../../../platform/imports/values/parsed.ts';

/** How a source writes probabilities: a percent (0–100) or a share of one (0–1). */
export type ProbabilityScale = 'percent' | 'share';

export function parseProbability(raw: string, scale?: ProbabilityScale): Parsed<number | null> {
  const text = raw.trim();
  if (text === '') return { value: null };
  const m = /^(\d+(?:[.,]\d+)?)\s*(%?)$/.exec(text);
  if (!m) return { error: `"${text}" is not a probability (write 40, 40% or 0.4)` };
  const number = Number((m[1] as string).replace(',', '.'));
  const percent =
    m[2] === '%' ||
    scale === 'percent' ||
    (scale === undefined && !(m[1] as string).match(/[.,]/)) ||
    (scale === undefined && number > 1);
  if (!percent && number > 1)
    return {
      error: `probability ${text} is more than 1, and this file writes probabilities as a share of 1 (0.4 for 40 %)`,
    };
  const value = percent ? number : number * 100;
  if (value > 100) return { error: `probability ${text} is more than 100 %` };
  return { value: Math.round(value * 100) / 100 };
}
