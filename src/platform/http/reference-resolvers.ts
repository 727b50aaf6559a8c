import { visibleAccountIds, visibleContactIds } from '../../modules/accounts/account.refs.ts';
import { visibleDealIds } from '../../modules/deals/deal.refs.ts';
import { workspacePlaybookIds } from '../../modules/delivery/playbooks/playbook.refs.ts';
import { visibleProjectIds, visibleTaskIds } from '../../modules/delivery/projects/project.refs.ts';
import { visibleResourceIds } from '../../modules/delivery/resources/resource.refs.ts';
import { memberUserIds, partnerFirmIds } from '../identity/identity.refs.ts';
import type { ReferenceResolvers } from './reference-check.ts';

/** Every kind of record a write may name, declared once with the function of its module that knows its ids. */
export const REFERENCE_RESOLVERS: ReferenceResolvers = {
  account: visibleAccountIds,
  contact: visibleContactIds,
  deal: visibleDealIds,
  user: memberUserIds,
  partner: partnerFirmIds,
  playbook: workspacePlaybookIds,
  project: visibleProjectIds,
  task: visibleTaskIds,
  resource: visibleResourceIds,
};
