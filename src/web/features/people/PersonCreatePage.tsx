import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { api, keys } from '../../api/endpoints';
import { paths, useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { PersonForm } from './PersonForm';

export default function PersonCreatePage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const organizationId = params.get('organizationId') ?? '';
  const knownName = (location.state as { organizationName?: string } | null)?.organizationName ?? null;
  const organization = useQuery({
    queryKey: keys.organization(slug, organizationId),
    queryFn: () => api.organizations.get(slug, organizationId),
    enabled: organizationId !== '' && !knownName,
  });
  const back = organizationId ? paths.organization(slug, organizationId) : paths.people(slug);

  return (
    <>
      <PageHeader title={t('people.newTitle')} back={{ to: back, label: organizationId ? (knownName ?? organization.data?.name ?? t('people.title')) : t('people.title') }} />
      {organizationId && !knownName && organization.isPending ? (
        <Loading />
      ) : (
        <PersonForm
          cancelTo={back}
          {...(organizationId ? { organization: { id: organizationId, name: knownName ?? organization.data?.name ?? null } } : {})}
          onSubmit={async (data) => {
            const created = await api.people.create(slug, data);
            await queryClient.invalidateQueries({ queryKey: keys.people(slug) });
            await queryClient.invalidateQueries({ queryKey: keys.organizations(slug) });
            queryClient.setQueryData(keys.person(slug, created.id), created);
            navigate(paths.person(slug, created.id), { state: { flash: t('people.created', { name: created.name }) } });
          }}
        />
      )}
    </>
  );
}
