import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';

/** Asks the customer's name once; it is kept in this browser and shown on the project's timeline with their actions. */
export function NameModal({
  opened,
  initial,
  onClose,
  onSave,
}: {
  opened: boolean;
  initial: string;
  onClose: () => void;
  onSave: (name: string) => void;
}) {
  const [name, setName] = useState(initial);
  useEffect(() => {
    if (opened) setName(initial);
  }, [opened, initial]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) onSave(name.trim());
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Who are you?">
      <Stack component="form" onSubmit={submit}>
        <Text size="sm">Your project team sees your name next to what you do here.</Text>
        <TextInput
          label="Your name"
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={!name.trim()}>
            Continue
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
