import {
  Alert,
  Badge,
  Button,
  Code,
  FileInput,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, get } from '../api/client.ts';
import { can } from '../api/session.ts';
import type {
  PipelineView,
  Session,
  StageCategory,
  StageInput,
  StageMappingsView,
  UnmappedStage,
} from '../api/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { CATEGORY_COLORS, PipelineStagesCard, pipelineTitle, SOURCE_LABELS } from './PipelineStagesCard.tsx';

interface Moved {
  dealsRecategorized: number;
  dealsChangedState: number;
}

interface ImportResult extends Moved {
  format: string;
  pipelines: Array<{ pipelineLabel: string | null; pipeline: string; stages: number }>;
  stages: number;
  notes: string[];
}

const FORMATS = [
  { value: '', label: 'Tell from the file' },
  { value: 'hubspot-pipelines', label: 'HubSpot pipelines API (JSON)' },
  { value: 'fivetran-hubspot', label: 'Fivetran HubSpot deal_pipeline_stage (+ deal_pipeline)' },
  { value: 'salesforce-stages', label: 'Salesforce OpportunityStage (CSV)' },
];

const movedMessage = (m: Moved) =>
  m.dealsChangedState === 0
    ? `no deal changed state${m.dealsRecategorized ? ` (${m.dealsRecategorized} changed category)` : ''}`
    : `${m.dealsChangedState} deal${m.dealsChangedState === 1 ? '' : 's'} changed state`;

/** Where a stage deals carry without a mapping goes: the pipeline it names (by id or name), else "any pipeline". */
function targetOf(
  view: StageMappingsView,
  u: UnmappedStage,
): Pick<PipelineView, 'source' | 'pipeline' | 'pipelineLabel'> & { stages: StageInput[] } {
  const name = u.pipeline?.trim().toLowerCase() ?? '';
  const known = view.pipelines.find(
    (p) =>
      p.source === u.source &&
      (p.pipeline.toLowerCase() === name || (name !== '' && p.pipelineLabel?.toLowerCase() === name)),
  );
  const own = (known?.stages ?? [])
    .filter((s) => s.origin === 'workspace')
    .map(({ stage, label, category, probability }) => ({ stage, label, category, probability }));
  return {
    source: u.source as PipelineView['source'],
    pipeline: known?.pipeline ?? u.pipeline?.trim() ?? '',
    pipelineLabel: known?.pipelineLabel ?? null,
    stages: own,
  };
}

/**
 * Deals & handoffs → Stages: what each CRM stage means (won, lost, open) and its probability, per source and
 * pipeline. Stages deals carry that nothing maps come first, one click from a meaning; CRM pipeline
 * definitions can be loaded from a file. Every change re-evaluates the deals at those stages.
 */
export function StageMappingsTab({ session }: { session: Session }) {
  const qc = useQueryClient();
  const canEdit = can(session, 'deals:write');
  const mappings = useQuery({
    queryKey: ['stage-mappings'],
    queryFn: () => get<StageMappingsView>('/api/v1/deals/stage-mappings'),
  });
  const done = (message: string) => {
    qc.invalidateQueries({ queryKey: ['stage-mappings'] });
    qc.invalidateQueries({ queryKey: ['deals'] });
    notifications.show({ color: 'teal', message });
  };
  const save = useMutation({
    mutationFn: (body: Pick<PipelineView, 'source' | 'pipeline' | 'pipelineLabel'> & { stages: StageInput[] }) =>
      api<Moved & { pipeline: PipelineView | null }>('PUT', '/api/v1/deals/stage-mappings', body),
    onSuccess: (r, body) => done(`${pipelineTitle(body)} saved: ${movedMessage(r)}`),
    onError: (err) => notifications.show({ color: 'red', message: err.message }),
  });
  const mapAs = (u: UnmappedStage, category: StageCategory) => {
    if (!mappings.data) return;
    const target = targetOf(mappings.data, u);
    save.mutate({ ...target, stages: [...target.stages, { stage: u.stage.trim(), category }] });
  };
  const [files, setFiles] = useState<File[]>([]);
  const [format, setFormat] = useState('');
  const load = useMutation({
    mutationFn: async () => {
      const payload = await Promise.all(files.map(async (f) => ({ name: f.name, content: await f.text() })));
      return api<ImportResult>('POST', '/api/v1/deals/stage-mappings/import', {
        files: payload,
        ...(format ? { format } : {}),
      });
    },
    onSuccess: (r) => {
      setFiles([]);
      done(
        `Loaded ${r.pipelines.length} pipeline${r.pipelines.length === 1 ? '' : 's'} (${r.stages} stages): ${movedMessage(r)}`,
      );
      for (const note of r.notes) notifications.show({ color: 'blue', message: note });
    },
    onError: (err) => notifications.show({ color: 'red', title: 'Nothing was loaded', message: err.message }),
  });

  if (mappings.isPending) return <Loader m="md" />;
  if (mappings.isError) return <ErrorState error={mappings.error} />;
  const view = mappings.data;
  const pending = save.isPending ? save.variables : undefined;
  return (
    <Stack>
      <Text c="dimmed" size="sm">
        What each CRM stage means decides when a deal counts as won and enters the closed-won guard. Changing a stage
        re-evaluates the deals at it at once; the probability feeds capacity planning from the open pipeline.
      </Text>

      {view.unmapped.length > 0 && (
        <Alert
          color="yellow"
          icon={<IconAlertTriangle size={18} />}
          title={`${view.unmapped.length} stage${view.unmapped.length === 1 ? '' : 's'} with no mapping`}
        >
          <Text size="sm" mb="xs">
            Deals at these stages are taken as still open. Say what each stage means.
          </Text>
          <Table verticalSpacing={4} data-testid="unmapped-stages">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Stage</Table.Th>
                <Table.Th>Source · pipeline</Table.Th>
                <Table.Th>Deals</Table.Th>
                {canEdit && <Table.Th>Map as</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.unmapped.map((u) => (
                <Table.Tr key={`${u.source}-${u.pipeline}-${u.stage}`}>
                  <Table.Td fw={500}>{u.stage}</Table.Td>
                  <Table.Td>
                    {SOURCE_LABELS[u.source] ?? u.source} · {u.pipeline ?? 'no pipeline'}
                  </Table.Td>
                  <Table.Td>{u.deals}</Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Group gap={4}>
                        {(['won', 'lost', 'open'] as const).map((c) => (
                          <Button
                            key={c}
                            size="compact-xs"
                            variant="light"
                            color={CATEGORY_COLORS[c]}
                            disabled={save.isPending}
                            onClick={() => mapAs(u, c)}
                          >
                            {c}
                          </Button>
                        ))}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Alert>
      )}

      {canEdit && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Title order={5}>Load pipelines from the CRM</Title>
            <Text size="sm" c="dimmed">
              Each pipeline in the file replaces that pipeline's mapping. Also from the command line:{' '}
              <Code>baton import pipelines &lt;file&gt; --workspace {session.workspace.slug}</Code>
            </Text>
            <Group align="flex-end">
              <FileInput
                label="Files"
                placeholder="pipelines.json, deal_pipeline_stage.csv …"
                multiple
                clearable
                accept=".json,.csv,application/json,text/csv"
                value={files}
                onChange={setFiles}
                w={340}
                data-testid="pipeline-files"
              />
              <Select
                label="Format"
                data={FORMATS}
                value={format}
                onChange={(v) => setFormat(v ?? '')}
                allowDeselect={false}
                w={360}
              />
              <Button onClick={() => load.mutate()} disabled={files.length === 0} loading={load.isPending}>
                Load
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}

      <Stack data-testid="stage-mappings">
        {view.pipelines.map((p) => (
          <PipelineStagesCard
            key={`${p.source}-${p.pipeline}`}
            pipeline={p}
            canEdit={canEdit}
            saving={pending?.source === p.source && pending.pipeline === p.pipeline}
            onSave={(stages) =>
              save.mutate({ source: p.source, pipeline: p.pipeline, pipelineLabel: p.pipelineLabel, stages })
            }
          />
        ))}
      </Stack>

      {view.fromSource.length > 0 && (
        <Paper withBorder p="md">
          <Title order={5} mb="xs">
            Stages the CRM explains itself
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            These deals carry won/closed flags (Salesforce IsWon and IsClosed): the CRM's word decides, whatever a
            mapping says.
          </Text>
          <Table verticalSpacing={4} data-testid="source-stated-stages">
            <Table.Tbody>
              {view.fromSource.map((s) => (
                <Table.Tr key={`${s.source}-${s.pipeline}-${s.stage}-${s.category}`}>
                  <Table.Td>{s.stage}</Table.Td>
                  <Table.Td>{SOURCE_LABELS[s.source] ?? s.source}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={CATEGORY_COLORS[s.category]}>
                      {s.category}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{s.deals} deals</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
