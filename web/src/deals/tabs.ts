import type { RoutedTab } from '../ui/RoutedTabs.tsx';
import { CommitmentsTab } from '../commitments/CommitmentsTab.tsx';
import { HandoffsTab } from '../handoffs/HandoffsTab.tsx';
import { ImportsTab } from '../imports/ImportsTab.tsx';
import { ContractTermsTab } from './ContractTermsTab.tsx';
import { DealsPage } from './DealsPage.tsx';
import { StageMappingsTab } from './StageMappingsTab.tsx';

/** The tabs of Deals & handoffs, in the order of the work. */
export const DEALS_TABS: RoutedTab[] = [
  { value: 'incoming', label: 'Incoming deals', permission: 'deals:read', Tab: DealsPage },
  { value: 'handoffs', label: 'Handoffs', permission: 'handoffs:read', Tab: HandoffsTab },
  { value: 'commitments', label: 'Commitments', permission: 'commitments:read', Tab: CommitmentsTab },
  { value: 'terms', label: 'Contract terms', permission: 'deals:read', Tab: ContractTermsTab },
  { value: 'stages', label: 'Stages', permission: 'deals:read', Tab: StageMappingsTab },
  { value: 'imports', label: 'Imports', permission: 'imports:run', Tab: ImportsTab },
];
