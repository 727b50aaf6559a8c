/** A brief's moments on its account's timeline (pure): written, submitted, accepted, returned, questions asked. */
import { dayWords, instantOf, type TimelineEntry } from '../accounts/index.ts';

export interface BriefChangeFacts {
  id: string;
  briefId: string;
  at: string;
  actor: string;
  from: string | null;
  to: string;
  completeness: number;
  note: string | null;
}

export interface ClarificationFacts {
  id: string;
  briefId: string;
  question: string;
  repeated: boolean;
  askedAt: string;
  answeredAt: string | null;
}

const pct = (completeness: number) => `${Math.round(completeness)} %`;

export function briefChangeEntry(e: BriefChangeFacts): TimelineEntry {
  const base = {
    id: `${e.id}:brief`,
    at: instantOf(e.at),
    ref: { kind: 'handoff', id: e.briefId },
    module: 'handoffs',
  };
  const note = e.note ? ` (“${e.note}”)` : '';
  if (e.from === null)
    return {
      ...base,
      kind: 'brief.created',
      title: 'Brief started',
      sentence: `${e.actor} started the handoff brief.`,
    };
  if (e.to === 'submitted')
    return {
      ...base,
      kind: 'brief.submitted',
      title: 'Brief submitted',
      sentence: `${e.actor} submitted the handoff brief, ${pct(e.completeness)} complete.`,
    };
  if (e.to === 'accepted')
    return {
      ...base,
      kind: 'brief.accepted',
      title: 'Brief accepted',
      sentence: `${e.actor} accepted the handoff brief for delivery${note}.`,
    };
  if (e.to === 'returned')
    return {
      ...base,
      kind: 'brief.returned',
      title: 'Brief returned',
      sentence: `${e.actor} returned the handoff brief to sales${note}.`,
    };
  return {
    ...base,
    kind: 'brief.changed',
    title: 'Brief moved',
    sentence: `${e.actor} moved the handoff brief from ${e.from} to ${e.to}.`,
  };
}

export function clarificationEntries(c: ClarificationFacts): TimelineEntry[] {
  const ref = { kind: 'handoff', id: c.briefId };
  const out: TimelineEntry[] = [
    {
      id: `${c.id}:asked`,
      at: instantOf(c.askedAt),
      kind: 'brief.clarification_asked',
      title: 'Delivery asked about the brief',
      sentence: `Delivery asked “${c.question}”` + (c.repeated ? ', which the brief seemed to answer already.' : '.'),
      ref,
      module: 'handoffs',
    },
  ];
  if (c.answeredAt)
    out.push({
      id: `${c.id}:answered`,
      at: instantOf(c.answeredAt),
      kind: 'brief.clarification_answered',
      title: 'Question answered',
      sentence: `Sales answered “${c.question}” on ${dayWords(c.answeredAt)}.`,
      ref,
      module: 'handoffs',
    });
  return out;
}
