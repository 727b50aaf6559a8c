import { Anchor, Button, Paper, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { describeEvent } from '../delivery/event-text.ts';
import { formatDateTime } from '../ui/format.ts';
import type { PortalView } from './portal-api.ts';

/** What happened on the project, newest first, and a box to write to the project team. */
export function PortalTimeline({
  timeline,
  name,
  onChangeName,
  onComment,
  busy,
}: {
  timeline: PortalView['timeline'];
  name: string;
  onChangeName: () => void;
  onComment: (text: string, done: () => void) => void;
  busy: boolean;
}) {
  const [text, setText] = useState('');
  return (
    <Paper withBorder p="lg" data-testid="portal-timeline">
      <Title order={2} size="h4" mb="sm">
        Updates
      </Title>
      <Stack gap="xs" mb="md">
        <Textarea
          placeholder="A question or a note for your project team"
          autosize
          minRows={2}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          aria-label="Message to the project team"
        />
        <Button
          w="fit-content"
          size="xs"
          loading={busy}
          disabled={!text.trim()}
          onClick={() => onComment(text.trim(), () => setText(''))}
        >
          Send
        </Button>
        {name && (
          <Text size="xs" c="dimmed">
            Signed as {name} ·{' '}
            <Anchor component="button" size="xs" onClick={onChangeName}>
              not you?
            </Anchor>
          </Text>
        )}
      </Stack>
      <Timeline bulletSize={12} lineWidth={2}>
        {timeline.map((e, i) => (
          <Timeline.Item
            key={`${e.at}-${i}`}
            color={e.actorKind === 'customer' ? 'violet' : e.kind === 'comment' ? 'blue' : 'gray'}
            data-testid="portal-event"
          >
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {describeEvent(e.kind, e.detail)}
            </Text>
            <Text size="xs" c="dimmed">
              {e.actor} · {formatDateTime(e.at)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      {timeline.length === 0 && (
        <Text size="sm" c="dimmed">
          No updates yet.
        </Text>
      )}
    </Paper>
  );
}
