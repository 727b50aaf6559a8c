import type { ComponentType } from 'react';
import type { Session } from '../api/types.ts';
import { DealsPage } from './DealsPage.tsx';

export interface DealsTab {
  /** The route segment under /deals (/deals alone opens the first tab). */
  value: string;
  label: string;
  permission: string;
  /** `subPath` is what follows the tab's segment, e.g. a record id. */
  Tab: ComponentType<{ session: Session; subPath: string }>;
}

/** The tabs of Deals & handoffs, in the order of the work. */
export const DEALS_TABS: DealsTab[] = [{ value: 'incoming', label: 'Incoming deals', permission: 'deals:read', Tab: DealsPage }];
