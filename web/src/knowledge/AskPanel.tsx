import { Anchor, Badge, Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AssistantAnswer } from '../../../src/modules/knowledge/assistant/passage.ts';
import { api, ApiError } from '../api/client.ts';
import { ErrorState } from '../ui/ErrorState.tsx';

const KIND_LABELS: Record<AssistantAnswer['sources'][number]['kind'], string> = {
  article: 'Article',
  lesson: 'Lesson',
  brief: 'Handoff brief',
  ticket: 'Resolved ticket',
};

/**
 * The implementation assistant for an account or a project: a question answered from the articles, the account's
 * handoff brief, its projects' decisions and similar implementations' lessons; each sentence links to its sources.
 */
export function AskPanel({ accountId, projectId }: { accountId?: string; projectId?: string }) {
  const [question, setQuestion] = useState('');
  const ask = useMutation({
    mutationFn: (q: string) =>
      api<AssistantAnswer>('POST', '/api/v1/assistant/answers', { question: q, accountId, projectId }),
  });
  const a = ask.data;
  const fieldError = ask.error instanceof ApiError ? ask.error.fieldErrors()['body.question'] : undefined;
  const source = new Map((a?.sources ?? []).map((s) => [s.n, s]));
  const where = projectId ? 'this project' : 'this account';
  return (
    <Paper withBorder p="md" data-testid="ask-panel">
      <Title order={2} size="h5" mb="xs">
        Ask
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (question.trim()) ask.mutate(question.trim());
        }}
      >
        <Group align="flex-end">
          <Textarea
            label={`A question about ${where}`}
            description="Answered from the articles, its handoff brief, its projects’ decisions and what similar implementations learned; every sentence cites its source."
            placeholder="What should we watch for with the NetSuite integration?"
            autosize
            minRows={1}
            maxLength={2000}
            value={question}
            error={fieldError}
            onChange={(e) => setQuestion(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                if (question.trim()) ask.mutate(question.trim());
              }
            }}
            style={{ flex: 1 }}
          />
          <Button type="submit" loading={ask.isPending}>
            Ask
          </Button>
        </Group>
      </form>
      {ask.error && !fieldError && <ErrorState error={ask.error} />}
      {a && (
        <Stack mt="md" gap="xs" aria-live="polite" data-testid="ask-answer">
          {a.answer.map((s, i) => (
            <Text key={i} size="sm">
              {s.sentence}
              {s.citations.map((n) => {
                const src = source.get(n);
                return src ? (
                  <Anchor
                    key={n}
                    component={Link}
                    to={src.url}
                    ml={4}
                    size="sm"
                    aria-label={`Source ${n}: ${src.title}`}
                    data-testid="citation"
                  >
                    [{n}]
                  </Anchor>
                ) : null;
              })}
            </Text>
          ))}
          {a.note && (
            <Text size="xs" c="dimmed">
              {a.note}
            </Text>
          )}
          {a.sources.length > 0 && (
            <>
              <Title order={3} size="h6" mt="xs">
                Sources
              </Title>
              <List size="sm" listStyleType="none" spacing={4}>
                {a.sources.map((s) => (
                  <List.Item key={s.n}>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" fw={600}>
                        [{s.n}]
                      </Text>
                      <Anchor component={Link} to={s.url} size="sm">
                        {s.title}
                      </Anchor>
                      <Badge variant="light" size="sm">
                        {KIND_LABELS[s.kind]}
                      </Badge>
                    </Group>
                  </List.Item>
                ))}
              </List>
            </>
          )}
          <Text size="xs" c="dimmed">
            {a.mode === 'llm'
              ? 'Written by the configured language model from these sources only.'
              : 'Sentences taken from the sources as written; nothing left this server.'}
          </Text>
        </Stack>
      )}
    </Paper>
  );
}
