import { Center, Container } from '@mantine/core';
import { ProblemAlert } from './ProblemAlert';

/** The error branch of a query: the problem and a retry button. */
export function QueryErrorState({ error, onRetry, fullPage = false }: { error: unknown; onRetry?: () => void; fullPage?: boolean }) {
  const alert = <ProblemAlert error={error} {...(onRetry ? { onRetry } : {})} />;
  if (!fullPage) return alert;
  return (
    <Center mih="60vh">
      <Container size="sm" w="100%">
        {alert}
      </Container>
    </Center>
  );
}
