import { NativeSelect } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, isLanguage, LANGUAGES } from '../i18n';

/** Header language choice: a native select named "Language" / "Idioma"; the choice is remembered. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const value = currentLanguage();
  return (
    <NativeSelect
      aria-label={t('language.label')}
      title={t('language.label')}
      value={value}
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (isLanguage(next)) void changeLanguage(next);
      }}
      leftSection={<IconLanguage size={16} aria-hidden />}
      size="sm"
      w={140}
      data={LANGUAGES.map((lng) => ({ value: lng, label: t(`language.${lng}`, { lng }) }))}
    />
  );
}
