/**
 * Signals: early warnings along the failure chain (DESIGN §4), each with the evidence that raised it.
 * An account's chain stage is the earliest stage with an open warning (a signal above `info`).
 */
import type { Attention } from './attention.ts';

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
  'handoff.thin_brief': {
    stage: 'handoff',
    play: 'Ask the account executive to complete the brief before kickoff; review it together.',
  },
  'handoff.repeated_requirement': {
    stage: 'handoff',
    play:
      'Delivery asked for something the brief already said: walk the brief with the team before asking ' +
      'the customer.',
  },
  'deal.reopened': {
    stage: 'handoff',
    play: 'Hold delivery work, confirm with the account executive why the CRM reopened the deal.',
  },
  'handoff.early_slip': {
    stage: 'handoff',
    play:
      'The forecast slipped within two weeks of kickoff: the sale and the plan disagree; review scope ' +
      'with the account executive.',
  },
  'handoff.early_scope_change': {
    stage: 'handoff',
    play: 'Scope changed within two weeks of kickoff: check what the sale promised against the brief.',
  },
  'delivery.concentrated_work': {
    stage: 'implementation',
    play: 'Most open critical-path effort rests on one person: pair someone with them or move tasks.',
  },
  'delivery.blocked_task': {
    stage: 'implementation',
    play: 'A task has been blocked for days: escalate the blocker with its owner.',
  },
  'delivery.long_duration': {
    stage: 'implementation',
    play: 'The project is projected to run longer than most from the same playbook: review scope and staffing.',
  },
  'ttv.forecast_late': {
    stage: 'time_to_value',
    play: 'The forecast go-live is past the promise: tell the customer early and agree a recovery plan.',
  },
  'ttv.repeated_slips': {
    stage: 'time_to_value',
    play: 'The go-live has slipped repeatedly: run a recovery review with the sponsor.',
  },
  'ttv.first_value_overdue': {
    stage: 'time_to_value',
    play: 'First value is overdue: find the smallest step that gets the customer a real result.',
  },
  'relationship.finance_in_delivery': {
    stage: 'time_to_value',
    play:
      'Finance or procurement is in the conversation before go-live: find out what they are weighing ' +
      'and show the sponsor the value delivered so far.',
  },
  'relationship.touch_surge': {
    stage: 'time_to_value',
    play:
      'Contact with the customer rose well above its usual pace: ask the team what is driving it and ' +
      'whether the sponsor is worried.',
  },
  'support.ticket_surge_after_go_live': {
    stage: 'support_overload',
    play:
      'Tickets surged after go-live: find the two or three questions behind most of them, answer them in an ' +
      'article and a short session with the users, and check the launch was not rushed.',
  },
  'support.how_to_heavy': {
    stage: 'support_overload',
    play: 'Most tickets ask how to do something: run an enablement session and point the users to the articles.',
  },
  'knowledge.materials_stale': {
    stage: 'support_overload',
    play:
      'The customer is onboarding from articles written before its project began: have the delivery lead review ' +
      'the playbook’s articles against what this project configured, and update or retire them.',
  },
  'adoption.low_active_users': {
    stage: 'adoption',
    play: 'Few licensed users are active: plan enablement sessions with the champion.',
  },
  'adoption.concentrated_usage': {
    stage: 'adoption',
    play: 'A handful of users carry the usage: broaden adoption beyond the power users.',
  },
  'adoption.declining_usage': {
    stage: 'adoption',
    play: 'Active users are falling: find out what changed with the champion.',
  },
  'renewal.at_risk_renewal': {
    stage: 'renewal',
    play:
      'The renewal is close and churn risk is high: build the renewal plan now with the sponsor, ' +
      'starting from the value delivered.',
  },
  'renewal.sponsor_untouched': {
    stage: 'renewal',
    play: 'The executive sponsor has gone quiet: book an executive check-in and bring the outcomes they bought.',
  },
  'renewal.detractor': {
    stage: 'renewal',
    play: 'A sponsor or champion is a detractor: call them, hear the complaint out, and agree a fix with a date.',
  },
  'renewal.contraction': {
    stage: 'renewal',
    play:
      'The account pays less than it did: learn why the seats or plan went down before the renewal ' +
      'talks turn to price.',
  },
  'renewal.no_expansion': {
    stage: 'renewal',
    play: 'No expansion since the first contract: look for a team or use case beyond the first one with the champion.',
  },
  'knowledge.key_user_inactive': {
    stage: 'knowledge_loss',
    play: 'A champion or top user went quiet: find who took over and train them.',
  },
  'business.volume_shift': {
    stage: 'business_change',
    play: 'Usage volume moved sharply against its baseline: ask what changed in the business.',
  },
  'regulatory.review_needed': {
    stage: 'regulatory_change',
    play: 'A regulation that touches this account takes effect soon: review what it changes with the customer admin.',
  },
  'release.underused_feature': {
    stage: 'release_underuse',
    play: 'Entitled accounts are not using a released feature: run a targeted enablement campaign.',
  },
  'integration.error_spike': {
    stage: 'integration_decay',
    play: 'An integration is failing far more than usual: check credentials and the other system with the admin.',
  },
  'integration.no_recent_sync': {
    stage: 'integration_decay',
    play: 'An integration has not synced successfully for a week: reconnect it with the customer admin.',
  },
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
  /** The evidence as sentences with its numbers (signal-explanation.ts). */
  explanation: string;
  suggestedPlay: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
  resolution: string | null;
  /** What people did about it, as of the day read: a snooze past its day reads as `new` (attention.ts). */
  attention: Attention;
  /** The last day a snoozed signal stays away; null unless snoozed. */
  snoozedUntil: string | null;
}

/**
 * The earliest chain stage among open warnings, or null when none is open. Pure. A signal of severity `info`
 * (no expansion yet, say) is a note, not trouble: it never places an account in the chain.
 */
export function chainStageOf(open: Array<Pick<Signal, 'stage' | 'resolvedAt' | 'severity'>>): SignalStage | null {
  let best: number | null = null;
  for (const s of open) {
    if (s.resolvedAt || s.severity === 'info') continue;
    const i = SIGNAL_STAGES.indexOf(s.stage);
    if (best === null || i < best) best = i;
  }
  return best === null ? null : (SIGNAL_STAGES[best] ?? null);
}
