import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, keys } from '../../api/endpoints';
import { paths, useCoalition } from '../../coalition/context';
import { PageHeader } from '../../components/PageHeader';
import { OrganizationForm } from './OrganizationForm';

export default function OrganizationCreatePage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <>
      <PageHeader title={t('organizations.newTitle')} back={{ to: paths.organizations(slug), label: t('organizations.title') }} />
      <OrganizationForm
        cancelTo={paths.organizations(slug)}
        onSubmit={async (data) => {
          const created = await api.organizations.create(slug, data);
          await queryClient.invalidateQueries({ queryKey: keys.organizations(slug) });
          queryClient.setQueryData(keys.organization(slug, created.id), created);
          navigate(paths.organization(slug, created.id), { state: { flash: t('organizations.created', { name: created.name }) } });
        }}
      />
    </>
  );
}
