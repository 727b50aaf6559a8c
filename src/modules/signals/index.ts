/** The signals module's public face: what later modules use of it, nothing else. */
export {
  chainStageOf,
  SEVERITIES,
  type Severity,
  SIGNAL_STAGES,
  type Signal,
  type SignalKind,
  type SignalStage,
} from './signal.ts';
export { listSignals, raiseSignal, reconcileSignals, resolveSignals } from './signal.service.ts';
export { type AccountRuleOutcome, settleAccountOutcome, type SignalTally } from './account-outcome.service.ts';
export {
  type ActionInput as SignalActionInput,
  type Attention,
  type AttentionFilter,
  ATTENTION_FILTERS,
  DISMISS_REASONS,
  type DismissReason,
} from './attention.ts';
export { actOnSignal, getSignal, type SignalWithHistory } from './signal-action.service.ts';
export { type RuleEvaluation, signalRuleRoutes } from './signal-rules.routes.ts';
export { type SignalRulesPayload, signalRulesJob } from './signal-rules.job.ts';
export type { SignalRaised } from './signal.events.ts';
export { signalTimelineOf } from './signal-timeline.service.ts';
export { type AccountValueSource, setAccountValueSource } from './cost-of-delay.service.ts';
export { type AccountValue, type CostOfDelay, costOfDelay } from './cost-of-delay.ts';
