import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { apiFetch } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusMessage } from '../../components/StatusMessage';
import { AuthCard } from './AuthCard';

/**
 * The link mailed to a new address. Confirming takes a click rather than happening on load, so a
 * mail scanner that follows links cannot change someone's address for them.
 */
export default function ConfirmEmailPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useMutation({
    mutationFn: () => apiFetch<unknown>('/auth/email/confirm', { method: 'POST', body: { token } }),
  });

  return (
    <AuthCard title={t('auth.confirmEmail.heading')} documentTitle={t('auth.confirmEmail.title')}>
      {token.length < 10 ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
          {t('auth.confirmEmail.missingToken')}
        </Alert>
      ) : (
        <Stack gap="md">
          <StatusMessage message={confirm.isSuccess ? t('auth.confirmEmail.done') : null} />
          {confirm.error && <ProblemAlert error={confirm.error} />}
          {confirm.isSuccess ? (
            <Anchor component={Link} to="/">
              {t('auth.confirmEmail.continue')}
            </Anchor>
          ) : (
            <>
              <Text>{t('auth.confirmEmail.explain')}</Text>
              <Button onClick={() => confirm.mutate()} loading={confirm.isPending} fullWidth>
                {t('auth.confirmEmail.submit')}
              </Button>
            </>
          )}
        </Stack>
      )}
    </AuthCard>
  );
}
