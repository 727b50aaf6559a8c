/** The signals module's public face: what later modules use of it, nothing else. */
export type { SignalKind } from './signal.ts';
export { listSignals, raiseSignal, reconcileSignals, resolveSignals } from './signal.service.ts';
