import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { downloadCsv, type CsvValue } from './csv';

/** A CSV the server exports: a plain link, so the browser downloads it with the session cookie. */
export function CsvLink({ href, what }: { href: string; what: string }) {
  const { t } = useTranslation();
  return (
    <Button
      component="a"
      href={href}
      download
      variant="default"
      size="xs"
      leftSection={<IconDownload size={14} aria-hidden />}
      aria-label={t('laborMarket.csv.labelled', { what })}
    >
      {t('laborMarket.csv.download')}
    </Button>
  );
}

/** A CSV made in the browser from the table on screen (for tables the server does not export). */
export function CsvButton({ filename, what, header, rows }: { filename: string; what: string; header: string[]; rows: () => CsvValue[][] }) {
  const { t } = useTranslation();
  return (
    <Button
      variant="default"
      size="xs"
      leftSection={<IconDownload size={14} aria-hidden />}
      aria-label={t('laborMarket.csv.labelled', { what })}
      onClick={() => downloadCsv(filename, header, rows())}
    >
      {t('laborMarket.csv.download')}
    </Button>
  );
}
