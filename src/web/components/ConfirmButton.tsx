import { Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './ProblemAlert';

interface ConfirmButtonProps extends Omit<ButtonProps, 'children'> {
  children: ReactNode;
  /** Accessible name when the visible label is ambiguous in a list ("Revoke token CI"). */
  'aria-label'?: string;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
}

/** A destructive action behind a confirmation dialog (focus-trapped, Escape closes). */
export function ConfirmButton({ children, title, body, confirmLabel, onConfirm, 'aria-label': ariaLabel, ...buttonProps }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      close();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button color="red" variant="light" {...buttonProps} aria-label={ariaLabel} onClick={open}>
        {children}
      </Button>
      {/* Compound form so the dialog's header is a plain div: a <header> there would be a second banner landmark. */}
      <Modal.Root opened={opened} onClose={close} centered>
        <Modal.Overlay />
        <Modal.Content>
          <Modal.Header {...({ component: 'div' } as object)}>
            <Modal.Title>{title}</Modal.Title>
            <Modal.CloseButton aria-label={t('common.close')} />
          </Modal.Header>
          <Modal.Body>
            <Stack>
              <Text size="sm">{body}</Text>
              {error != null && <ProblemAlert error={error} />}
              <Group justify="flex-end">
                <Button variant="default" onClick={close} data-autofocus>
                  {t('common.cancel')}
                </Button>
                <Button color="red" onClick={() => void confirm()} loading={busy}>
                  {confirmLabel}
                </Button>
              </Group>
            </Stack>
          </Modal.Body>
        </Modal.Content>
      </Modal.Root>
    </>
  );
}
