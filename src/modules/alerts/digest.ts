/** The daily digest's words: new severe signals, renewals within 30 days, go-live slips. Pure. */
import type { AlertData } from './alert-message.ts';

export interface DigestFacts {
  day: string;
  severe: Array<{ title: string; account: string | null }>;
  renewals: Array<{ account: string; date: string; arr: number }>;
  slips: Array<{ title: string; account: string | null }>;
  currency: string | null;
}

const list = (items: string[], none: string) => (items.length === 0 ? none : items.map((i) => `• ${i}`).join('\n'));
const money = (n: number, c: string | null) =>
  `${n.toLocaleString('en-US', { maximumFractionDigits: 0 })}${c ? ` ${c}` : ''}`;
const who = (s: { title: string; account: string | null }) => (s.account ? `${s.account}: ${s.title}` : s.title);

export function digestData(f: DigestFacts): AlertData {
  const counts = [
    `${f.severe.length} new severe signals`,
    `${f.renewals.length} renewals within 30 days`,
    `${f.slips.length} go-live slips`,
  ].join(', ');
  const explanation = [
    `${counts} on ${f.day}.`,
    '',
    'New severe signals in the last day:',
    list(f.severe.map(who), 'none'),
    '',
    'Renewals within 30 days:',
    list(
      f.renewals.map((r) => `${r.account} renews on ${r.date} (${money(r.arr, f.currency)} ARR)`),
      'none',
    ),
    '',
    'Go-live slips in the last day:',
    list(f.slips.map(who), 'none'),
  ].join('\n');
  return {
    title: `Baton daily digest for ${f.day}`,
    explanation,
    severity: f.severe.length > 0 ? 'severe' : 'info',
    stage: null,
    signal: null,
    account: null,
    arr: null,
    currency: null,
    link: null,
  };
}
