import { describe, expect, it } from 'vitest';
import { checkCapacity, checkRole, knownRoles, parseWorkingDays } from './resource.ts';

describe('people rules', () => {
  it('knows the default roles and the workspace’s own, each once', () => {
    expect(knownRoles(['trainer', 'data_migrator'])).toEqual([
      'project_manager',
      'solution_architect',
      'consultant',
      'integration_engineer',
      'trainer',
      'data_migrator',
    ]);
  });

  it('refuses an unknown role naming the known ones', () => {
    expect(() => checkRole('wizard', knownRoles([]))).toThrow(
      /unknown delivery role "wizard"; known roles: project_manager/,
    );
  });

  it('keeps capacity between 0 and 80 hours', () => {
    expect(checkCapacity(0)).toBe(0);
    expect(() => checkCapacity(81)).toThrow(/between 0 and 80/);
  });

  it('reads working days as files write them', () => {
    expect(parseWorkingDays('Mon-Fri')).toEqual([1, 2, 3, 4, 5]);
    expect(parseWorkingDays('1;3;5')).toEqual([1, 3, 5]);
    expect(parseWorkingDays('tue, thu')).toEqual([2, 4]);
    expect(parseWorkingDays('someday')).toBeUndefined();
  });
});
