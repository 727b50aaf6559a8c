import { Select } from '@mantine/core';
import { usePartners } from '../api/queries.ts';
import type { Member } from '../api/types.ts';
import { options, ROLES } from '../ui/labels.ts';

/** A member's role in this workspace, and their partner firm when the role is partner. */
export function RoleFields({
  role,
  partnerId,
  errors,
  onChange,
}: {
  role: Member['role'];
  partnerId: string | null;
  errors: Record<string, string>;
  onChange: (next: { role: Member['role']; partnerId: string | null }) => void;
}) {
  const partners = usePartners();
  return (
    <>
      <Select
        label="Role"
        data={options(ROLES)}
        value={role}
        onChange={(v) => onChange({ role: (v ?? 'viewer') as Member['role'], partnerId })}
        allowDeselect={false}
        error={errors.role}
      />
      {role === 'partner' && (
        <Select
          label="Partner firm"
          required
          data={(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={partnerId}
          onChange={(v) => onChange({ role, partnerId: v })}
          error={errors.partnerId}
        />
      )}
    </>
  );
}
