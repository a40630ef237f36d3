import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useCoalition } from '../../coalition/context';
import { PageHeader } from '../../components/PageHeader';
import { initiativesApi, iniKeys } from './api';
import { InitiativeForm } from './InitiativeForm';
import { iniPaths } from './paths';

export default function InitiativeCreatePage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const sessionId = useSearchParams()[0].get('session') ?? undefined;
  const back = sessionId ? iniPaths.session(slug, sessionId) : iniPaths.list(slug);
  return (
    <>
      <PageHeader title={sessionId ? t('initiatives.form.proposeTitle') : t('initiatives.form.createTitle')} description={t('initiatives.form.intro')} back={{ to: back, label: t('initiatives.form.back') }} />
      <InitiativeForm
        slug={slug}
        sessionId={sessionId}
        cancelTo={back}
        onSubmit={async (data) => {
          const created = await initiativesApi.create(slug, data);
          await queryClient.invalidateQueries({ queryKey: iniKeys.all(slug) });
          navigate(iniPaths.initiative(slug, created.id), { state: { flash: t('initiatives.form.created') } });
        }}
      />
    </>
  );
}
