import { TagsInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCoalition } from '../../coalition/context';
import { ixApi, ixKeys } from './api';

/**
 * Skill names, typed or picked from the coalition's skills (suggestions as you type). Press Enter or
 * a comma to add one; a new name becomes a new skill on the server.
 */
export function SkillsInput({
  label,
  description,
  value,
  onChange,
  error,
  name,
  max = 40,
}: {
  label: string;
  description?: string;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string | undefined;
  name: string;
  max?: number;
}) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const suggestions = useQuery({
    queryKey: ixKeys.part(slug, 'skills', q),
    queryFn: ({ signal }) => ixApi.skills(slug, q, signal),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const data = q.length >= 2 ? [...new Set((suggestions.data?.items ?? []).map((s) => s.name))].filter((n) => !value.some((v) => v.toLowerCase() === n.toLowerCase())) : [];
  return (
    <TagsInput
      label={label}
      description={description ?? t('informationExchange.skillsHint')}
      name={name}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      maxTags={max}
      splitChars={[',']}
      clearable
      error={error}
      acceptValueOnBlur
    />
  );
}
