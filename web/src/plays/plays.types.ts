/** The plays API's answers, as the web app reads them. */
export interface PlayTaskDef {
  title: string;
  role: 'ae' | 'delivery_lead' | 'csm' | 'account_manager' | null;
  userId: string | null;
  dueInDays: number;
  instructions: string;
  emailTemplate: string | null;
}

export interface PlaySummary {
  id: string;
  name: string;
  builtinKey: string | null;
  enabled: boolean;
  version: number;
  trigger: { type: string } & Record<string, unknown>;
  triggerWords: string;
  taskCount: number;
  runs: number;
  openRuns: number;
  judgedRuns: number;
  successRate: number | null;
  updatedAt: string;
}

export interface PlayDetail extends PlaySummary {
  definition: { name: string; description: string; trigger: PlaySummary['trigger']; tasks: PlayTaskDef[] };
}

/** A run as the API answers it (`GET /api/v1/play-runs/:id`). */
import type { PlayRunView } from '../../../src/modules/plays/play-run-view.ts';

export type PlayRun = PlayRunView;

export const ROLE_WORDS: Record<string, string> = {
  ae: 'Account executive',
  delivery_lead: 'Delivery lead',
  csm: 'CSM',
  account_manager: 'Account manager',
};

export const STATUS_WORDS: Record<PlayRun['status'], string> = {
  open: 'Open',
  done: 'Done: every task done',
  ended: 'Ended',
};

export const rateWords = (p: Pick<PlaySummary, 'successRate' | 'judgedRuns'>): string =>
  p.successRate === null
    ? 'No run judged yet'
    : `${Math.round(p.successRate * 100)} % of ${p.judgedRuns} judged ${p.judgedRuns === 1 ? 'run' : 'runs'} worked`;
