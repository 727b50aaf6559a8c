import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ApiError, get } from '../api/client.ts';
import type { ApiKey } from '../api/types.ts';
import { confirmAction } from '../ui/confirm.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatAgo, formatDate } from '../ui/format.ts';

const SCOPES = [
  { value: 'ingest', label: 'Ingest: sends usage and events, reads nothing' },
  { value: 'admin', label: 'Admin: everything an admin can do' },
];

export function ApiKeysTab() {
  const qc = useQueryClient();
  const keys = useQuery({
    queryKey: ['api-keys'],
    queryFn: () => get<{ items: ApiKey[] }>('/api/v1/api-keys').then((r) => r.items),
  });
  const [name, setName] = useState('');
  const [scope, setScope] = useState<string>('ingest');
  const [secret, setSecret] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => api<{ apiKey: ApiKey; secret: string }>('POST', '/api/v1/api-keys', { name, scope }),
    onSuccess: (r) => {
      setSecret(r.secret);
      setName('');
      qc.invalidateQueries({ queryKey: ['api-keys'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api<ApiKey>('DELETE', `/api/v1/api-keys/${id}`),
    onSuccess: (k) => {
      notifications.show({ message: `Key ${k.name} revoked` });
      qc.invalidateQueries({ queryKey: ['api-keys'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const errors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  return (
    <Stack>
      <Paper withBorder p="md" component="form" onSubmit={submit}>
        <Group align="flex-end">
          <TextInput
            label="Name"
            placeholder="What uses the key, e.g. Segment production"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            w={320}
            error={errors.name}
          />
          <Select
            label="Scope"
            data={SCOPES}
            value={scope}
            onChange={(v) => setScope(v ?? 'ingest')}
            allowDeselect={false}
            w={340}
          />
          <Button type="submit" loading={create.isPending}>
            Create key
          </Button>
        </Group>
      </Paper>
      {keys.isError && <ErrorState error={keys.error} />}
      <Paper withBorder>
        <Table verticalSpacing="xs" data-testid="api-keys-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Key</Table.Th>
              <Table.Th>Scope</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(keys.data ?? []).map((k) => (
              <Table.Tr key={k.id}>
                <Table.Td>{k.name}</Table.Td>
                <Table.Td>
                  <Code>bk_{k.prefix}…</Code>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={k.scope === 'admin' ? 'red' : 'blue'}>
                    {k.scope}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDate(k.createdAt)}</Text>
                  <Text size="xs" c="dimmed">
                    by {k.createdBy ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>{formatAgo(k.lastUsedAt)}</Table.Td>
                <Table.Td>
                  {k.revokedAt ? (
                    <Badge color="gray">Revoked {formatDate(k.revokedAt)}</Badge>
                  ) : (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() =>
                        confirmAction(`Revoke ${k.name}? Whatever uses it stops working at once.`) &&
                        revoke.mutate(k.id)
                      }
                    >
                      Revoke
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {keys.data?.length === 0 && (
          <Text p="md" c="dimmed">
            No API keys yet.
          </Text>
        )}
      </Paper>
      <Modal
        opened={secret !== null}
        onClose={() => setSecret(null)}
        title="Your new API key"
        size="lg"
        data-testid="secret-modal"
      >
        <Stack>
          <Alert color="yellow">Copy it now: Baton keeps only a hash and will not show this key again.</Alert>
          <Code block data-testid="api-key-secret">
            {secret}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={secret ?? ''}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
            <Button onClick={() => setSecret(null)}>Done</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
