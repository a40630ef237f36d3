import { Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { passwordResetRequestInput } from '../../../shared/auth.contract';
import { api } from '../../api/endpoints';
import { StatusMessage } from '../../components/StatusMessage';
import { FormErrors } from '../../forms/FormErrors';
import { useForm } from '../../forms/useForm';
import { AuthCard } from './AuthCard';

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '' },
    schema: passwordResetRequestInput,
    onSubmit: async (data) => {
      await api.auth.requestPasswordReset(data);
      setSentTo(data.email);
    },
  });

  return (
    <AuthCard title={t('auth.forgot.heading')} documentTitle={t('auth.forgot.title')} intro={t('auth.forgot.intro')}>
      <StatusMessage message={sentTo ? t('auth.forgot.sent', { email: sentTo }) : null} />
      <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate>
        <Stack gap="md">
          <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
          <TextInput label={t('auth.email')} type="email" inputMode="email" autoComplete="email" required {...form.textProps('email')} />
          <Button type="submit" loading={form.submitting} fullWidth>
            {t('auth.forgot.submit')}
          </Button>
        </Stack>
      </form>
      <Anchor component={Link} to="/sign-in" size="sm" ta="center">
        {t('auth.forgot.backToSignIn')}
      </Anchor>
    </AuthCard>
  );
}
