import {
  ActionIcon,
  Badge,
  Button,
  CopyButton,
  Group,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, get } from '../../api/client.ts';
import { confirmAction } from '../../ui/confirm.ts';
import { formatAgo, formatDate } from '../../ui/format.ts';
import type { PortalLink } from '../types.ts';

const STATUS_COLORS: Record<string, string> = { active: 'teal', expired: 'gray', revoked: 'red' };

/** Links that let the customer follow the plan and do their tasks without an account: signed, expiring, revocable. */
export function PortalLinksCard({ projectId }: { projectId: string }) {
  const qc = useQueryClient();
  const [label, setLabel] = useState('');
  const [daysValid, setDaysValid] = useState<number | string>(30);
  const key = ['portal-links', projectId];
  const links = useQuery({
    queryKey: key,
    queryFn: () => get<{ items: PortalLink[] }>(`/api/v1/projects/${projectId}/portal-links`).then((r) => r.items),
  });
  const create = useMutation({
    mutationFn: () =>
      api<PortalLink>('POST', `/api/v1/projects/${projectId}/portal-links`, {
        label: label.trim(),
        expiresInDays: typeof daysValid === 'number' ? daysValid : 30,
      }),
    onSuccess: (link) => {
      setLabel('');
      qc.invalidateQueries({ queryKey: key });
      notifications.show({
        color: 'teal',
        message: `Portal link “${link.label}” created: copy it and send it to the customer`,
      });
    },
  });
  const revoke = useMutation({
    mutationFn: (linkId: string) => api<void>('DELETE', `/api/v1/projects/${projectId}/portal-links/${linkId}`),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: key });
      notifications.show({ color: 'teal', message: 'Portal link revoked' });
    },
    onError: (err: Error) => notifications.show({ color: 'red', message: err.message }),
  });
  const errors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const absolute = (path: string) => new URL(path, window.location.origin).toString();
  return (
    <Paper withBorder p="md" data-testid="portal-links">
      <Title order={5} mb="xs">
        Customer portal
      </Title>
      <Stack gap="xs">
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            label="Link for"
            placeholder="e.g. Priya Nair, sponsor"
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={errors.label}
            style={{ flex: 1 }}
          />
          <NumberInput
            label="Valid (days)"
            min={1}
            max={365}
            w={100}
            value={daysValid}
            onChange={setDaysValid}
            error={errors.expiresInDays}
          />
          <Button onClick={() => create.mutate()} loading={create.isPending} disabled={!label.trim()}>
            Create link
          </Button>
        </Group>
        {create.isError && Object.keys(errors).length === 0 && (
          <Text size="sm" c="red">
            {create.error.message}
          </Text>
        )}
        {links.isError && (
          <Text size="sm" c="red">
            {links.error.message}
          </Text>
        )}
        {(links.data ?? []).length > 0 && (
          <Table verticalSpacing={4} data-testid="portal-links-table">
            <Table.Tbody>
              {(links.data ?? []).map((l) => (
                <Table.Tr key={l.id} data-testid="portal-link">
                  <Table.Td>
                    <Group gap={6}>
                      <Text size="sm" fw={500}>
                        {l.label}
                      </Text>
                      <Badge size="xs" variant="light" color={STATUS_COLORS[l.status]}>
                        {l.status}
                      </Badge>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {l.status === 'revoked'
                        ? `revoked ${formatDate(l.revokedAt)}`
                        : `${l.status === 'expired' ? 'expired' : 'expires'} ${formatDate(l.expiresAt)}`}{' '}
                      · last opened {formatAgo(l.lastUsedAt)}
                    </Text>
                    {l.url && l.status === 'active' && (
                      <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }} data-testid="portal-url">
                        {absolute(l.url)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td w={90}>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      {l.url && l.status === 'active' && (
                        <CopyButton value={absolute(l.url)}>
                          {({ copied, copy }) => (
                            <Tooltip label={copied ? 'Copied' : 'Copy link'}>
                              <ActionIcon variant="subtle" onClick={copy} aria-label={`Copy the link for ${l.label}`}>
                                {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                              </ActionIcon>
                            </Tooltip>
                          )}
                        </CopyButton>
                      )}
                      {l.status === 'active' && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() =>
                            confirmAction(`Revoke the link for ${l.label}? It stops working at once.`) &&
                            revoke.mutate(l.id)
                          }
                        >
                          Revoke
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
