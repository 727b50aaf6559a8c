import { Anchor, Badge, Button, Group, Mark, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { get, query } from '../api/client.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { type SearchHit, snippetParts } from './types.ts';

const KIND_LABELS: Record<SearchHit['kind'], string> = {
  article: 'Article',
  lesson: 'Lesson',
  brief: 'Handoff brief',
  ticket: 'Resolved ticket',
};

/** One search box over articles, lessons, briefs and resolved tickets, the best answers first. */
export function SearchPanel({ onOpenArticle }: { onOpenArticle: (id: string) => void }) {
  const [text, setText] = useState('');
  const [asked, setAsked] = useState('');
  const results = useQuery({
    queryKey: ['knowledge', 'search', asked],
    queryFn: () => get<{ items: SearchHit[] }>(`/api/v1/search${query({ q: asked, limit: 10 })}`),
    enabled: asked.trim() !== '',
  });
  const items = results.data?.items ?? [];
  return (
    <Paper withBorder p="md">
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(text.trim());
        }}
      >
        <Group align="flex-end">
          <TextInput
            label="Ask the knowledge base"
            description="A question in your own words: any of its words may match, titles count most."
            placeholder="How do I reset my SSO certificate?"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button type="submit">Search</Button>
        </Group>
      </form>
      {results.error && <ErrorState error={results.error} />}
      {asked && results.isSuccess && (
        <Stack mt="md" gap="sm" aria-live="polite">
          <Text size="sm" c="dimmed">
            {items.length === 0
              ? `Nothing found for “${asked}”.`
              : `${items.length} answer${items.length === 1 ? '' : 's'} for “${asked}”, the best first.`}
          </Text>
          {items.map((hit, i) => (
            <div key={`${hit.kind}-${hit.id}`} data-testid="search-hit">
              <Group gap="xs">
                <Text fw={600}>{i + 1}.</Text>
                {hit.kind === 'article' ? (
                  <Anchor component="button" type="button" onClick={() => onOpenArticle(hit.id)}>
                    {hit.title}
                  </Anchor>
                ) : (
                  <Anchor component={Link} to={hit.url}>
                    {hit.title}
                  </Anchor>
                )}
                <Badge variant="light">{KIND_LABELS[hit.kind]}</Badge>
              </Group>
              <Text size="sm">
                {snippetParts(hit.snippet).map((p, j) => (p.mark ? <Mark key={j}>{p.text}</Mark> : p.text))}
              </Text>
            </div>
          ))}
        </Stack>
      )}
      {!asked && (
        <Title order={3} size="h5" mt="sm" c="dimmed">
          Type a question and press Enter.
        </Title>
      )}
    </Paper>
  );
}
