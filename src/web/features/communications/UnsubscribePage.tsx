import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryErrorState } from '../../components/QueryState';
import { StatusMessage } from '../../components/StatusMessage';
import { AuthCard } from '../auth/AuthCard';
import { commsApi, commsKeys } from './api';

/**
 * The page the unsubscribe link in every message opens (no sign-in). Opening it changes nothing,
 * so a mail scanner following links is harmless; the click unsubscribes from every coalition mail.
 */
export default function UnsubscribePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const info = useQuery({ queryKey: commsKeys.unsubscribe(token), queryFn: ({ signal }) => commsApi.unsubscribeInfo(token, signal), retry: false });
  const unsubscribe = useMutation({ mutationFn: () => commsApi.unsubscribe(token) });
  const done = unsubscribe.isSuccess || info.data?.unsubscribed;
  return (
    <AuthCard title={t('communications.unsubscribe.heading')} documentTitle={t('communications.unsubscribe.title')}>
      {info.isPending ? (
        <Loading />
      ) : info.isError ? (
        <QueryErrorState error={info.error} />
      ) : (
        <Stack gap="md">
          <StatusMessage message={unsubscribe.isSuccess ? t('communications.unsubscribe.done', { coalition: info.data.coalitionName }) : null} />
          {unsubscribe.error ? <ProblemAlert error={unsubscribe.error} /> : null}
          {done ? (
            <>
              {!unsubscribe.isSuccess && (
                <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />}>
                  {t('communications.unsubscribe.already', { coalition: info.data.coalitionName })}
                </Alert>
              )}
              <Text size="sm">{t('communications.unsubscribe.manage')}</Text>
              <Anchor component={Link} to="/">
                {t('communications.unsubscribe.signIn')}
              </Anchor>
            </>
          ) : (
            <>
              <Text>{t('communications.unsubscribe.explain', { coalition: info.data.coalitionName, email: info.data.email ?? '' })}</Text>
              <Button onClick={() => unsubscribe.mutate()} loading={unsubscribe.isPending} fullWidth>
                {t('communications.unsubscribe.submit')}
              </Button>
            </>
          )}
        </Stack>
      )}
    </AuthCard>
  );
}
