import {
  ActionIcon,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import type { PipelineView, StageCategory, StageInput } from '../api/types.ts';

export const CATEGORY_OPTIONS = [
  { value: 'open', label: 'Open' },
  { value: 'won', label: 'Won' },
  { value: 'lost', label: 'Lost' },
];
export const CATEGORY_COLORS: Record<string, string> = { won: 'teal', lost: 'gray', open: 'blue' };
export const SOURCE_LABELS: Record<string, string> = {
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
  csv: 'CSV files',
  api: 'API',
};

/** A pipeline's title as people read it: the source, then its name (and id), or "any pipeline". */
export function pipelineTitle(p: Pick<PipelineView, 'source' | 'pipeline' | 'pipelineLabel'>): string {
  const source = SOURCE_LABELS[p.source] ?? p.source;
  if (p.pipeline === '') return `${source} · any pipeline`;
  return p.pipelineLabel ? `${source} · ${p.pipelineLabel} (${p.pipeline})` : `${source} · ${p.pipeline}`;
}

interface Row extends StageInput {
  origin: 'built_in' | 'workspace' | 'new';
  deals: number;
  /** A built-in row the user changed: saving makes it the workspace's own. */
  edited: boolean;
}

const rowsOf = (p: PipelineView): Row[] =>
  p.stages.map((s) => ({
    stage: s.stage,
    label: s.label,
    category: s.category,
    probability: s.probability,
    origin: s.origin,
    deals: s.deals,
    edited: false,
  }));

/**
 * One pipeline's stages: category and probability per stage, editable for deals:write. Saving sends the
 * workspace's own stages (and any built-in one changed here); the server re-evaluates the deals at them.
 */
export function PipelineStagesCard({
  pipeline,
  canEdit,
  saving,
  onSave,
}: {
  pipeline: PipelineView;
  canEdit: boolean;
  saving: boolean;
  onSave: (stages: StageInput[]) => void;
}) {
  const [rows, setRows] = useState<Row[]>(() => rowsOf(pipeline));
  const [dirty, setDirty] = useState(false);
  const [newStage, setNewStage] = useState('');
  const [newCategory, setNewCategory] = useState<StageCategory>('open');
  const [shown, setShown] = useState(pipeline);
  if (shown !== pipeline) {
    // The server answered with new counts or stages: start again from them.
    setShown(pipeline);
    setRows(rowsOf(pipeline));
    setDirty(false);
  }
  const change = (i: number, patch: Partial<Row>) => {
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch, edited: true } : r)));
    setDirty(true);
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    const stage = newStage.trim();
    if (!stage) return;
    setRows((rs) => [
      ...rs,
      { stage, label: null, category: newCategory, probability: null, origin: 'new', deals: 0, edited: true },
    ]);
    setNewStage('');
    setDirty(true);
  };
  const save = () =>
    onSave(
      rows
        .filter((r) => r.origin !== 'built_in' || r.edited)
        .map(({ stage, label, category, probability }) => ({ stage, label, category, probability })),
    );
  const testId = `stages-${pipeline.source}-${pipeline.pipeline || 'any'}`;
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={5}>{pipelineTitle(pipeline)}</Title>
          {canEdit && (
            <Button size="xs" onClick={save} disabled={!dirty} loading={saving} data-testid={`${testId}-save`}>
              Save and re-evaluate deals
            </Button>
          )}
        </Group>
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Stage</Table.Th>
              <Table.Th w={140}>Means</Table.Th>
              <Table.Th w={130}>Probability %</Table.Th>
              <Table.Th w={110}>Set by</Table.Th>
              <Table.Th w={80}>Deals</Table.Th>
              {canEdit && <Table.Th w={40} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={`${r.stage}-${i}`}>
                <Table.Td>
                  <Text size="sm">{r.label ?? r.stage}</Text>
                  {r.label && (
                    <Text size="xs" c="dimmed">
                      {r.stage}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    aria-label={`${r.stage} means`}
                    data={CATEGORY_OPTIONS}
                    value={r.category}
                    allowDeselect={false}
                    disabled={!canEdit}
                    onChange={(v) => v && change(i, { category: v as StageCategory })}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    aria-label={`${r.stage} probability`}
                    min={0}
                    max={100}
                    allowDecimal={false}
                    clampBehavior="strict"
                    value={r.probability ?? ''}
                    disabled={!canEdit}
                    onChange={(v) => change(i, { probability: typeof v === 'number' ? v : null })}
                  />
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={r.origin === 'built_in' && !r.edited ? 'gray' : 'violet'}>
                    {r.origin === 'built_in' && !r.edited ? 'built-in' : 'workspace'}
                  </Badge>
                </Table.Td>
                <Table.Td>{r.deals}</Table.Td>
                {canEdit && (
                  <Table.Td>
                    {r.origin !== 'built_in' && (
                      <Tooltip label="Remove this stage from the mapping">
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`remove ${r.stage}`}
                          onClick={() => {
                            setRows((rs) => rs.filter((_, j) => j !== i));
                            setDirty(true);
                          }}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {canEdit && (
          <Group component="form" onSubmit={add} gap="xs" align="flex-end">
            <TextInput
              size="xs"
              label="Add a stage"
              placeholder="as deals carry it"
              value={newStage}
              onChange={(e) => setNewStage(e.currentTarget.value)}
              w={260}
            />
            <Select
              size="xs"
              aria-label="new stage means"
              data={CATEGORY_OPTIONS}
              value={newCategory}
              allowDeselect={false}
              onChange={(v) => v && setNewCategory(v as StageCategory)}
              w={120}
            />
            <Button size="xs" variant="default" type="submit" disabled={!newStage.trim()}>
              Add
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
