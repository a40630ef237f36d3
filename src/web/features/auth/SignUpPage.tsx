import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { PASSWORD_MIN_LENGTH, signUpInput } from '../../../shared/auth.contract';
import { api } from '../../api/endpoints';
import { safeNextPath, useAuthConfig, useSetSession } from '../../auth/session';
import { Loading } from '../../components/Loading';
import { QueryErrorState } from '../../components/QueryState';
import { FormErrors } from '../../forms/FormErrors';
import { PasswordField } from '../../forms/PasswordField';
import { useForm } from '../../forms/useForm';
import { AuthCard } from './AuthCard';

export default function SignUpPage() {
  const { t } = useTranslation();
  const config = useAuthConfig();
  if (config.isPending) return <Loading />;
  if (config.isError) return <QueryErrorState error={config.error} onRetry={() => void config.refetch()} />;
  if (!config.data.signUpOpen) {
    return (
      <AuthCard title={t('auth.signUp.closedTitle')}>
        <Alert color="gray" variant="light" icon={<IconLock aria-hidden />} role="note">
          {t('auth.signUp.closedBody')}
        </Alert>
        <Anchor component={Link} to="/sign-in" size="sm">
          {t('auth.forgot.backToSignIn')}
        </Anchor>
      </AuthCard>
    );
  }
  return <SignUpForm />;
}

function SignUpForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const setSession = useSetSession();
  const form = useForm({
    initialValues: { name: '', email: '', password: '' },
    schema: signUpInput,
    onSubmit: async (data) => {
      const me = await api.auth.signUp(data);
      setSession(me);
      navigate(safeNextPath(params.get('next')), { replace: true });
    },
  });

  return (
    <AuthCard title={t('auth.signUp.heading')} documentTitle={t('auth.signUp.title')} intro={t('auth.signUp.intro')}>
      <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate>
        <Stack gap="md">
          <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
          <TextInput label={t('auth.name')} autoComplete="name" required {...form.textProps('name')} />
          <TextInput label={t('auth.email')} type="email" inputMode="email" autoComplete="email" required {...form.textProps('email')} />
          <PasswordField
            label={t('auth.password')}
            description={t('auth.passwordHint', { count: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            required
            {...form.textProps('password')}
          />
          <Button type="submit" loading={form.submitting} fullWidth>
            {t('auth.signUp.submit')}
          </Button>
        </Stack>
      </form>
      <Text size="sm" c="dimmed" ta="center">
        {t('auth.signUp.haveAccount')}{' '}
        <Anchor component={Link} to={`/sign-in${location.search}`}>
          {t('auth.signIn.submit')}
        </Anchor>
      </Text>
    </AuthCard>
  );
}
