import { Badge, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { Section } from './sections.ts';

/** A section of the journey that is not built yet, saying so plainly. */
export function NotBuiltPage({ section }: { section: Section }) {
  const Icon = section.icon;
  return (
    <Paper withBorder p="xl" maw={680} data-testid="not-built">
      <Stack gap="sm">
        <ThemeIcon size={44} radius="md" variant="light">
          <Icon size={26} />
        </ThemeIcon>
        <Title order={2}>{section.label}</Title>
        <Badge color="gray" variant="light" w="fit-content">
          Not built yet
        </Badge>
        <Text>This part of Baton is not built yet. It will hold: {section.promise}</Text>
      </Stack>
    </Paper>
  );
}
