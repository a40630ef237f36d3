import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import type { MembershipDto } from '../../shared/auth.contract';

/** Sections that exist in every coalition; switching keeps you in the same one. */
function sectionOf(pathname: string): string {
  const parts = pathname.split('/').filter(Boolean); // ['c', slug, section, ...]
  const section = parts[2];
  if (!section) return '';
  if (section === 'settings') return parts[3] ? `/settings/${parts[3]}` : '/settings';
  return `/${section}`;
}

export function CoalitionSwitcher({ coalitions, current }: { coalitions: MembershipDto[]; current: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  if (coalitions.length === 0) return null;
  const data = coalitions.map((c) => ({ value: c.slug, label: c.name }));
  const value = current && coalitions.some((c) => c.slug === current) ? current : '';
  return (
    <NativeSelect
      label={t('shell.coalition')}
      value={value}
      onChange={(event) => {
        const slug = event.currentTarget.value;
        if (!slug) return;
        const target = coalitions.find((c) => c.slug === slug);
        let section = sectionOf(pathname);
        if (section.startsWith('/settings') && !target?.roles.includes('coordinator')) section = '';
        navigate(`/c/${slug}${section}`);
      }}
      data={value ? data : [{ value: '', label: '—', disabled: true }, ...data]}
    />
  );
}
