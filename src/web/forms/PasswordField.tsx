import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A password input whose show/hide toggle has a translated name that doesn't repeat the field's label
 * (so "Password" identifies exactly one control), and an aria-invalid inner input when in error.
 */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  // Mantine marks the inner input only with data-invalid; screen readers need aria-invalid.
  return (
    <PasswordInput
      {...props}
      aria-invalid={props.error ? true : undefined}
      visibilityToggleButtonProps={{ 'aria-label': t('a11y.showCharacters') }}
    />
  );
}
