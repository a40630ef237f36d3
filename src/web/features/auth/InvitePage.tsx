import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { PASSWORD_MIN_LENGTH, invitationAcceptInput } from '../../../shared/auth.contract';
import { api, keys, type InvitationPreviewDto } from '../../api/endpoints';
import { useMe, useSetSession } from '../../auth/session';
import { RoleBadges } from '../../components/labels';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { FormErrors } from '../../forms/FormErrors';
import { PasswordField } from '../../forms/PasswordField';
import { useForm } from '../../forms/useForm';
import type { FieldErrors } from '../../forms/validation';
import { AuthCard } from './AuthCard';

export default function InvitePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const preview = useQuery({
    queryKey: keys.invitationPreview(token),
    queryFn: () => api.invitations.preview(token),
    enabled: token.length >= 10,
    retry: false,
    meta: { ignoreUnauthorized: true },
  });

  if (token.length < 10) {
    return (
      <AuthCard title={t('invite.title')}>
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
          {t('invite.missingToken')}
        </Alert>
      </AuthCard>
    );
  }
  if (preview.isPending) return <Loading />;
  if (preview.isError) {
    return (
      <AuthCard title={t('invite.invalid')}>
        <ProblemAlert error={preview.error} title={t('invite.invalid')} />
        <Text size="sm">{t('invite.invalidBody')}</Text>
        <Anchor component={Link} to="/sign-in" size="sm">
          {t('auth.forgot.backToSignIn')}
        </Anchor>
      </AuthCard>
    );
  }
  return <AcceptInvitation token={token} invitation={preview.data} />;
}

function AcceptInvitation({ token, invitation }: { token: string; invitation: InvitationPreviewDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe().data ?? null;
  const setSession = useSetSession();
  const [signingOut, setSigningOut] = useState(false);
  const sameAccount = !!me && me.user.email.toLowerCase() === invitation.email.toLowerCase();
  const mode: 'signedIn' | 'otherAccount' | 'existing' | 'new' = me
    ? sameAccount
      ? 'signedIn'
      : 'otherAccount'
    : invitation.accountExists
      ? 'existing'
      : 'new';

  const form = useForm({
    initialValues: { name: invitation.name ?? '', password: '' },
    schema: invitationAcceptInput,
    toInput: (values) => ({
      token,
      ...(mode === 'new' ? { name: values.name } : {}),
      ...(mode === 'new' || mode === 'existing' ? { password: values.password } : {}),
    }),
    validate: (values) => {
      const errors: FieldErrors = {};
      if (mode === 'new' && !values.name.trim()) errors.name = t('validation.required');
      if ((mode === 'new' || mode === 'existing') && !values.password) errors.password = t('validation.required');
      return errors;
    },
    onSubmit: async (data) => {
      const session = await api.invitations.accept(data);
      setSession(session);
      navigate(`/c/${invitation.coalitionSlug}`, {
        replace: true,
        state: { flash: t('invite.accepted', { coalition: invitation.coalitionName }) },
      });
    },
  });

  const signOutFirst = async () => {
    setSigningOut(true);
    try {
      await api.auth.signOut();
    } finally {
      queryClient.setQueryData(keys.me, null);
      setSigningOut(false);
    }
  };

  return (
    <AuthCard
      title={t('invite.heading', { coalition: invitation.coalitionName })}
      documentTitle={t('invite.title')}
      intro={t('invite.intro', { coalition: invitation.coalitionName })}
    >
      <RoleBadges roles={invitation.roles} />
      <Text size="sm">{t('invite.invitedEmail', { email: invitation.email })}</Text>

      {mode === 'otherAccount' && me ? (
        <>
          <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden />} role="note">
            {t('invite.otherAccount', { email: invitation.email, current: me.user.email })}
          </Alert>
          <Button variant="default" onClick={() => void signOutFirst()} loading={signingOut}>
            {t('auth.signOut')}
          </Button>
        </>
      ) : (
        <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {mode === 'signedIn' && me
                ? t('invite.signedInAs', { email: me.user.email })
                : mode === 'existing'
                  ? t('invite.existingAccount')
                  : t('invite.newAccount')}
            </Text>
            <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
            {mode === 'new' && <TextInput label={t('invite.yourName')} autoComplete="name" required {...form.textProps('name')} />}
            {mode === 'new' && (
              <PasswordField
                label={t('invite.choosePassword')}
                description={t('auth.passwordHint', { count: PASSWORD_MIN_LENGTH })}
                autoComplete="new-password"
                required
                {...form.textProps('password')}
              />
            )}
            {mode === 'existing' && (
              <PasswordField label={t('invite.accountPassword')} autoComplete="current-password" required {...form.textProps('password')} />
            )}
            {(mode === 'new' || mode === 'existing') && (
              // Lets password managers file the password under the invited address.
              <input type="hidden" name="username" autoComplete="username" value={invitation.email} />
            )}
            <Button type="submit" loading={form.submitting} fullWidth>
              {t('invite.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
