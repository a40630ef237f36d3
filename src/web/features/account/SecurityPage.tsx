import { Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconKey, IconLock, IconLogout, IconMail } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { emailChangeInput, PASSWORD_MIN_LENGTH, passwordChangeInput } from '../../../shared/auth.contract';
import { useMe } from '../../auth/session';
import { ConfirmButton } from '../../components/ConfirmButton';
import { PageHeader } from '../../components/PageHeader';
import { StatusMessage } from '../../components/StatusMessage';
import { FormErrors } from '../../forms/FormErrors';
import { PasswordField } from '../../forms/PasswordField';
import { useForm } from '../../forms/useForm';
import { accountApi } from './api';

function Section({ id, title, icon, explain, children }: { id: string; title: string; icon: ReactNode; explain: string; children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb={4} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
        {icon}
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {explain}
      </Text>
      {children}
    </Paper>
  );
}

function PasswordSection() {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    schema: passwordChangeInput,
    toInput: (values) => ({ currentPassword: values.currentPassword, newPassword: values.newPassword }),
    validate: (values): Record<string, string> => (values.confirmPassword !== values.newPassword ? { confirmPassword: t('account.security.password.mismatch') } : {}),
    onSubmit: async (data) => {
      setDone(false);
      await accountApi.changePassword(data);
      form.reset();
      setDone(true);
    },
  });
  return (
    <Section id="tb-password" title={t('account.security.password.title')} icon={<IconLock size={18} aria-hidden />} explain={t('account.security.password.explain')}>
      <StatusMessage message={done ? t('account.security.password.done') : null} onClose={() => setDone(false)} mb="md" />
      <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate aria-labelledby="tb-password">
        <Stack gap="md" maw={420}>
          <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
          <PasswordField label={t('account.security.currentPassword')} description={t('account.security.currentPasswordHint')} autoComplete="current-password" required {...form.textProps('currentPassword')} />
          <PasswordField
            label={t('account.security.password.newPassword')}
            description={t('account.security.password.newPasswordHint', { count: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            required
            {...form.textProps('newPassword')}
          />
          <PasswordField label={t('account.security.password.confirm')} autoComplete="new-password" required {...form.textProps('confirmPassword')} />
          <Button type="submit" loading={form.submitting} w="fit-content">
            {t('account.security.password.submit')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}

function EmailSection({ current }: { current: string }) {
  const { t } = useTranslation();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    initialValues: { currentPassword: '', newEmail: '' },
    schema: emailChangeInput,
    onSubmit: async (data) => {
      setSentTo(null);
      await accountApi.changeEmail(data);
      form.reset();
      setSentTo(data.newEmail);
    },
  });
  return (
    <Section id="tb-email" title={t('account.security.email.title')} icon={<IconMail size={18} aria-hidden />} explain={t('account.security.email.explain')}>
      <StatusMessage message={sentTo ? t('account.security.email.sent', { email: sentTo, current }) : null} onClose={() => setSentTo(null)} mb="md" />
      <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate aria-labelledby="tb-email">
        <Stack gap="md" maw={420}>
          <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
          <TextInput label={t('account.security.email.newEmail')} type="email" autoComplete="email" required {...form.textProps('newEmail')} />
          <PasswordField label={t('account.security.currentPassword')} description={t('account.security.currentPasswordHint')} autoComplete="current-password" required {...form.textProps('currentPassword')} />
          <Button type="submit" loading={form.submitting} w="fit-content">
            {t('account.security.email.submit')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}

function SessionsSection() {
  const { t } = useTranslation();
  const [ended, setEnded] = useState<number | null>(null);
  return (
    <Section id="tb-sessions" title={t('account.security.sessions.title')} icon={<IconLogout size={18} aria-hidden />} explain={t('account.security.sessions.explain')}>
      <StatusMessage
        message={ended === null ? null : ended === 0 ? t('account.security.sessions.doneNone') : t('account.security.sessions.done', { count: ended })}
        onClose={() => setEnded(null)}
        mb="md"
      />
      <ConfirmButton
        title={t('account.security.sessions.confirmTitle')}
        body={t('account.security.sessions.confirmBody')}
        confirmLabel={t('account.security.sessions.submit')}
        onConfirm={async () => setEnded((await accountApi.signOutOthers()).ended)}
      >
        {t('account.security.sessions.submit')}
      </ConfirmButton>
    </Section>
  );
}

/** Account security (decision 014): password, e-mail address, other sessions; each change re-authenticates. */
export default function SecurityPage() {
  const { t } = useTranslation();
  const me = useMe();
  // The address shown changes only once the link mailed to the new one is opened.
  const email = me.data?.user.email ?? '';
  return (
    <>
      <PageHeader title={t('account.security.title')} description={t('account.security.intro')} />
      <Stack gap="lg" maw={760}>
        {email && <Text>{t('account.security.signedInAs', { email })}</Text>}
        <PasswordSection />
        <EmailSection current={email} />
        <SessionsSection />
        <Section id="tb-tokens" title={t('account.security.tokens.title')} icon={<IconKey size={18} aria-hidden />} explain={t('account.security.tokens.explain')}>
          <Anchor component={Link} to="/account/tokens">
            {t('account.security.tokens.link')}
          </Anchor>
        </Section>
      </Stack>
    </>
  );
}
