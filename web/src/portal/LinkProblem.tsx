import { Center, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconClockX, IconLinkOff, IconLock, IconAlertTriangle } from '@tabler/icons-react';

const MESSAGES = {
  invalid: {
    icon: IconLinkOff,
    title: 'This link is not valid',
    text: 'The address may be incomplete or altered. Open the link exactly as you received it, or ask your project manager to send it again.',
  },
  expired: {
    icon: IconClockX,
    title: 'This link has expired',
    text: 'Portal links last a limited time. Ask your project manager for a new one.',
  },
  revoked: {
    icon: IconLock,
    title: 'This link was withdrawn',
    text: 'Your project team revoked this link. Ask your project manager for a new one.',
  },
  error: { icon: IconAlertTriangle, title: 'The project could not be loaded', text: 'Please try again in a moment.' },
} as const;

/** A full page saying plainly why the portal cannot open, and what to do. */
export function LinkProblem({ kind, detail }: { kind: keyof typeof MESSAGES; detail?: string }) {
  const m = MESSAGES[kind];
  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper withBorder p="xl" maw={520} data-testid="portal-problem" data-kind={kind}>
        <Stack align="center" ta="center">
          <ThemeIcon size={56} radius="xl" variant="light" color={kind === 'error' ? 'red' : 'gray'}>
            <m.icon size={30} />
          </ThemeIcon>
          <Title order={2}>{m.title}</Title>
          <Text>{m.text}</Text>
          {detail && (
            <Text size="sm" c="dimmed">
              {detail}
            </Text>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
