import { Checkbox, SimpleGrid } from '@mantine/core';
import type { Role } from '../../shared/common.contract';
import { ROLE_VALUES, useLabels } from '../components/labels';

/** Roles as a labelled group of checkboxes (role=group named by the label). */
export function RolesField({
  label,
  value,
  onChange,
  error,
  description,
  required,
}: {
  label: string;
  value: Role[];
  onChange: (roles: Role[]) => void;
  error?: string | undefined;
  description?: string;
  required?: boolean;
}) {
  const labels = useLabels();
  return (
    <Checkbox.Group
      label={label}
      description={description}
      value={value}
      onChange={(next) => onChange(ROLE_VALUES.filter((r) => next.includes(r)))}
      error={error}
      withAsterisk={required}
    >
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs" mt="xs">
        {ROLE_VALUES.map((role) => (
          <Checkbox key={role} value={role} label={labels.role(role)} name="roles" />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
