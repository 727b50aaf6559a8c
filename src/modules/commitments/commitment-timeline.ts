/** Promises on their account's timeline (pure): each one recorded, and each change of product's status. */
import { dayWords, instantOf, type TimelineEntry } from '../accounts/index.ts';
import { type CommitmentStatus, statusWords } from './commitment.ts';

export interface CommitmentFacts {
  id: string;
  what: string;
  toName: string;
  words: string;
  madeBy: string;
  madeOn: string;
  dueDate: string | null;
}

export interface CommitmentChangeFacts {
  id: string;
  commitmentId: string;
  what: string;
  from: CommitmentStatus;
  to: CommitmentStatus;
  by: string;
  at: string;
  note: string | null;
}

export const commitmentEntry = (c: CommitmentFacts): TimelineEntry => ({
  id: `${c.id}:recorded`,
  at: instantOf(c.madeOn),
  kind: 'commitment.recorded',
  title: 'Promise made',
  sentence:
    `${c.madeBy} promised ${c.toName} “${c.what}”, in the words “${c.words}”` +
    (c.dueDate ? `, due ${dayWords(c.dueDate)}.` : '.'),
  ref: { kind: 'commitment', id: c.id },
  module: 'commitments',
});

export const commitmentChangeEntry = (c: CommitmentChangeFacts): TimelineEntry => ({
  id: `${c.id}:status`,
  at: instantOf(c.at),
  kind: 'commitment.status_changed',
  title: 'Promise status changed',
  sentence:
    `${c.by} moved “${c.what}” from ${statusWords(c.from)} to ${statusWords(c.to)}` +
    (c.note ? ` (“${c.note}”).` : '.'),
  ref: { kind: 'commitment', id: c.commitmentId },
  module: 'commitments',
});
