import { describe, expect, it } from 'vitest';
import { BUILT_IN_STAGE_MAPPINGS, StageMap, type StageMapping } from '../stage-mapping.ts';

const m = (over: Partial<StageMapping> & Pick<StageMapping, 'stage' | 'category'>): StageMapping => ({
  source: 'hubspot',
  pipeline: '',
  label: null,
  ...over,
});

const renewals: StageMapping[] = [
  m({ pipeline: '714839201', pipelineLabel: 'Renewals', stage: '1048204566', label: 'Renewed', category: 'won' }),
  m({ pipeline: '714839201', pipelineLabel: 'Renewals', stage: '1048204567', label: 'Churned', category: 'lost' }),
  m({ pipeline: '714839201', pipelineLabel: 'Renewals', stage: '1048204563', label: 'Renewal due', category: 'open' }),
];

describe('StageMap', () => {
  const map = new StageMap([...renewals, ...BUILT_IN_STAGE_MAPPINGS]);
  const category = (pipeline: string | null, stage: string) =>
    map.categorize({ source: 'hubspot', pipeline, stage, stageCategory: null });

  it.each([
    ['the pipeline id and stage id (a sync)', '714839201', '1048204566', 'won'],
    ['the pipeline name and stage label (an export)', 'Renewals', 'renewed', 'won'],
    ['the pipeline id and stage label', '714839201', ' CHURNED ', 'lost'],
    ['a stage the pipeline lacks, which the built-in words explain', 'Renewals', 'Closed Won', 'won'],
    ['no pipeline: the stage id is defined in one pipeline only', null, '1048204567', 'lost'],
    ['a pipeline the mappings do not know', 'Sales Pipeline', 'Renewed', 'won'],
    [
      'a known pipeline without that stage: another pipeline does not decide it',
      'Renewals',
      'appointmentscheduled',
      undefined,
    ],
    ['an unknown stage', null, 'negotiation', undefined],
  ])('finds a stage by %s', (_what, pipeline, stage, expected) => {
    expect(category(pipeline, stage)).toBe(expected);
  });

  it('takes the category the source stated before any mapping', () => {
    expect(
      map.categorize({ source: 'hubspot', pipeline: '714839201', stage: '1048204566', stageCategory: 'lost' }),
    ).toBe('lost');
  });

  it('lets a workspace mapping replace a built-in one, which then drops out whole', () => {
    const own = m({ stage: 'closedwon', label: 'Signed', category: 'open' });
    const replaced = new StageMap([own, ...BUILT_IN_STAGE_MAPPINGS]);
    expect(replaced.categorize({ source: 'hubspot', pipeline: null, stage: 'closedwon', stageCategory: null })).toBe(
      'open',
    );
    expect(replaced.entries()).not.toContain(BUILT_IN_STAGE_MAPPINGS[0]);
    expect(replaced.entries()[0]).toBe(own);
  });

  it('prefers a stage id over another stage whose label reads the same', () => {
    const tricky = new StageMap([m({ stage: 'a', label: 'b', category: 'won' }), m({ stage: 'b', category: 'lost' })]);
    expect(tricky.find({ source: 'hubspot', pipeline: null, stage: 'b' })?.stage).toBe('b');
    expect(tricky.entries()).toHaveLength(2);
  });

  it('does not guess when pipelines disagree on a stage without a pipeline', () => {
    const split = new StageMap([
      m({ pipeline: 'p1', stage: 'done', category: 'won' }),
      m({ pipeline: 'p2', stage: 'done', category: 'lost' }),
    ]);
    expect(split.categorize({ source: 'hubspot', pipeline: null, stage: 'done', stageCategory: null })).toBeUndefined();
    expect(split.categorize({ source: 'hubspot', pipeline: 'p2', stage: 'done', stageCategory: null })).toBe('lost');
  });

  it('keeps sources apart', () => {
    expect(
      map.categorize({ source: 'salesforce', pipeline: null, stage: 'closedwon', stageCategory: null }),
    ).toBeUndefined();
  });
});
