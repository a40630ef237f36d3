import { IconId } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { useCoalition } from '../../../coalition/context';
import { Empty } from '../../../components/Empty';
import { Loading } from '../../../components/Loading';
import { QueryErrorState } from '../../../components/QueryState';
import { usePageTitle } from '../../../hooks/usePageTitle';
import { tpPaths } from '../paths';
import { useMyStudent } from '../useViewer';

/** "My profile" and "My matches": the signed-in student's own record, found by the server's visibility rule. */
export default function MyProfilePage({ to = 'profile' }: { to?: 'profile' | 'matches' }) {
  const { t } = useTranslation();
  const { slug, membership } = useCoalition();
  const me = useMyStudent();
  usePageTitle(t('talentPipeline.student.myProfile'));
  if (!membership.roles.includes('student')) return <Empty order={1} icon={<IconId size={32} aria-hidden />} title={t('talentPipeline.student.notStudentTitle')} description={t('talentPipeline.student.notStudentBody')} />;
  if (me.isPending) return <Loading />;
  if (me.isError) return <QueryErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Empty order={1} icon={<IconId size={32} aria-hidden />} title={t('talentPipeline.student.noRecordTitle')} description={t('talentPipeline.student.noRecordBody')} />;
  return <Navigate replace to={to === 'matches' ? tpPaths.matches(slug, me.data.id) : tpPaths.student(slug, me.data.id)} />;
}
