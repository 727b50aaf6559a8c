/** A person's open play tasks due by a day: what the daily digest and the morning message of alerts tell them. */
import type { Db } from '../../platform/db/database.ts';
import { openTasksOf } from './play.store.ts';

export interface PlayTaskDue {
  id: string;
  title: string;
  play: string;
  accountId: string;
  /** YYYY-MM-DD; on or before the day asked. */
  due: string;
  runId: string;
}

/** Open tasks of open runs assigned to `userId`, due on `day` or earlier, the most overdue first. */
export async function playTasksDue(db: Db, workspaceId: string, userId: string, day: string): Promise<PlayTaskDue[]> {
  return (await openTasksOf(db, workspaceId, userId))
    .filter((t) => t.due_on <= day)
    .map((t) => ({
      id: t.id,
      title: t.title,
      play: t.play_name,
      accountId: t.account_id,
      due: t.due_on,
      runId: t.run_id,
    }))
    .sort((a, b) => a.due.localeCompare(b.due) || a.title.localeCompare(b.title));
}
