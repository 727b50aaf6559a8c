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

export interface PlayRun {
  id: string;
  playId: string;
  playName: string;
  playVersion: number;
  account: { id: string; name: string };
  trigger: string;
  signalId: string | null;
  startedOn: string;
  status: 'open' | 'done' | 'ended';
  endedAt: string | null;
  endReason: string | null;
  outcome: { success: boolean; sentence: string } | null;
  tasks: Array<{
    id: string;
    position: number;
    title: string;
    instructions: string;
    emailTemplate: string | null;
    role: string | null;
    assigneeUserId: string | null;
    assignmentNote: string | null;
    due: string;
    doneAt: string | null;
    doneBy: string | null;
  }>;
}

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
