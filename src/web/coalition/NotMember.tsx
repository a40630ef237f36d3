import { Button } from '@mantine/core';
import { IconLockQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Empty } from '../components/Empty';
import { usePageTitle } from '../hooks/usePageTitle';

/** Same answer whether the coalition doesn't exist or isn't yours: never reveal which. */
export function NotMember() {
  const { t } = useTranslation();
  usePageTitle(t('coalitions.notMember'));
  return (
    <Empty
      order={1}
      icon={<IconLockQuestion size={32} aria-hidden />}
      title={t('coalitions.notMember')}
      description={t('coalitions.notMemberBody')}
    >
      <Button component={Link} to="/">
        {t('coalitions.goHome')}
      </Button>
    </Empty>
  );
}
