import {
  IconBook2,
  IconBuildingSkyscraper,
  IconChartDots3,
  IconCoin,
  IconHeartbeat,
  IconHeadset,
  IconHandStop,
  IconListCheck,
  IconRoute,
  IconSettings,
  IconTrendingUp,
  type Icon,
} from '@tabler/icons-react';

export interface Section {
  path: string;
  label: string;
  icon: Icon;
  built: boolean;
  /** What the section will hold, for sections not built yet. */
  promise?: string;
}

/** The navigation follows the customer's journey from Closed-Won to renewal. */
export const SECTIONS: Section[] = [
  { path: '/my-work', label: 'My work', icon: IconListCheck, built: true },
  { path: '/accounts', label: 'Accounts', icon: IconBuildingSkyscraper, built: true },
  { path: '/deals', label: 'Deals & handoffs', icon: IconHandStop, built: true },
  {
    path: '/delivery',
    label: 'Delivery',
    icon: IconRoute,
    built: true,
    promise:
      'Playbooks, implementation projects with a forecast go-live and recorded slips, the customer portal, time, ' +
      'services margin and capacity.',
  },
  {
    path: '/adoption',
    label: 'Adoption',
    icon: IconTrendingUp,
    built: true,
    promise:
      'Product usage from Segment and PostHog, seats, active users, feature breadth, releases and integration ' +
      'health per account.',
  },
  {
    path: '/support',
    label: 'Support',
    icon: IconHeadset,
    built: true,
    promise: 'Ticket load after go-live, repetitive "how do I" questions and what the knowledge base deflects.',
  },
  {
    path: '/knowledge',
    label: 'Knowledge',
    icon: IconBook2,
    built: true,
    promise:
      'Configuration decisions, integration patterns and lessons from every implementation, searchable for the ' +
      'next one.',
  },
  {
    path: '/revenue',
    label: 'Revenue',
    icon: IconCoin,
    built: true,
    promise: 'Subscriptions, ARR movements and renewals, with net and gross revenue retention by cohort.',
  },
  {
    path: '/health',
    label: 'Health',
    icon: IconHeartbeat,
    built: true,
    promise:
      'Health scores that show what moved them, signals along the failure chain with their evidence, and the plays ' +
      'that answer them.',
  },
  {
    path: '/insights',
    label: 'Insights',
    icon: IconChartDots3,
    built: false,
    promise:
      'Portfolio metrics: time to value, slippage, NRR, services margin, cost of delay and the failure-chain funnel.',
  },
  { path: '/settings', label: 'Settings', icon: IconSettings, built: true },
];
