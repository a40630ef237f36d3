import { Button } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCoalition } from '../../../coalition/context';
import { Empty } from '../../../components/Empty';
import { usePageTitle } from '../../../hooks/usePageTitle';
import { tpPaths } from '../paths';

/** A record the caller may not see reads exactly like one that does not exist (the server answers 404 for both). */
export function StudentNotFound() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  usePageTitle(t('talentPipeline.student.notFoundTitle'));
  return (
    <Empty order={1} icon={<IconLock size={32} aria-hidden />} title={t('talentPipeline.student.notFoundTitle')} description={t('talentPipeline.student.notFoundBody')}>
      <Button component={Link} to={tpPaths.home(slug)} variant="light">
        {t('talentPipeline.title')}
      </Button>
    </Empty>
  );
}
