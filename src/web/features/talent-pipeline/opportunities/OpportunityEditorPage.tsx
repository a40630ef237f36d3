import { Alert, Paper } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useCoalition } from '../../../coalition/context';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorState } from '../../../components/QueryState';
import { tpApi, tpKeys } from '../api';
import { tpPaths } from '../paths';
import { useViewer } from '../useViewer';
import { OpportunityForm } from './OpportunityForm';
import { emptyOpportunity, valuesOf } from './opportunityFormValues';

/**
 * New opportunity (no :id) or edit one. The Coordinator and the Leadership Council publish for any
 * organization; an organization's staff for their own. The server decides; this only picks the form.
 */
export default function OpportunityEditorPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { slug, can } = useCoalition();
  const viewer = useViewer();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const existing = useQuery({ queryKey: tpKeys.opportunity(slug, id ?? ''), queryFn: () => tpApi.opportunity(slug, id!), enabled: !!id });
  const title = id ? t('talentPipeline.form.editTitle') : t('talentPipeline.form.newTitle');
  const back = id ? { to: tpPaths.opportunity(slug, id), label: existing.data?.title ?? t('talentPipeline.board.title') } : { to: tpPaths.board(slug), label: t('talentPipeline.board.title') };

  if (viewer.loading || (id && existing.isPending)) return <Loading />;
  if (id && existing.isError) return <QueryErrorState error={existing.error} onRetry={() => void existing.refetch()} />;
  const o = existing.data;
  const mayPublish = can.editDirectory || (viewer.isStaff && !!viewer.organizationId && (!o || o.employerId === viewer.organizationId));

  const done = async (savedId: string) => {
    await queryClient.invalidateQueries({ queryKey: tpKeys.all(slug) });
    navigate(tpPaths.opportunity(slug, savedId));
  };

  return (
    <>
      <PageHeader title={title} description={o ? o.title : t('talentPipeline.form.newIntro')} back={back} />
      {!mayPublish ? (
        <Alert color="yellow" variant="light" role="status">
          {t('talentPipeline.form.notAllowed')}
        </Alert>
      ) : (
        <Paper withBorder p="lg">
          <OpportunityForm
            initialValues={o ? valuesOf(o) : emptyOpportunity(can.editDirectory ? '' : (viewer.organizationId ?? ''))}
            pickHost={can.editDirectory}
            hostName={o ? o.employerName : viewer.organizationName}
            submitLabel={o ? t('talentPipeline.form.save') : t('talentPipeline.form.publish')}
            onSubmit={async (input) => {
              const saved = o ? await tpApi.updateOpportunity(slug, o.id, input) : await tpApi.createOpportunity(slug, input);
              await done(saved.id);
            }}
            onCancel={() => navigate(back.to)}
          />
        </Paper>
      )}
    </>
  );
}
