import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api, keys } from '../../api/endpoints';
import { paths, useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { OrganizationForm } from './OrganizationForm';

export default function OrganizationEditPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const org = useQuery({ queryKey: keys.organization(slug, id), queryFn: () => api.organizations.get(slug, id) });

  if (org.isPending) return <Loading />;
  if (org.isError) return <QueryErrorState error={org.error} onRetry={() => void org.refetch()} />;

  return (
    <>
      <PageHeader
        title={t('organizations.editTitle', { name: org.data.name })}
        back={{ to: paths.organization(slug, id), label: org.data.name }}
      />
      <OrganizationForm
        organization={org.data}
        cancelTo={paths.organization(slug, id)}
        onSubmit={async (data) => {
          const updated = await api.organizations.update(slug, id, data);
          queryClient.setQueryData(keys.organization(slug, id), updated);
          await queryClient.invalidateQueries({ queryKey: keys.organizations(slug) });
          await queryClient.invalidateQueries({ queryKey: keys.people(slug) });
          navigate(paths.organization(slug, id), { state: { flash: t('organizations.saved', { name: updated.name }) } });
        }}
      />
    </>
  );
}
