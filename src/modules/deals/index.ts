/** The deals module's public face: what later modules, the demo and the command line use of it, nothing else. */
export { type Deal, type DealRecord, DEFAULT_GUARD, type JourneyState } from './deal.ts';
export { dealSchema } from './deal.schemas.ts';
export {
  applyDealBatch,
  type DealFacts,
  dealFactsOf,
  dealIdsByExternalId,
  getDeal,
  listDeals,
  loadStageMap,
} from './deal.service.ts';
export { setFinanceConfirmation } from './deal-guard.service.ts';
export { dealNamesOf } from './deal.names.ts';
export { guardSetting } from './deal.settings.ts';
export { openPipeline } from './pipeline.service.ts';
export { replacePipelineMapping } from './stages/stage.service.ts';
export { contractTermsReport, type TermsReport } from './terms/terms-report.ts';
export { updateDealTerms, wonDealTerms } from './terms/terms.service.ts';
export {
  listIntegrations,
  setWebhookSecret,
  upkeepWebhookSecrets,
  webhookSecretKeys,
} from './webhooks/integration.service.ts';
export { MIN_SECRET_LENGTH } from './webhooks/webhook.ts';
export { dealTimelineOf } from './deal-timeline.service.ts';
