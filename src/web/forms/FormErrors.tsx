import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../components/ProblemAlert';
import type { FormProblem } from './useForm';

/**
 * The form-level error area: the server's problem (headline + detail + unmatched field errors), or,
 * after a client-side check failed, a reminder that fields need fixing. Both are role=alert.
 */
export function FormErrors({
  problem,
  hasFieldErrors,
  attempt,
  titleFor,
}: {
  problem: FormProblem | null;
  hasFieldErrors: boolean;
  attempt: number;
  /** A custom headline for some errors (e.g. 401 on sign-in). */
  titleFor?: (error: unknown) => string | undefined;
}) {
  const { t } = useTranslation();
  if (problem) {
    const title = titleFor?.(problem.error);
    return <ProblemAlert error={problem.error} extraMessages={problem.unmatched} {...(title ? { title, hideDetail: true } : {})} />;
  }
  if (hasFieldErrors && attempt > 0) {
    return (
      <Alert key={attempt} color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
        {t('validation.fixErrors')}
      </Alert>
    );
  }
  return null;
}
