/** Signals on their account's timeline (pure): raised, each person's action on them, closed. */
import { instantOf, type TimelineEntry } from '../accounts/index.ts';
import { actionSentence, type DismissReason, type SignalAction } from './attention.ts';

export interface SignalFacts {
  id: string;
  title: string;
  severity: string;
  stage: string;
  firstSeenAt: string;
  resolvedAt: string | null;
  resolution: string | null;
}

export interface SignalActionFacts {
  id: string;
  signalId: string;
  title: string;
  action: SignalAction;
  at: string;
  by: string | null;
  note: string | null;
  reason: DismissReason | null;
  until: string | null;
}

const stageWords = (stage: string) => `stage “${stage.replaceAll('_', ' ')}”`;

export function signalEntries(s: SignalFacts): TimelineEntry[] {
  const base = { ref: { kind: 'signal', id: s.id }, module: 'signals' };
  const out: TimelineEntry[] = [
    {
      ...base,
      id: `${s.id}:raised`,
      at: instantOf(s.firstSeenAt),
      kind: 'signal.raised',
      title: 'Signal raised',
      sentence: `${s.title}: raised as ${s.severity}, ${stageWords(s.stage)}.`,
    },
  ];
  if (s.resolvedAt)
    out.push({
      ...base,
      id: `${s.id}:closed`,
      at: instantOf(s.resolvedAt),
      kind: 'signal.closed',
      title: 'Signal closed',
      sentence: `${s.title}: closed${s.resolution ? ` (${s.resolution.replaceAll('_', ' ')})` : ''}.`,
    });
  return out;
}

const ACTION_TITLES: Readonly<Record<SignalAction, string>> = {
  acknowledge: 'Signal acknowledged',
  snooze: 'Signal snoozed',
  dismiss: 'Signal dismissed',
  reopen: 'Signal reopened',
  returned: 'Signal back as new',
};

export const signalActionEntry = (a: SignalActionFacts): TimelineEntry => ({
  id: `${a.id}:action`,
  at: instantOf(a.at),
  kind: `signal.${a.action}`,
  title: ACTION_TITLES[a.action],
  sentence: `${a.title}: ${actionSentence({ ...a, byUserId: null })}.`,
  ref: { kind: 'signal', id: a.signalId },
  module: 'signals',
});
