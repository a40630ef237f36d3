import { Alert, Box, type MantineSpacing } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A success message in a polite live region. The region is always in the page and the text is put in
 * a moment after mount, so screen readers announce it even when it arrives with a new page.
 */
export function StatusMessage({
  message,
  onClose,
  mb,
}: {
  message: string | null | undefined;
  onClose?: () => void;
  /** Space below the message while it shows. */
  mb?: MantineSpacing;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<string | null>(null);
  useEffect(() => {
    const id = window.setTimeout(() => setShown(message ?? null), 60);
    return () => window.clearTimeout(id);
  }, [message]);
  return (
    <Box role="status" aria-live="polite" aria-atomic="true">
      {shown && (
        <Alert
          mb={mb}
          role="none"
          color="teal"
          variant="light"
          icon={<IconCircleCheck aria-hidden />}
          withCloseButton={!!onClose}
          closeButtonLabel={t('common.close')}
          onClose={onClose}
        >
          {shown}
        </Alert>
      )}
    </Box>
  );
}
