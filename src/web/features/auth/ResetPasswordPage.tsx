import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PASSWORD_MIN_LENGTH, passwordResetCompleteInput } from '../../../shared/auth.contract';
import { api } from '../../api/endpoints';
import { StatusMessage } from '../../components/StatusMessage';
import { FormErrors } from '../../forms/FormErrors';
import { PasswordField } from '../../forms/PasswordField';
import { useForm } from '../../forms/useForm';
import { AuthCard } from './AuthCard';

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [done, setDone] = useState(false);
  const form = useForm({
    initialValues: { password: '' },
    schema: passwordResetCompleteInput,
    toInput: (values) => ({ token, password: values.password }),
    onSubmit: async (data) => {
      await api.auth.completePasswordReset(data);
      setDone(true);
    },
  });

  if (token.length < 10) {
    return (
      <AuthCard title={t('auth.reset.heading')} documentTitle={t('auth.reset.title')}>
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
          {t('auth.reset.missingToken')}
        </Alert>
        <Anchor component={Link} to="/forgot-password">
          {t('auth.reset.requestNew')}
        </Anchor>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('auth.reset.heading')} documentTitle={t('auth.reset.title')}>
      <StatusMessage message={done ? t('auth.reset.done') : null} />
      {done ? (
        <Button component={Link} to="/sign-in">
          {t('auth.signIn.submit')}
        </Button>
      ) : (
        <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate>
          <Stack gap="md">
            <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
            <PasswordField
              label={t('auth.reset.newPassword')}
              description={t('auth.passwordHint', { count: PASSWORD_MIN_LENGTH })}
              autoComplete="new-password"
              required
              {...form.textProps('password')}
            />
            <Button type="submit" loading={form.submitting} fullWidth>
              {t('auth.reset.submit')}
            </Button>
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('auth.reset.requestNew')}
            </Anchor>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
