import { Button, Group, Paper, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { CreateAccountModal } from '../accounts/CreateAccountModal.tsx';
import { get, query } from '../api/client.ts';
import type { Account, BriefDetail, Page } from '../api/types.ts';

/**
 * A won deal whose customer the CRM named but Baton does not know yet: the account executive links it to
 * an existing account or creates the new customer. Delivery accepts only briefs with an account.
 */
export function AccountLink({
  brief,
  onLink,
  busy,
}: {
  brief: BriefDetail;
  onLink: (accountId: string) => void;
  busy: boolean;
}) {
  const [search, setSearch] = useState(brief.deal.accountName ?? '');
  const [debounced] = useDebouncedValue(search, 250);
  const [creating, setCreating] = useState(false);
  const accounts = useQuery({
    queryKey: ['accounts', 'pick', debounced],
    queryFn: () => get<Page<Account>>(`/api/v1/accounts${query({ q: debounced, limit: 20 })}`),
  });
  return (
    <Paper withBorder p="md" data-testid="account-link">
      <Text size="sm" fw={500}>
        No customer account linked
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        The CRM calls the customer “{brief.deal.accountName ?? 'unknown'}”. Link the account, or create it if this is a
        new customer.
      </Text>
      <Group align="flex-end" gap="xs">
        <Select
          label="Account"
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          data={(accounts.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
          onChange={(v) => v && onLink(v)}
          nothingFoundMessage="No account by that name"
          disabled={busy}
          w={280}
        />
        <Button variant="light" onClick={() => setCreating(true)}>
          New account…
        </Button>
      </Group>
      <CreateAccountModal
        opened={creating}
        onClose={() => setCreating(false)}
        initialName={brief.deal.accountName ?? ''}
        onCreated={(a) => onLink(a.id)}
      />
    </Paper>
  );
}
