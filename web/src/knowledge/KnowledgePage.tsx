import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { get, query } from '../api/client.ts';
import { can } from '../api/session.ts';
import type { Session } from '../api/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDate } from '../ui/format.ts';
import { ArticleEditor } from './ArticleEditor.tsx';
import { GapsCard } from './GapsCard.tsx';
import { SearchPanel } from './SearchPanel.tsx';
import type { Article } from './types.ts';

/**
 * The knowledge base: search, the articles by title with a tag filter, the editor with versions, and the
 * repetitive questions no article answers yet (for those who read tickets); an article's own address opens it.
 */
export function KnowledgePage({ session }: { session: Session }) {
  const canWrite = can(session, 'knowledge:write');
  const [tag, setTag] = useState('');
  // A search result's link (`/knowledge/articles/:id`) opens that article in the editor.
  const { articleId } = useParams();
  const [open, setOpen] = useState<string | null | undefined>(articleId);
  // An article drafted from a repetitive question opens in the editor, which takes the focus (and so the view).
  const editor = useRef<HTMLDivElement>(null);
  const [drafted, setDrafted] = useState(0);
  useEffect(() => {
    if (drafted) editor.current?.focus();
  }, [drafted]);
  const list = useQuery({
    queryKey: ['knowledge', 'articles', tag],
    queryFn: () => get<{ items: Article[] }>(`/api/v1/knowledge/articles${query({ tag, limit: 200 })}`),
  });
  const all = useQuery({
    queryKey: ['knowledge', 'articles', ''],
    queryFn: () => get<{ items: Article[] }>(`/api/v1/knowledge/articles${query({ limit: 200 })}`),
  });
  const tags = useMemo(() => [...new Set((all.data?.items ?? []).flatMap((a) => a.tags))].sort(), [all.data]);
  const items = list.data?.items ?? [];
  const published = items.filter((a) => a.status === 'published').length;
  const drafts = items.length - published;
  return (
    <Stack>
      <Title order={1} size="h2">
        Knowledge
      </Title>
      <SearchPanel onOpenArticle={(id) => setOpen(id)} />
      {open !== undefined && (
        <div ref={editor} tabIndex={-1} data-testid="article-editor-region" aria-label="Article editor" role="region">
          <ArticleEditor
            id={open}
            canWrite={canWrite}
            onSaved={(a) => setOpen(a.id)}
            onClose={() => setOpen(undefined)}
          />
        </div>
      )}
      <Group justify="space-between" align="flex-end">
        <NativeSelect
          label="Tag"
          value={tag}
          onChange={(e) => setTag(e.currentTarget.value)}
          data={[{ value: '', label: 'Every tag' }, ...tags.map((t) => ({ value: t, label: t }))]}
        />
        {canWrite && <Button onClick={() => setOpen(null)}>New article</Button>}
      </Group>
      {list.error && <ErrorState error={list.error} />}
      {list.isSuccess && (
        <Text size="sm">
          {items.length} article{items.length === 1 ? '' : 's'}
          {tag ? ` tagged ${tag}` : ''}, {published} of them published (found by search) and {drafts} drafts.
        </Text>
      )}
      <Table aria-label="Articles by title">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Title</Table.Th>
            <Table.Th>Tags</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Version</Table.Th>
            <Table.Th>Updated</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component="button" type="button" onClick={() => setOpen(a.id)}>
                  {a.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {a.tags.map((t) => (
                    <Badge key={t} variant="light" size="sm">
                      {t}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{a.status === 'published' ? 'Published' : 'Draft'}</Table.Td>
              <Table.Td>{a.version}</Table.Td>
              <Table.Td>{formatDate(a.updatedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {can(session, 'support:read') && (
        <GapsCard
          canDraft={canWrite}
          onOpenArticle={(id) => {
            setOpen(id);
            setDrafted((n) => n + 1);
          }}
        />
      )}
    </Stack>
  );
}
