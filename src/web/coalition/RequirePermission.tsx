import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IconLock } from '@tabler/icons-react';
import { Button, EmptyState } from '@mantine/core';
import { Link } from 'react-router-dom';
import { usePageTitle } from '../hooks/usePageTitle';
import { paths, useCoalition, type Permissions } from './context';

/** Hides a page from people whose roles don't allow it (the API would answer 403 anyway). */
export function RequirePermission({ can, children }: { can: keyof Permissions; children: ReactNode }) {
  const coalition = useCoalition();
  if (coalition.can[can]) return <>{children}</>;
  return <Forbidden kind={can} />;
}

function Forbidden({ kind }: { kind: keyof Permissions }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const title = kind === 'coordinator' ? t('settings.coordinatorOnly') : t('settings.editorsOnly');
  usePageTitle(title);
  return (
    <EmptyState
      mt="xl"
      icon={<IconLock aria-hidden size={32} />}
      withIndicatorBackground
      title={<h1 className="tb-empty-heading">{title}</h1>}
      description={kind === 'coordinator' ? t('settings.coordinatorOnlyBody') : t('settings.editorsOnlyBody')}
    >
      <EmptyState.Actions>
        <Button component={Link} to={paths.dashboard(slug)} variant="light">
          {t('nav.dashboard')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
