import { Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { BriefContent } from '../api/types.ts';
import { RowsEditor } from './RowsEditor.tsx';

const lines = (v: string[]) => v.join('\n');
const fromLines = (v: string) =>
  v
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The brief's fields, grouped as delivery reads them: why, who, what, when, what could go wrong. */
export function BriefForm({
  content,
  onChange,
  disabled,
  hasPartner,
  errors,
}: {
  content: BriefContent;
  onChange: (c: BriefContent) => void;
  disabled: boolean;
  hasPartner: boolean;
  errors: Record<string, string>;
}) {
  const set = <K extends keyof BriefContent>(key: K, value: BriefContent[K]) => onChange({ ...content, [key]: value });
  // Textareas hold lines being typed (blank ones too); they are cleaned when the brief is saved.
  return (
    <Stack gap="md" data-testid="brief-form">
      <Paper withBorder p="md">
        <Title order={5} mb="sm">
          Why they bought
        </Title>
        <Stack gap="sm">
          <Textarea
            label="Pain points"
            description="One per line: what hurts today, in the customer’s words"
            autosize
            minRows={2}
            value={lines(content.painPoints)}
            onChange={(e) => set('painPoints', e.currentTarget.value.split('\n'))}
            onBlur={() => set('painPoints', fromLines(lines(content.painPoints)))}
            readOnly={disabled}
            error={errors.painPoints}
          />
          <RowsEditor
            label="Goals"
            description="Each with a measurable success criterion: a number, a percentage, a date"
            rows={content.goals}
            columns={[
              { key: 'goal', label: 'Goal', grow: 1 },
              {
                key: 'successCriterion',
                label: 'Success criterion',
                placeholder: 'e.g. order entry under 2 minutes for 90 % of orders',
                grow: 1.4,
              },
            ]}
            empty={{ goal: '', successCriterion: '' }}
            readOnly={disabled}
            onChange={(rows) => set('goals', rows)}
            testId="brief-goals"
          />
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Title order={5} mb="sm">
          Who
        </Title>
        <Stack gap="sm">
          <RowsEditor
            label="Stakeholders"
            description="Name the executive sponsor"
            rows={content.stakeholders}
            columns={[
              { key: 'name', label: 'Name' },
              { key: 'role', label: 'Role', placeholder: 'Executive sponsor, champion …' },
              { key: 'email', label: 'Email' },
            ]}
            empty={{ name: '', role: '', email: null }}
            readOnly={disabled}
            onChange={(rows) =>
              set(
                'stakeholders',
                rows.map((r) => ({ ...r, email: r.email || null })),
              )
            }
            testId="brief-stakeholders"
          />
          <Textarea
            label="Customer responsibilities"
            description="One per line: what the customer must provide or do"
            autosize
            minRows={2}
            value={lines(content.customerResponsibilities)}
            onChange={(e) => set('customerResponsibilities', e.currentTarget.value.split('\n'))}
            onBlur={() => set('customerResponsibilities', fromLines(lines(content.customerResponsibilities)))}
            readOnly={disabled}
          />
          {hasPartner && (
            <RowsEditor
              label="Partner swim lanes"
              description="Who does what between us and the partner"
              rows={content.partnerSwimLanes}
              columns={[
                { key: 'partner', label: 'Partner' },
                { key: 'responsibilities', label: 'Responsibilities', grow: 2 },
              ]}
              empty={{ partner: '', responsibilities: '' }}
              readOnly={disabled}
              onChange={(rows) => set('partnerSwimLanes', rows)}
              testId="brief-partners"
            />
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Title order={5} mb="sm">
          What we build into
        </Title>
        <Stack gap="sm">
          <Textarea
            label="Technical environment"
            autosize
            minRows={2}
            value={content.technicalEnvironment}
            onChange={(e) => set('technicalEnvironment', e.currentTarget.value)}
            readOnly={disabled}
          />
          <RowsEditor
            label="Integrations"
            rows={content.integrations}
            columns={[
              { key: 'system', label: 'System' },
              { key: 'purpose', label: 'Purpose', grow: 2 },
            ]}
            empty={{ system: '', purpose: '' }}
            readOnly={disabled}
            onChange={(rows) => set('integrations', rows)}
            testId="brief-integrations"
          />
          <Textarea
            label="Security and compliance"
            description="One per line: SSO, data residency, certifications, reviews"
            autosize
            minRows={2}
            value={lines(content.securityCompliance)}
            onChange={(e) => set('securityCompliance', e.currentTarget.value.split('\n'))}
            onBlur={() => set('securityCompliance', fromLines(lines(content.securityCompliance)))}
            readOnly={disabled}
          />
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Title order={5} mb="sm">
          When, and what could go wrong
        </Title>
        <Stack gap="sm">
          <TextInput
            type="date"
            label="Promised go-live"
            description="The date the customer was promised"
            value={content.promisedGoLive ?? ''}
            onChange={(e) => set('promisedGoLive', e.currentTarget.value || null)}
            readOnly={disabled}
            error={errors.promisedGoLive}
            w={220}
          />
          <Textarea
            label="Timeline"
            autosize
            minRows={2}
            value={content.timeline}
            onChange={(e) => set('timeline', e.currentTarget.value)}
            readOnly={disabled}
          />
          <RowsEditor
            label="Risks"
            rows={content.risks}
            columns={[
              { key: 'risk', label: 'Risk' },
              { key: 'mitigation', label: 'Mitigation' },
            ]}
            empty={{ risk: '', mitigation: '' }}
            readOnly={disabled}
            onChange={(rows) => set('risks', rows)}
            testId="brief-risks"
          />
        </Stack>
      </Paper>
      {disabled && (
        <Text size="xs" c="dimmed">
          The brief can be edited while it is a draft or after delivery returns it.
        </Text>
      )}
    </Stack>
  );
}

/** Drops blank lines and rows before saving, so half-typed entries never reach the server. */
export function cleanContent(c: BriefContent): BriefContent {
  const nonBlank = (r: Record<string, string | null>) => Object.values(r).some((v) => v !== null && v.trim() !== '');
  return {
    ...c,
    painPoints: fromLines(lines(c.painPoints)),
    securityCompliance: fromLines(lines(c.securityCompliance)),
    customerResponsibilities: fromLines(lines(c.customerResponsibilities)),
    goals: c.goals.filter(nonBlank),
    integrations: c.integrations.filter(nonBlank),
    stakeholders: c.stakeholders.filter(nonBlank),
    risks: c.risks.filter(nonBlank),
    partnerSwimLanes: c.partnerSwimLanes.filter(nonBlank),
  };
}
