import { describe, expect, it } from 'vitest';
import { BUILT_IN_STAGE_MAPPINGS } from '../stage-mapping.ts';
import { buildStageMappingsView, type DealStageGroup, pipelineProblems, toMappings } from './stage-view.ts';

const group = (over: Partial<DealStageGroup> & Pick<DealStageGroup, 'stage' | 'deals'>): DealStageGroup => ({
  source: 'hubspot',
  pipeline: null,
  category: 'open',
  stated: false,
  ...over,
});

describe('toMappings', () => {
  it('trims, keeps the order as display order, and gives won 100 and lost 0 when no probability is said', () => {
    const rows = toMappings({
      source: 'csv',
      pipeline: ' main ',
      pipelineLabel: '  ',
      stages: [
        { stage: ' Signed ', category: 'won' },
        { stage: 'Gone', label: 'Lost to a rival', category: 'lost', probability: 5 },
        { stage: 'Talking', category: 'open' },
      ],
    });
    expect(rows.map((r) => [r.pipeline, r.pipelineLabel, r.stage, r.label, r.probability, r.displayOrder])).toEqual([
      ['main', null, 'Signed', null, 100, 0],
      ['main', null, 'Gone', 'Lost to a rival', 5, 1],
      ['main', null, 'Talking', null, null, 2],
    ]);
  });
});

describe('pipelineProblems', () => {
  it('names every repeated stage and label by its place, ignoring case and spaces', () => {
    expect(
      pipelineProblems([
        { stage: 'a', label: 'Won', category: 'won' },
        { stage: ' A ', category: 'open' },
        { stage: 'b', label: 'won ', category: 'lost' },
        { stage: 'c', category: 'open' },
      ]),
    ).toEqual([
      { path: [1, 'stage'], message: 'stage "A" is already given at stages.0' },
      { path: [2, 'label'], message: 'label "won" is already used by stages.0' },
    ]);
  });
});

describe('buildStageMappingsView', () => {
  const own = toMappings({
    source: 'hubspot',
    pipeline: 'default',
    pipelineLabel: 'Sales Pipeline',
    stages: [{ stage: 'contractsent', label: 'Contract sent', category: 'open', probability: 90 }],
  });

  it('counts deals at each mapping by id or label, and lists what nothing maps, largest first', () => {
    const view = buildStageMappingsView(own, BUILT_IN_STAGE_MAPPINGS, [
      group({ pipeline: 'default', stage: 'contractsent', deals: 2 }),
      group({ pipeline: 'Sales Pipeline', stage: 'Contract Sent', deals: 3 }),
      group({ pipeline: 'Sales Pipeline', stage: 'Closed won', category: 'won', deals: 4 }),
      group({ stage: 'Demo', deals: 1 }),
      group({ stage: 'demo ', deals: 1 }),
      group({ stage: 'Pitch', deals: 5 }),
      group({ source: 'salesforce', stage: 'Prospecting', category: 'open', stated: true, deals: 7 }),
    ]);
    expect(view.pipelines.map((p) => [p.source, p.pipeline, p.pipelineLabel])).toEqual([
      ['csv', '', null],
      ['hubspot', '', null],
      ['hubspot', 'default', 'Sales Pipeline'],
    ]);
    expect(view.pipelines[2]?.stages).toEqual([
      {
        stage: 'contractsent',
        label: 'Contract sent',
        category: 'open',
        probability: 90,
        origin: 'workspace',
        deals: 5,
      },
    ]);
    // "Closed won" is a built-in stage name (and closedwon's label): the name wins.
    expect(view.pipelines[1]?.stages.filter((s) => s.deals > 0).map((s) => [s.stage, s.deals])).toEqual([
      ['closed won', 4],
    ]);
    expect(view.unmapped).toEqual([
      { source: 'hubspot', pipeline: null, stage: 'Pitch', deals: 5 },
      { source: 'hubspot', pipeline: null, stage: 'Demo', deals: 2 },
    ]);
    expect(view.fromSource).toEqual([
      { source: 'salesforce', pipeline: null, stage: 'Prospecting', category: 'open', deals: 7 },
    ]);
  });
});
