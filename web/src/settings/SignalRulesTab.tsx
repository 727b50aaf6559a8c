import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, api, get } from '../api/client.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { type Rule, type RuleField, type RuleSet, runSentence, STAGE_LABELS, valueOf } from './signal-rules-types.ts';

const MODULE_LABELS: Record<string, string> = {
  delivery: 'Delivery',
  usage: 'Usage',
  relationship: 'Relationship',
  revenue: 'Revenue',
  support: 'Support',
  health: 'Health',
};

/** A share (0–1) is shown and typed as a percentage. */
const shown = (f: RuleField, v: number) => (f.unit === 'share' ? Math.round(v * 1000) / 10 : v);
const stored = (f: RuleField, v: number) => (f.unit === 'share' ? v / 100 : v);
const suffix = (f: RuleField) => (f.unit === 'share' || f.unit === 'percent' ? ' %' : f.unit === 'times' ? ' ×' : '');

/**
 * Settings › Signal rules: every rule of DESIGN §4 grouped by chain stage, each with its switch and its thresholds
 * beside their defaults; a save per module re-evaluates the workspace and says what opened and closed.
 */
export function SignalRulesTab() {
  const qc = useQueryClient();
  const answer = useQuery({
    queryKey: ['signal-rules'],
    queryFn: () => get<{ items: RuleSet[] }>('/api/v1/signal-rules'),
    refetchInterval: (q) =>
      q.state.data?.items.some((s) => s.lastRun?.status === 'queued' || s.lastRun?.status === 'running') ? 2000 : false,
  });
  const [drafts, setDrafts] = useState<Record<string, RuleSet>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (answer.data) setDrafts(Object.fromEntries(answer.data.items.map((s) => [s.settingKey, s])));
  }, [answer.data]);
  const save = useMutation({
    mutationFn: (set: RuleSet) => api<RuleSet>('PUT', `/api/v1/signal-rules/${set.settingKey}`, valueOf(set)),
    onSuccess: (set) => {
      setErrors({});
      qc.invalidateQueries({ queryKey: ['signal-rules'] });
      qc.invalidateQueries({ queryKey: ['signals'] });
      notifications.show({
        color: 'teal',
        message: `${MODULE_LABELS[set.module] ?? set.module} rules saved; re-evaluating`,
      });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.problem.errors)
        setErrors(Object.fromEntries(e.problem.errors.map((x) => [x.field, x.message])));
    },
  });
  if (answer.isError) return <ErrorState error={answer.error} />;
  if (!answer.data) return <Loader aria-label="Loading signal rules" />;

  const sets = answer.data.items.map((s) => drafts[s.settingKey] ?? s);
  const dirty = (set: RuleSet) =>
    JSON.stringify(valueOf(set)) !==
    JSON.stringify(valueOf(answer.data.items.find((s) => s.settingKey === set.settingKey) ?? set));
  const change = (settingKey: string, ruleKey: string, patch: (r: Rule) => Rule) =>
    setDrafts((d) => ({
      ...d,
      [settingKey]: { ...d[settingKey]!, rules: d[settingKey]!.rules.map((r) => (r.key === ruleKey ? patch(r) : r)) },
    }));
  const rules = sets.flatMap((s) => s.rules.map((r) => ({ set: s, rule: r })));
  const stages = Object.keys(STAGE_LABELS).filter((st) => rules.some((x) => x.rule.stage === st));

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Each rule raises a signal when its thresholds are crossed. Saving a module’s rules runs them again for every
        account at once; the counts below say what changed.
      </Text>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="xs">
          Save by module
        </Title>
        <Stack gap="xs">
          {sets.map((s) => (
            <Group key={s.settingKey} justify="space-between" wrap="nowrap">
              <div>
                <Text fw={500}>{MODULE_LABELS[s.module] ?? s.module}</Text>
                <Text size="sm" c="dimmed" data-testid={`rule-run-${s.settingKey}`}>
                  {runSentence(s.lastRun)}
                </Text>
              </div>
              <Button
                onClick={() => save.mutate(s)}
                disabled={!dirty(s)}
                loading={save.isPending && save.variables?.settingKey === s.settingKey}
                aria-label={`Save the ${MODULE_LABELS[s.module] ?? s.module} rules (${s.settingKey})`}
              >
                Save
              </Button>
            </Group>
          ))}
        </Stack>
      </Paper>
      {save.isError && !(save.error instanceof ApiError && save.error.problem.errors) && (
        <Alert color="red">{save.error.message}</Alert>
      )}
      {stages.map((stage) => (
        <section key={stage} aria-labelledby={`stage-${stage}`}>
          <Title order={3} size="h4" id={`stage-${stage}`} mb="xs">
            {STAGE_LABELS[stage]}
          </Title>
          <Stack gap="sm">
            {rules
              .filter((x) => x.rule.stage === stage)
              .map(({ set, rule }) => (
                <Paper key={`${set.settingKey}.${rule.key}`} withBorder p="md">
                  <Group justify="space-between" align="flex-start">
                    <div>
                      <Text fw={600}>{rule.title}</Text>
                      <Text size="sm">{rule.description}</Text>
                    </div>
                    <Badge variant="light">{MODULE_LABELS[set.module] ?? set.module}</Badge>
                  </Group>
                  {rule.switchable && (
                    <Switch
                      mt="xs"
                      label={rule.enabled ? 'On' : 'Off: raises nothing, and its open signals close on saving'}
                      aria-label={`${rule.title}: on`}
                      checked={rule.enabled}
                      onChange={(e) => {
                        const enabled = e.currentTarget.checked;
                        change(set.settingKey, rule.key, (r) => ({ ...r, enabled }));
                      }}
                    />
                  )}
                  <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="xs">
                    {rule.fields.map((f) => (
                      <NumberInput
                        key={f.name}
                        label={`${f.label}${f.unit === 'days' ? ' (days)' : ''}`}
                        description={`Default ${shown(f, f.default)}${suffix(f)}`}
                        suffix={suffix(f)}
                        min={shown(f, f.min)}
                        max={shown(f, f.max)}
                        allowDecimal={!f.integer}
                        disabled={!rule.enabled}
                        value={shown(f, f.value)}
                        error={errors[`body.${rule.key}.${f.name}`]}
                        onChange={(v) => {
                          if (typeof v !== 'number') return;
                          change(set.settingKey, rule.key, (r) => ({
                            ...r,
                            fields: r.fields.map((x) => (x.name === f.name ? { ...x, value: stored(f, v) } : x)),
                          }));
                        }}
                      />
                    ))}
                  </SimpleGrid>
                </Paper>
              ))}
          </Stack>
        </section>
      ))}
    </Stack>
  );
}
