/** The first day an account used each feature, on its timeline (pure). */
import { dayWords, instantOf, type TimelineEntry } from '../../accounts/index.ts';

export interface FirstUseFacts {
  feature: string;
  day: string;
}

export const firstUseEntry = (accountId: string, f: FirstUseFacts): TimelineEntry => ({
  id: `${accountId}:${f.feature}:first-use`,
  at: instantOf(f.day),
  kind: 'usage.first_use',
  title: 'Feature first used',
  sentence: `The customer first used “${f.feature}” on ${dayWords(f.day)}.`,
  ref: { kind: 'account', id: accountId },
  module: 'usage',
});
