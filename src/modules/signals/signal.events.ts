/** The domain events the signals module publishes; later modules (alerts) handle them through their manifests. */
import type { Severity, SignalStage } from './signal.ts';

/** A signal was opened, or an open one's severity rose: someone may need to hear of it. */
export interface SignalRaised {
  workspaceId: string;
  signalId: string;
  accountId: string | null;
  kind: string;
  stage: SignalStage;
  severity: Severity;
  /** The severity before it rose; null when the signal was just opened. */
  previousSeverity: Severity | null;
  title: string;
  /** The evidence as sentences with its numbers. */
  explanation: string;
  suggestedPlay: string | null;
  /** When the signal was opened or rose (ISO-8601). */
  at: string;
}

declare module '../../platform/events/domain-events.ts' {
  interface DomainEvents {
    /** Published in the transaction that opens a signal or raises its severity. */
    'signals.raised': SignalRaised;
  }
}
