import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { signInInput } from '../../../shared/auth.contract';
import { isApiError } from '../../api/client';
import { api } from '../../api/endpoints';
import { clearSessionExpiredFlag, safeNextPath, sessionExpiredFlag, useAuthConfig, useSetSession } from '../../auth/session';
import { StatusMessage } from '../../components/StatusMessage';
import { FormErrors } from '../../forms/FormErrors';
import { PasswordField } from '../../forms/PasswordField';
import { useForm } from '../../forms/useForm';
import { AuthCard } from './AuthCard';

export default function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const config = useAuthConfig();
  const setSession = useSetSession();
  const [expired] = useState(sessionExpiredFlag);
  const signedOut = (location.state as { signedOut?: boolean } | null)?.signedOut === true;
  useEffect(() => clearSessionExpiredFlag(), []);

  const form = useForm({
    initialValues: { email: '', password: '' },
    schema: signInInput,
    onSubmit: async (data) => {
      const me = await api.auth.signIn(data);
      setSession(me);
      navigate(safeNextPath(params.get('next')), { replace: true });
    },
  });

  return (
    <AuthCard title={t('auth.signIn.heading')} documentTitle={t('auth.signIn.title')} intro={t('auth.signIn.intro')}>
      {expired && !signedOut && (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden />} role="status">
          {t('auth.signIn.sessionExpired')}
        </Alert>
      )}
      <StatusMessage message={signedOut ? t('auth.signIn.signedOut') : null} />
      {config.data?.demo && (
        <Alert variant="light" color="blue" title={t('auth.signIn.demoTitle')} icon={<IconInfoCircle aria-hidden />} role="note">
          {t('auth.signIn.demoBody')}
        </Alert>
      )}
      <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate>
        <Stack gap="md">
          <FormErrors
            problem={form.problem}
            hasFieldErrors={form.hasFieldErrors}
            attempt={form.attempt}
            titleFor={(error) => (isApiError(error) && error.status === 401 ? t('auth.signIn.badCredentials') : undefined)}
          />
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            inputMode="email"
            required
            {...form.textProps('email')}
          />
          <PasswordField label={t('auth.password')} autoComplete="current-password" required {...form.textProps('password')} />
          <Group justify="space-between" align="center">
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('auth.signIn.forgot')}
            </Anchor>
            <Button type="submit" loading={form.submitting}>
              {t('auth.signIn.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Text size="sm" c="dimmed" ta="center">
        {config.data?.signUpOpen ? (
          <>
            {t('auth.signIn.noAccount')}{' '}
            <Anchor component={Link} to={`/sign-up${location.search}`}>
              {t('auth.signIn.createAccount')}
            </Anchor>
          </>
        ) : config.data ? (
          t('auth.signIn.invitationOnly')
        ) : null}
      </Text>
    </AuthCard>
  );
}
