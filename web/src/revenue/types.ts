/** The revenue API's answers, as the page reads them. */
export interface CurrencyFields {
  currency: string;
  mixedCurrencies: boolean;
  excludedCurrencies: Array<{ currency: string; subscriptions: number }>;
  note: string | null;
}

export interface ArrAnswer extends CurrencyFields {
  on: string;
  totalArr: number;
  accounts: Array<{
    accountId: string;
    account: string;
    externalId: string | null;
    domain: string | null;
    arr: number;
  }>;
}

export interface MovementTotals {
  new: number;
  expansion: number;
  contraction: number;
  churn: number;
  reactivation: number;
}

export interface MovementsAnswer extends CurrencyFields {
  months: Array<
    MovementTotals & { month: string; startArr: number; endArr: number; net: number; counts: MovementTotals }
  >;
}

export interface RetentionFigures {
  accounts: number;
  startArr: number;
  expansion: number;
  contraction: number;
  churn: number;
  endArr: number;
  grr: number | null;
  nrr: number | null;
}

export interface RetentionAnswer extends CurrencyFields, RetentionFigures {
  from: string;
  to: string;
  cohorts: Array<RetentionFigures & { cohort: string }>;
  waterfall: MovementTotals & { start: number; end: number };
}

export interface RenewalsAnswer extends CurrencyFields {
  today: string;
  withinDays: number;
  items: Array<{
    accountId: string;
    account: string;
    date: string;
    basis: 'current_term' | 'end_date' | 'anniversary' | 'account';
    arr: number;
    autoRenew: boolean | null;
    paymentFailed: boolean;
  }>;
}

export interface WaitingAnswer {
  customers: Array<{
    customerId: string;
    email: string | null;
    name: string | null;
    metadataAccount: string | null;
    since: string;
  }>;
  subscriptions: Array<{
    id: string;
    externalId: string;
    accountRef: string | null;
    accountName: string | null;
    arr: number;
    currency: string;
  }>;
}

export interface StripeAnswer {
  webhookPath: string;
  secret: { set: boolean; last4: string | null; setAt: string | null; setBy: string | null };
  lastEventAt: string | null;
}
