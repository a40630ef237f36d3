import { Alert, Button, Group, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';

/** A translated headline for an HTTP status (the server's detail is shown beneath it). */
export function statusHeadline(t: TFunction, status: number): string {
  switch (status) {
    case 0:
      return t('errors.network');
    case 400:
      return t('errors.status400');
    case 401:
      return t('errors.status401');
    case 403:
      return t('errors.status403');
    case 404:
      return t('errors.status404');
    case 409:
      return t('errors.status409');
    case 413:
      return t('errors.status413');
    case 422:
      return t('errors.status422');
    case 429:
      return t('errors.status429');
    default:
      return status >= 500 ? t('errors.status500') : t('errors.title');
  }
}

interface ProblemAlertProps {
  error: unknown;
  /** A headline that replaces the status-derived one (e.g. "The email or password is incorrect"). */
  title?: string;
  /** Hide the server's detail (when the headline already says it all). */
  hideDetail?: boolean;
  /** Server field errors that didn't match any field of the form. */
  extraMessages?: string[];
  onRetry?: () => void;
}

/** Shows an API problem: a translated headline, the server's `detail`, and stray field errors. role=alert. */
export function ProblemAlert({ error, title, hideDetail = false, extraMessages = [], onRetry }: ProblemAlertProps) {
  const { t } = useTranslation();
  const status = isApiError(error) ? error.status : -1;
  const headline = title ?? statusHeadline(t, status);
  const detail = !hideDetail && isApiError(error) && status !== 0 ? error.problem.detail : '';
  return (
    // The headline is part of the body, not Alert's title: a title would become the alert's accessible
    // name, and "…password is incorrect" would then match getByLabel('Password').
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
      <Text size="sm" fw={700}>
        {headline}
      </Text>
      {detail && detail !== headline && <Text size="sm">{detail}</Text>}
      {extraMessages.length > 0 && (
        <List size="sm" mt="xs">
          {extraMessages.map((m) => (
            <List.Item key={m}>{m}</List.Item>
          ))}
        </List>
      )}
      {onRetry && (
        <Group mt="sm">
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
