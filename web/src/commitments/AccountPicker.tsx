import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get, query } from '../api/client.ts';
import type { Account, Page } from '../api/types.ts';

/** Picks an account by typing part of its name (searched on the server, 20 at a time). */
export function AccountPicker({
  value,
  onChange,
  error,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const accounts = useQuery({
    queryKey: ['account-search', debounced],
    queryFn: () => get<Page<Account>>(`/api/v1/accounts${query({ q: debounced, limit: 20 })}`),
    placeholderData: keepPreviousData,
  });
  const options = (accounts.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }));
  if (chosen && !options.some((o) => o.value === chosen.value)) options.unshift(chosen);
  return (
    <Select
      label="Account"
      required
      searchable
      placeholder="Type to search accounts"
      data={options}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={accounts.isFetching ? 'Searching…' : 'No account with that name'}
      onChange={(id, option) => {
        setChosen(id && option ? { value: id, label: option.label } : null);
        onChange(id);
      }}
      error={error}
      data-testid="account-picker"
    />
  );
}
