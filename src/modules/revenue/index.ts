/** The revenue module's public face: what later modules, the demo and the command line use of it, nothing else. */
export type { RevenueSubscriptionsChanged } from './revenue.events.ts';
export {
  accountsArrOn,
  arrReport,
  loadBook,
  movementReport,
  renewalReport,
  type RenewalItem,
  retentionReport,
} from './revenue.service.ts';
export { applySubscriptionBatch, listSubscriptions, type SubscriptionRecord } from './subscription.service.ts';
export { accountMatcher } from './account-match.service.ts';
export { feedSeats } from './seats.service.ts';
export { setStripeSecret, stripeState } from './stripe/stripe-secret.service.ts';
export { SUBSCRIPTION_FIELDS } from './import/subscription-fields.ts';
export { fromCents, type Subscription } from './subscription.ts';
export { accountArrHistory, type AccountArrHistory, subscriptionTimelineOf } from './account-arr.service.ts';
export { type ArrStep, moneyWords } from './account-arr.ts';
