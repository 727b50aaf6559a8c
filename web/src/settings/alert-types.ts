/** The alerts API's shapes, as the Settings → Alerts tab reads them. */
export interface AlertSubscription {
  id: string;
  channel: 'slack' | 'email' | 'webhook';
  target: string;
  hasSecret: boolean;
  stages: string[];
  minSeverity: 'info' | 'warning' | 'severe';
  mode: 'immediate' | 'daily_digest';
  userId: string | null;
  /** `mine`: only signals on the accounts its person owns. */
  accounts: 'all' | 'mine';
  /** Its person's play tasks due reach it. */
  playTasks: boolean;
  quietHours: { startHour: number; endHour: number; timeZone: string } | null;
  enabled: boolean;
  consecutiveFailures: number;
  disabledReason: string | null;
}

export interface AlertDelivery {
  id: string;
  subscriptionId: string;
  type: string;
  title: string;
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'dead';
  attempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastResponse: string | null;
  lastError: string | null;
  createdAt: string;
}

export interface TestAnswer {
  subscriptionId: string;
  channel: string;
  target: string;
  ok: boolean;
  status: number | null;
  answer: string;
}

export const STAGES = [
  'handoff',
  'implementation',
  'time_to_value',
  'support_overload',
  'adoption',
  'renewal',
  'knowledge_loss',
  'business_change',
  'regulatory_change',
  'release_underuse',
  'integration_decay',
];

export const stageLabel = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).replaceAll('_', ' ');
