import { Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import { useMembers, usePartners } from '../api/queries.ts';
import { can } from '../api/session.ts';
import type { Partner, Session } from '../api/types.ts';
import { formatDate } from '../ui/format.ts';

export function PartnersTab({ session }: { session: Session }) {
  const qc = useQueryClient();
  const partners = usePartners();
  const members = useMembers();
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: () => api<Partner>('POST', '/api/v1/partners', { name }),
    onSuccess: () => {
      setName('');
      qc.invalidateQueries({ queryKey: ['partners'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const people = (id: string) => (members.data ?? []).filter((m) => m.partnerId === id).length;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Implementation partners. Their people sign in with the partner role and see only the accounts and projects of
        their firm.
      </Text>
      {can(session, 'users:manage') && (
        <Group component="form" onSubmit={submit} align="flex-end">
          <TextInput
            label="Firm"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            w={320}
            error={create.error instanceof ApiError ? create.error.message : undefined}
          />
          <Button type="submit" loading={create.isPending}>
            Add partner firm
          </Button>
        </Group>
      )}
      <Paper withBorder>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Firm</Table.Th>
              <Table.Th>People</Table.Th>
              <Table.Th>Since</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(partners.data ?? []).map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>{people(p.id)}</Table.Td>
                <Table.Td>{formatDate(p.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
