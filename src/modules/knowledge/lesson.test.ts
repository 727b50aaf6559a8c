import { describe, expect, it } from 'vitest';
import { lessonsAsked } from './lesson.ts';

const milestones = [
  { id: 'm1', name: 'Kickoff done', completedOn: '2026-03-02' },
  { id: 'm2', name: 'Data migrated', completedOn: '2026-04-10T12:00:00.000Z' },
  { id: 'm3', name: 'Go-live', completedOn: null },
];

describe('lessons a project asks for', () => {
  it('asks at every milestone done with nothing filed there, oldest first', () => {
    const asks = lessonsAsked({ status: 'active', closedOn: null, milestones }, [{ milestone: 'm1' }]);
    expect(asks).toEqual([{ milestone: 'm2', name: 'Data migrated', on: '2026-04-10' }]);
  });

  it('asks at the close once the project is closed, until a lesson is filed there', () => {
    const closed = { status: 'closed', closedOn: '2026-06-01', milestones };
    expect(lessonsAsked(closed, [{ milestone: 'm1' }, { milestone: 'm2' }])).toEqual([
      { milestone: 'close', name: 'Project close', on: '2026-06-01' },
    ]);
    expect(lessonsAsked(closed, [{ milestone: 'm1' }, { milestone: 'm2' }, { milestone: 'close' }])).toEqual([]);
  });

  it('asks nothing of a project with no milestone done', () => {
    expect(lessonsAsked({ status: 'queued', closedOn: null, milestones: [milestones[2]!] }, [])).toEqual([]);
  });
});
