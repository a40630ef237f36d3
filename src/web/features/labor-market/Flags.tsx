import { Box, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FlagDto } from '../../../shared/labor-market.contract';
import './labor-market.css';

/**
 * Consistency flags as text with a warning icon (never colour alone): where a source does not add
 * up. The figures are shown as published; the flag says what does not agree.
 */
export function FlagList({ flags, size = 'sm' }: { flags: FlagDto[]; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  if (flags.length === 0) return null;
  return (
    <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }} className="tb-flag-list">
      {flags.map((flag, i) => (
        <li key={`${flag.code}-${i}`}>
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconAlertTriangle size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} className="tb-flag-icon" />
            <Text size={size} className="tb-flag-text">
              <Text span fw={700} size={size}>
                {t('laborMarket.flags.prefix')}
              </Text>{' '}
              {flag.message}
            </Text>
          </Group>
        </li>
      ))}
    </Box>
  );
}

/** A compact "Flagged (2)" toggle for a table row; the row's messages show beneath it when open. */
export function FlagToggle({
  flags,
  expanded,
  onToggle,
  controls,
  subject,
}: {
  flags: FlagDto[];
  expanded: boolean;
  onToggle: () => void;
  controls: string;
  /** What the flags are about, for the button's accessible name ("Flagged (1): Web Developers"). */
  subject: string;
}) {
  const { t } = useTranslation();
  if (flags.length === 0) {
    return (
      <Text span size="sm" c="dimmed">
        <span aria-hidden>—</span>
        <span className="tb-sr-only">{t('laborMarket.flags.none')}</span>
      </Text>
    );
  }
  const label = t('laborMarket.flags.count', { count: flags.length });
  return (
    <Button
      size="compact-sm"
      variant="default"
      className="tb-flag-button"
      leftSection={<IconAlertTriangle size={14} aria-hidden className="tb-flag-icon" />}
      aria-expanded={expanded}
      aria-controls={expanded ? controls : undefined}
      aria-label={`${label}: ${subject}`}
      onClick={onToggle}
    >
      {label}
    </Button>
  );
}
