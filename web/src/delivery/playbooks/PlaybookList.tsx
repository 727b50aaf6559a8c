import { Alert, Badge, Button, FileButton, Group, Modal, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { OpenRow } from '../../ui/OpenRow.tsx';
import { api, ApiError, upload } from '../../api/client.ts';
import { can } from '../../api/session.ts';
import type { Session } from '../../api/types.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { starterDefinition } from './draft.ts';
import { type PlaybookDetail, usePlaybooks } from './playbook-api.ts';

const segmentLabel: Record<string, string> = { smb: 'SMB', mid_market: 'Mid-market', enterprise: 'Enterprise' };

/** Every playbook with its rules and figures; import a file, start a new one, open one to edit. */
export function PlaybookList({ session }: { session: Session }) {
  const playbooks = usePlaybooks();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const mayWrite = can(session, 'playbooks:write');
  const [creating, setCreating] = useState(false);
  const importFile = useMutation({
    mutationFn: (file: File) => {
      const type = file.name.toLowerCase().endsWith('.json') ? 'application/json' : 'application/yaml';
      return upload<{ outcome: string; playbook: PlaybookDetail }>('/api/v1/playbooks/import', file, type);
    },
    onSuccess: (r) => {
      qc.invalidateQueries({ queryKey: ['playbooks'] });
      const words: Record<string, string> = {
        created: 'Created',
        versioned: `Saved version ${r.playbook.version} of`,
        updated: 'Updated',
        unchanged: 'No change to',
      };
      notifications.show({ color: 'teal', message: `${words[r.outcome] ?? r.outcome} ${r.playbook.name}` });
    },
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          The templates projects start from. A new handoff gets the first playbook whose products and segments fit its
          deal.
        </Text>
        {mayWrite && (
          <Group>
            <FileButton
              onChange={(f) => f && importFile.mutate(f)}
              accept=".yaml,.yml,.json,application/json,application/yaml"
            >
              {(props) => (
                <Button
                  {...props}
                  variant="default"
                  leftSection={<IconFileImport size={16} />}
                  loading={importFile.isPending}
                >
                  Import YAML / JSON
                </Button>
              )}
            </FileButton>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              New playbook
            </Button>
          </Group>
        )}
      </Group>
      {importFile.error && <ImportProblems error={importFile.error} />}
      {playbooks.isError ? (
        <ErrorState error={playbooks.error} />
      ) : (
        <Paper withBorder>
          <Table highlightOnHover verticalSpacing="xs" data-testid="playbooks-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Playbook</Table.Th>
                <Table.Th>Products</Table.Th>
                <Table.Th>Segments</Table.Th>
                <Table.Th>Version</Table.Th>
                <Table.Th>Tasks</Table.Th>
                <Table.Th>Effort</Table.Th>
                <Table.Th>Typical duration</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(playbooks.data ?? []).map((p) => (
                <OpenRow key={p.id} onOpen={() => navigate(`/delivery/playbooks/${p.id}`)}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {p.name}
                      {p.archived && (
                        <Badge ml="xs" size="xs" color="gray">
                          archived
                        </Badge>
                      )}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {p.key}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {p.products.length ? (
                      p.products.join(', ')
                    ) : (
                      <Text size="sm" c="dimmed">
                        any
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {p.segments.length ? (
                      p.segments.map((s) => segmentLabel[s] ?? s).join(', ')
                    ) : (
                      <Text size="sm" c="dimmed">
                        any
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>v{p.version}</Table.Td>
                  <Table.Td>{p.taskCount}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.totalEffortHours.toLocaleString()} h</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    ~{Math.round((p.typicalDurationDays / 5) * 10) / 10} weeks
                  </Table.Td>
                </OpenRow>
              ))}
            </Table.Tbody>
          </Table>
          {playbooks.data?.length === 0 && (
            <Alert m="md" color="gray" variant="light" title="No playbooks yet">
              Import a playbook file or start a new one.
            </Alert>
          )}
        </Paper>
      )}
      <NewPlaybookModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => navigate(`/delivery/playbooks/${id}`)}
      />
    </Stack>
  );
}

/** An import that was refused, with each field's problem. */
function ImportProblems({ error }: { error: Error }) {
  const fields = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  return (
    <Alert color="red" title="The file was not imported" data-testid="import-problems">
      {fields.length === 0 ? (
        <Text size="sm">{error.message}</Text>
      ) : (
        fields.map((f) => (
          <Text size="sm" key={`${f.field}:${f.message}`}>
            <b>{f.field.replace(/^body\.?/, '') || 'file'}</b>: {f.message}
          </Text>
        ))
      )}
    </Alert>
  );
}

function NewPlaybookModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const qc = useQueryClient();
  const [form, setForm] = useState({ key: '', name: '' });
  const create = useMutation({
    mutationFn: () =>
      api<PlaybookDetail>('POST', '/api/v1/playbooks', {
        key: form.key.trim(),
        name: form.name.trim(),
        definition: starterDefinition(),
      }),
    onSuccess: (p) => {
      qc.invalidateQueries({ queryKey: ['playbooks'] });
      setForm({ key: '', name: '' });
      onClose();
      onCreated(p.id);
    },
  });
  const errors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title="New playbook">
      <Stack component="form" onSubmit={submit}>
        <TextInput
          label="Name"
          required
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
          error={errors.name}
        />
        <TextInput
          label="Key"
          description="Names the playbook in files and the command line: lowercase letters, digits, - and _"
          required
          value={form.key}
          onChange={(e) => setForm({ ...form, key: e.currentTarget.value })}
          error={errors.key}
        />
        {create.error && !errors.key && !errors.name && (
          <Text c="red" size="sm">
            {create.error.message}
          </Text>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Create and edit
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
