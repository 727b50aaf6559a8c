/**
 * The demo's lessons and decisions on delivered projects, filed by each project's delivery lead the day after a
 * milestone was done or the project closed (projects with a lead), and one drafted into a knowledge article, through
 * knowledge's face.
 */
import { listMembers } from '../platform/identity/member.service.ts';
import type { Actor } from '../platform/auth/principal.ts';
import type { Db } from '../platform/db/database.ts';
import { getProject, projectRecords } from '../modules/delivery/index.ts';
import { addLesson, draftFromLesson } from '../modules/knowledge/index.ts';
import { DEMO_CLOSE_LESSONS, DEMO_MILESTONE_LESSONS } from './lessons.ts';

const DAY = 86_400_000;
const dayAfter = (day: string) => new Date(Date.parse(`${day.slice(0, 10)}T16:00:00Z`) + DAY);

export async function writeDemoLessons(
  db: Db,
  ctx: { workspaceId: string; today: Date; actor: Actor },
): Promise<{ lessons: number; drafted: number }> {
  const scope = { workspaceId: ctx.workspaceId, partnerId: null };
  const names = new Map((await listMembers(db, ctx.workspaceId)).map((m) => [m.id, m.name]));
  const delivered = (await projectRecords(db, scope))
    .filter((p) => (p.status === 'live' || p.status === 'closed') && p.lead_user_id && names.has(p.lead_user_id))
    .sort((a, b) => a.id.localeCompare(b.id))
    .slice(0, 8);
  let lessons = 0;
  let firstLesson: { id: string; at: Date } | null = null;
  let turn = 0;
  for (const [i, record] of delivered.entries()) {
    const project = await getProject(db, scope, record.id);
    const lead = project.leadUserId as string;
    const actor: Actor = { type: 'user', id: lead, label: names.get(lead) as string };
    // Most milestones get an answer; the last project done leaves one unanswered, so the page still asks.
    const done = project.milestones.filter((m) => m.completedOn).slice(0, i === delivered.length - 1 ? 1 : 2);
    const filings: Array<[string, 'lesson' | 'decision', string, Date]> = done.map((m) => {
      const [kind, text] = DEMO_MILESTONE_LESSONS[turn++ % DEMO_MILESTONE_LESSONS.length]!;
      return [m.id, kind, text, dayAfter(m.completedOn as string)];
    });
    if (project.status === 'closed' && project.closedOn) {
      const [kind, text] = DEMO_CLOSE_LESSONS[i % DEMO_CLOSE_LESSONS.length]!;
      filings.push(['close', kind, text, dayAfter(project.closedOn)]);
    }
    for (const [milestone, kind, text, at] of filings) {
      if (at > ctx.today) continue;
      const lesson = await addLesson(db, actor, scope, project.id, { milestone, kind, text }, at.toISOString());
      firstLesson ??= { id: lesson.id, at };
      lessons++;
    }
  }
  if (!firstLesson) return { lessons, drafted: 0 };
  const draftedAt = new Date(Math.min(ctx.today.getTime(), firstLesson.at.getTime() + 2 * DAY));
  await draftFromLesson(db, ctx.actor, scope, firstLesson.id, draftedAt.toISOString());
  return { lessons, drafted: 1 };
}
