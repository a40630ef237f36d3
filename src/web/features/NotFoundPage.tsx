import { Button } from '@mantine/core';
import { IconMapQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Empty } from '../components/Empty';
import { usePageTitle } from '../hooks/usePageTitle';

export default function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <Empty order={1} icon={<IconMapQuestion size={32} aria-hidden />} title={t('notFound.title')} description={t('notFound.body')}>
      <Button component={Link} to="/">
        {t('notFound.home')}
      </Button>
    </Empty>
  );
}
