import { describe, expect, it } from 'vitest';
import { checkEntry, type EntryContext } from './time-entry.ts';

describe('time entry rules', () => {
  const ctx: EntryContext = {
    otherHoursThatDay: 20,
    project: { status: 'active', partnerId: null },
    task: null,
    person: { active: true, partnerId: null, name: 'Ana' },
    partnerId: null,
    today: '2026-11-10',
  };
  const e = { projectId: 'p', taskId: null, date: '2026-11-10', hours: 4 };

  it('accepts up to 24 h a day and refuses one more hour, naming the field', () => {
    expect(() => checkEntry(e, ctx)).not.toThrow();
    expect(() => checkEntry({ ...e, hours: 4.5 }, ctx)).toThrow(
      expect.objectContaining({ code: 'conflict', fieldErrors: [expect.objectContaining({ field: 'body.hours' })] }),
    );
  });

  it('refuses closed projects, foreign tasks, inactive people and future days', () => {
    expect(() => checkEntry(e, { ...ctx, project: { status: 'closed', partnerId: null } })).toThrow(
      /body.projectId: the project is closed/,
    );
    expect(() => checkEntry({ ...e, taskId: 't' }, { ...ctx, task: { projectId: 'other' } })).toThrow(/body.taskId/);
    expect(() => checkEntry(e, { ...ctx, person: { ...ctx.person, active: false } })).toThrow(
      /body.resourceId: Ana is inactive/,
    );
    expect(() => checkEntry({ ...e, date: '2026-11-12' }, ctx)).toThrow(/body.date: is in the future/);
  });

  it("keeps partner users to their firm's people and projects", () => {
    const partner = {
      ...ctx,
      partnerId: 'f1',
      person: { ...ctx.person, partnerId: 'f1' },
      project: { status: 'active', partnerId: 'f2' },
    };
    expect(() => checkEntry(e, partner)).toThrow(/body.projectId/);
  });
});
