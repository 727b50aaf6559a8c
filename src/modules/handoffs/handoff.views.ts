/** The brief as the API answers it. Pure types, shared with the web app. */
import type { Account } from '../accounts/account.ts';
import type { Deal } from '../deals/deal.ts';
import type { BriefContent, BriefField, BriefScore, BriefState } from './handoff.ts';

export interface BriefSummary {
  id: string;
  dealId: string;
  dealName: string;
  amount: number | null;
  currency: string | null;
  signedDate: string | null;
  accountId: string | null;
  accountName: string | null;
  state: BriefState;
  completeness: number;
  aeUserId: string | null;
  deliveryLeadUserId: string | null;
  submittedAt: string | null;
  acceptedAt: string | null;
  returnedAt: string | null;
  returnReasons: string[];
  dealReopenedAt: string | null;
  /** The go-live promised to the customer, as the brief says it (YYYY-MM-DD), or null. */
  promisedGoLive: string | null;
  openClarifications: number;
  createdAt: string;
  updatedAt: string;
}

export interface Clarification {
  id: string;
  field: BriefField | null;
  question: string;
  repeated: boolean;
  askedBy: string | null;
  askedAt: string;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
}

export interface BriefEvent {
  at: string;
  actor: string;
  from: BriefState | null;
  to: BriefState;
  completeness: number;
  note: string | null;
}

export interface BriefDetail extends BriefSummary {
  content: BriefContent;
  score: BriefScore;
  deal: Deal;
  account: Account | null;
  clarifications: Clarification[];
  /** The delivery project the accepted brief started, if any. */
  projectId: string | null;
  events: BriefEvent[];
}
