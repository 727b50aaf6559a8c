/**
 * The daily digest's words: new severe signals, renewals within 30 days, go-live slips, and for a person who asked,
 * their play tasks due; the morning message of play tasks due for a person whose alerts come at once. Pure.
 */
import type { AlertData } from './alert-message.ts';

export interface DigestFacts {
  day: string;
  severe: Array<{ title: string; account: string | null }>;
  renewals: Array<{ account: string; date: string; arr: number }>;
  slips: Array<{ title: string; account: string | null }>;
  /** The person's play tasks due on the day or before; null: the subscription does not hear of tasks. */
  tasks: PlayTaskLine[] | null;
  currency: string | null;
}

export interface PlayTaskLine {
  title: string;
  play: string;
  account: string | null;
  due: string;
}

const list = (items: string[], none: string) => (items.length === 0 ? none : items.map((i) => `• ${i}`).join('\n'));
const money = (n: number, c: string | null) =>
  `${n.toLocaleString('en-US', { maximumFractionDigits: 0 })}${c ? ` ${c}` : ''}`;
const who = (s: { title: string; account: string | null }) => (s.account ? `${s.account}: ${s.title}` : s.title);
const taskLine = (day: string) => (t: PlayTaskLine) =>
  `${who(t)} (${t.play}), ${t.due < day ? `overdue since ${t.due}` : 'due today'}`;

export function digestData(f: DigestFacts): AlertData {
  const counts = [
    `${f.severe.length} new severe signals`,
    `${f.renewals.length} renewals within 30 days`,
    `${f.slips.length} go-live slips`,
    ...(f.tasks ? [`${f.tasks.length} play tasks due`] : []),
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
    ...(f.tasks ? ['', 'Your play tasks due:', list(f.tasks.map(taskLine(f.day)), 'none')] : []),
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

/** The morning message of play tasks due, for a person whose signals reach them at once. */
export function tasksDueData(day: string, tasks: PlayTaskLine[]): AlertData {
  const overdue = tasks.filter((t) => t.due < day).length;
  return {
    title: `${tasks.length} play tasks due on ${day}`,
    explanation: [
      `You have ${tasks.length} open play tasks due on ${day} or earlier, ${overdue} of them overdue.`,
      '',
      list(tasks.map(taskLine(day)), 'none'),
    ].join('\n'),
    severity: overdue > 0 ? 'warning' : 'info',
    stage: null,
    signal: null,
    account: null,
    arr: null,
    currency: null,
    link: null,
  };
}
