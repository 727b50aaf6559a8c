import { Alert, Code, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ApiError } from '../api/client.ts';

/** A failed load, said plainly, with the request id that finds it in the server's logs. */
export function ErrorState({ error }: { error: unknown }) {
  const requestId = error instanceof ApiError ? error.problem.requestId : undefined;
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title="This could not be loaded" m="md">
      <Text size="sm">{error instanceof Error ? error.message : String(error)}</Text>
      {requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          Request id <Code>{requestId}</Code>
        </Text>
      )}
    </Alert>
  );
}
