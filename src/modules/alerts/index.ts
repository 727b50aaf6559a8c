/** The alerts module's public face: what the command line and the demo use of it, nothing else. */
export { type AlertSubscription, CHANNELS, type Channel } from './alert.ts';
export { subscriptionCreateSchema, type SubscriptionCreate, subscriptionPatchSchema } from './alert.schemas.ts';
export { createSubscription, listSubscriptions, updateSubscription } from './subscription.service.ts';
export { deliverDue, type DeliveryEnv, listDeliveries } from './delivery.service.ts';
export { sendTestAlerts, type TestAnswer } from './test-alert.service.ts';
