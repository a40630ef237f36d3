import { NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationType } from '../../shared/common.contract';
import type { OrganizationDto } from '../../shared/organizations.contract';
import { api } from '../api/endpoints';
import { ORG_TYPE_VALUES, useLabels } from '../components/labels';

const PAGE = 200;
const MAX_PAGES = 10;

/** Every organization of the coalition (a regional directory: hundreds at most), for pickers. */
export function useAllOrganizations(slug: string) {
  return useQuery({
    queryKey: ['coalitions', slug, 'organizations', 'all'],
    queryFn: async ({ signal }) => {
      const all: OrganizationDto[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < MAX_PAGES; i++) {
        const page = await api.organizations.list(slug, { limit: PAGE, cursor }, signal);
        all.push(...page.items);
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      return all;
    },
    staleTime: 60_000,
  });
}

interface OrganizationPickerProps {
  slug: string;
  label: string;
  /** The selected organization's id, or '' for none. */
  value: string;
  /** Its name, when known (shown even before the list has loaded). */
  selectedName?: string | null;
  onChange: (id: string, name: string | null) => void;
  error?: string | undefined;
  description?: string;
}

/**
 * A native select of the coalition's organizations, grouped by type. Native on purpose: it is labelled,
 * keyboard type-ahead works everywhere, and screen readers know it well.
 */
export function OrganizationPicker({ slug, label, value, selectedName, onChange, error, description }: OrganizationPickerProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const orgs = useAllOrganizations(slug);

  const data = useMemo(() => {
    const byType = new Map<OrganizationType, { value: string; label: string }[]>();
    for (const o of orgs.data ?? []) {
      const list = byType.get(o.type) ?? [];
      list.push({ value: o.id, label: o.name });
      byType.set(o.type, list);
    }
    const groups = ORG_TYPE_VALUES.filter((type) => byType.has(type)).map((type) => ({
      group: labels.orgType(type),
      items: (byType.get(type) ?? []).sort((a, b) => a.label.localeCompare(b.label)),
    }));
    const known = (orgs.data ?? []).some((o) => o.id === value);
    const selected = value && !known ? [{ value, label: selectedName ?? (orgs.isPending ? t('common.loading') : value) }] : [];
    return [{ value: '', label: t('organizations.pickerNone') }, ...selected, ...groups];
  }, [orgs.data, orgs.isPending, value, selectedName, labels, t]);

  return (
    <NativeSelect
      label={label}
      description={description}
      value={value}
      onChange={(e) => {
        const id = e.currentTarget.value;
        const name = orgs.data?.find((o) => o.id === id)?.name ?? null;
        onChange(id, name);
      }}
      error={error ?? (orgs.isError ? t('errors.title') : undefined)}
      name="organizationId"
      data={data}
    />
  );
}
