import type { RoutedTab } from '../ui/RoutedTabs.tsx';
import { CapacityPage } from './capacity/CapacityPage.tsx';
import { PeoplePage } from './people/PeoplePage.tsx';
import { PlaybooksPage } from './playbooks/PlaybooksPage.tsx';
import { ProjectsTab } from './ProjectsTab.tsx';
import { TimesheetPage } from './time/TimesheetPage.tsx';

/** The tabs of Delivery, in the order of the work: projects, the capacity they need, how they are planned, who does them, their time. */
export const DELIVERY_TABS: RoutedTab[] = [
  { value: 'projects', label: 'Projects', permission: 'projects:read', Tab: ProjectsTab },
  { value: 'capacity', label: 'Capacity', permission: 'capacity:read', Tab: CapacityPage },
  { value: 'playbooks', label: 'Playbooks', permission: 'projects:read', Tab: PlaybooksPage },
  { value: 'people', label: 'People', permission: 'projects:read', Tab: PeoplePage },
  { value: 'time', label: 'Time', permission: 'time:write', Tab: TimesheetPage },
];
