/** A play run as the API answers it, with its tasks (types only: the web app reads them too). */
import type { Outcome, RunStatus } from './play.ts';

export interface PlayTaskView {
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
}

export interface PlayRunView {
  id: string;
  playId: string;
  playName: string;
  playVersion: number;
  account: { id: string; name: string };
  trigger: string;
  signalId: string | null;
  startedOn: string;
  status: RunStatus;
  endedAt: string | null;
  endReason: string | null;
  outcome: Outcome | null;
  tasks: PlayTaskView[];
}
