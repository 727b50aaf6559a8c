/**
 * Signals: early warnings along the failure chain (DESIGN §4), each with the evidence that raised it.
 * An account's chain stage is the earliest stage with an open signal.
 */

/** Chain stages in order, then the erosion sources. */
export const SIGNAL_STAGES = [
  'handoff',
  'implementation',
  'time_to_value',
  'support_overload',
  'adoption',
  'renewal',
  'knowledge_loss',
  'business_change',
  'regulatory_change',
  'release_underuse',
  'integration_decay',
] as const;
export type SignalStage = (typeof SIGNAL_STAGES)[number];

export const SEVERITIES = ['info', 'warning', 'severe'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The kinds Baton raises so far; each names its chain stage and what to do about it. */
export const SIGNAL_KINDS = {
  'handoff.thin_brief': { stage: 'handoff', play: 'Ask the account executive to complete the brief before kickoff; review it together.' },
  'handoff.repeated_requirement': { stage: 'handoff', play: 'Delivery asked for something the brief already said: walk the brief with the team before asking the customer.' },
  'deal.reopened': { stage: 'handoff', play: 'Hold delivery work, confirm with the account executive why the CRM reopened the deal.' },
} as const satisfies Record<string, { stage: SignalStage; play: string }>;
export type SignalKind = keyof typeof SIGNAL_KINDS;

export interface Signal {
  id: string;
  accountId: string | null;
  kind: string;
  stage: SignalStage;
  severity: Severity;
  subjectType: string;
  subjectId: string;
  title: string;
  evidence: Record<string, unknown>;
  suggestedPlay: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
  resolution: string | null;
}

/** The earliest chain stage among open signals, or null when none is open. Pure. */
export function chainStageOf(open: Array<Pick<Signal, 'stage' | 'resolvedAt'>>): SignalStage | null {
  let best: number | null = null;
  for (const s of open) {
    if (s.resolvedAt) continue;
    const i = SIGNAL_STAGES.indexOf(s.stage);
    if (best === null || i < best) best = i;
  }
  return best === null ? null : (SIGNAL_STAGES[best] ?? null);
}
