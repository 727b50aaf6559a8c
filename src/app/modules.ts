/**
 * The composition root's list of modules, in the journey's order. Adding a module is one line here; importing this
 * file composes them (every entry point does: the server, the CLI, the tests' helpers, the benchmarks).
 */
import { PLATFORM_AUDIT_NAMES } from '../platform/audit/audit-names.ts';
import { migrations as platformMigrations } from '../platform/db/migrations/index.ts';
import { PLATFORM_REFERENCES } from '../platform/http/reference-resolvers.ts';
import { PLATFORM_JOBS } from '../platform/jobs/registry.ts';
import { composeModules, installComposition } from '../platform/modules/composition.ts';
import { accountsModule } from '../modules/accounts/module.ts';
import { alertsModule } from '../modules/alerts/module.ts';
import { commitmentsModule } from '../modules/commitments/module.ts';
import { dealsModule } from '../modules/deals/module.ts';
import { deliveryModule } from '../modules/delivery/module.ts';
import { handoffsModule } from '../modules/handoffs/module.ts';
import { knowledgeModule } from '../modules/knowledge/module.ts';
import { healthModule } from '../modules/health/module.ts';
import { insightsModule } from '../modules/insights/module.ts';
import { playsModule } from '../modules/plays/module.ts';
import { relationshipModule } from '../modules/relationship/module.ts';
import { revenueModule } from '../modules/revenue/module.ts';
import { signalsModule } from '../modules/signals/module.ts';
import { supportModule } from '../modules/support/module.ts';
import { usageModule } from '../modules/usage/module.ts';
import { installLookups } from './lookups.ts';

export const MODULES = [
  accountsModule,
  signalsModule,
  dealsModule,
  commitmentsModule,
  handoffsModule,
  deliveryModule,
  usageModule,
  relationshipModule,
  revenueModule,
  supportModule,
  knowledgeModule,
  healthModule,
  playsModule,
  alertsModule,
  insightsModule,
];

export const COMPOSITION = composeModules(MODULES, {
  jobs: PLATFORM_JOBS,
  migrations: platformMigrations,
  references: PLATFORM_REFERENCES,
  auditNames: PLATFORM_AUDIT_NAMES,
});
installComposition(COMPOSITION);
installLookups();
