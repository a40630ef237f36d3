import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api, keys } from '../../api/endpoints';
import { paths, useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { PersonForm } from './PersonForm';

export default function PersonEditPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const person = useQuery({ queryKey: keys.person(slug, id), queryFn: () => api.people.get(slug, id) });

  if (person.isPending) return <Loading />;
  if (person.isError) return <QueryErrorState error={person.error} onRetry={() => void person.refetch()} />;

  return (
    <>
      <PageHeader title={t('people.editTitle', { name: person.data.name })} back={{ to: paths.person(slug, id), label: person.data.name }} />
      <PersonForm
        person={person.data}
        cancelTo={paths.person(slug, id)}
        onSubmit={async (data) => {
          const updated = await api.people.update(slug, id, data);
          queryClient.setQueryData(keys.person(slug, id), updated);
          await queryClient.invalidateQueries({ queryKey: keys.people(slug) });
          await queryClient.invalidateQueries({ queryKey: keys.organizations(slug) });
          navigate(paths.person(slug, id), { state: { flash: t('people.saved', { name: updated.name }) } });
        }}
      />
    </>
  );
}
