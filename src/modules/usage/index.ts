/** The usage module's public face: what later modules, the demo and the command line use of it, nothing else. */
export { findSeats, seatsOfAccounts } from './adoption/rollup.store.ts';
export { setSeats } from './adoption/adoption.service.ts';
export { firstUseDays } from './adoption/first-use.service.ts';
export { isDay } from './adoption/adoption.ts';
export { portfolio, todayUtc } from './adoption/adoption.service.ts';
export { addRollupCounts } from './adoption/rollup.store.ts';
export { accountPlans, createFeature, setPlan } from './catalogue/catalogue.service.ts';
export { featureUseOutsidePlan, type FeatureUseOutsidePlan } from './catalogue/entitlement-use.service.ts';
export { recordReports } from './integrations/integration-status.service.ts';
export { createRelease } from './releases/release.service.ts';
export { evaluateUsageSignals } from './signals/usage-signals.service.ts';
export { firstUseTimelineOf } from './adoption/first-use-timeline.service.ts';
export { evaluateNudges } from './nudges/nudge-evaluate.service.ts';
export { effectOf, recentNudges } from './nudges/nudge-query.service.ts';
export { createRule as createNudgeRule, listRules as listNudgeRules } from './nudges/nudge-rule.service.ts';
export { ingestKeys, presentedKey } from './ingest/ingest-keys.service.ts';
export { teamsNewlyActive } from './teams/team.service.ts';
export type { NewTeam } from './teams/team.ts';
