import {
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, get } from '../api/client.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDateTime } from '../ui/format.ts';
import type { Article, ArticleVersion } from './types.ts';

interface Draft {
  title: string;
  tags: string;
  body: string;
  status: 'draft' | 'published';
}

const draftOf = (a: Article | undefined): Draft => ({
  title: a?.title ?? '',
  tags: a?.tags.join(', ') ?? '',
  body: a?.body ?? '',
  status: a?.status ?? 'draft',
});

/**
 * Writes a new article or changes one: title, tags, Markdown body with a preview (the text as written, wrapped;
 * no Markdown renderer is bundled), status, and its versions.
 */
export function ArticleEditor({
  id,
  canWrite,
  onSaved,
  onClose,
}: {
  id: string | null;
  canWrite: boolean;
  onSaved: (a: Article) => void;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const article = useQuery({
    queryKey: ['knowledge', 'article', id],
    queryFn: () => get<Article>(`/api/v1/knowledge/articles/${id}`),
    enabled: id !== null,
  });
  const versions = useQuery({
    queryKey: ['knowledge', 'versions', id, article.data?.version],
    queryFn: () => get<{ items: ArticleVersion[] }>(`/api/v1/knowledge/articles/${id}/versions`),
    enabled: id !== null,
  });
  const [draft, setDraft] = useState<Draft>(draftOf(undefined));
  useEffect(() => setDraft(draftOf(article.data)), [article.data]);
  const save = useMutation({
    mutationFn: () => {
      const body = {
        title: draft.title,
        body: draft.body,
        status: draft.status,
        tags: draft.tags
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      };
      return id
        ? api<Article>('PUT', `/api/v1/knowledge/articles/${id}`, body)
        : api<Article>('POST', '/api/v1/knowledge/articles', body);
    },
    onSuccess: (a) => {
      void client.invalidateQueries({ queryKey: ['knowledge'] });
      onSaved(a);
    },
  });
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  return (
    <Paper withBorder p="md" data-testid="article-editor">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {id ? (article.data?.title ?? 'Article') : 'New article'}
        </Title>
        <Button variant="subtle" onClick={onClose}>
          Close
        </Button>
      </Group>
      {article.error && <ErrorState error={article.error} />}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm" mt="sm">
          <TextInput
            label="Title"
            required
            value={draft.title}
            readOnly={!canWrite}
            onChange={(e) => set({ title: e.currentTarget.value })}
          />
          <TextInput
            label="Tags"
            description="Comma-separated: product:…, integration:…, playbook:… or any word"
            value={draft.tags}
            readOnly={!canWrite}
            onChange={(e) => set({ tags: e.currentTarget.value })}
          />
          <NativeSelect
            label="Status"
            description="Only published articles are found by search"
            value={draft.status}
            disabled={!canWrite}
            onChange={(e) => set({ status: e.currentTarget.value as Draft['status'] })}
            data={[
              { value: 'draft', label: 'Draft' },
              { value: 'published', label: 'Published' },
            ]}
          />
          <Tabs defaultValue="write">
            <Tabs.List>
              <Tabs.Tab value="write">Markdown</Tabs.Tab>
              <Tabs.Tab value="preview">Preview</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="write" pt="xs">
              <Textarea
                label="Body (Markdown)"
                autosize
                minRows={8}
                value={draft.body}
                readOnly={!canWrite}
                onChange={(e) => set({ body: e.currentTarget.value })}
              />
            </Tabs.Panel>
            <Tabs.Panel value="preview" pt="xs">
              <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="article-preview">
                {draft.body || 'Nothing written yet.'}
              </Text>
            </Tabs.Panel>
          </Tabs>
          {save.error && <ErrorState error={save.error} />}
          {canWrite && (
            <Group>
              <Button type="submit" loading={save.isPending}>
                {id ? 'Save as a new version' : 'Create article'}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
      {id && versions.data && (
        <Table mt="md" aria-label="Versions, newest first">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Version</Table.Th>
              <Table.Th>Title</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Saved</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.data.items.map((v) => (
              <Table.Tr key={v.version}>
                <Table.Td>{v.version}</Table.Td>
                <Table.Td>{v.title}</Table.Td>
                <Table.Td>{v.status}</Table.Td>
                <Table.Td>
                  {formatDateTime(v.savedAt)} by {v.savedBy}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
