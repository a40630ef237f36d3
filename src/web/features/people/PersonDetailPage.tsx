import { Anchor, Badge, Button, Card, Stack, Text, Title } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, keys } from '../../api/endpoints';
import { paths, useCoalition } from '../../coalition/context';
import { ConfirmButton } from '../../components/ConfirmButton';
import { RoleBadges, useLabels } from '../../components/labels';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { StatusMessage } from '../../components/StatusMessage';
import { useFlash } from '../../hooks/useFlash';
import { useFormatters } from '../../i18n/format';

export default function PersonDetailPage() {
  const { t } = useTranslation();
  const { slug, can } = useCoalition();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const labels = useLabels();
  const fmt = useFormatters();
  const [flash, dismissFlash] = useFlash();
  const person = useQuery({ queryKey: keys.person(slug, id), queryFn: () => api.people.get(slug, id) });

  if (person.isPending) return <Loading />;
  if (person.isError) {
    return (
      <>
        <PageHeader title={t('errors.status404')} back={{ to: paths.people(slug), label: t('people.title') }} />
        <QueryErrorState error={person.error} onRetry={() => void person.refetch()} />
      </>
    );
  }
  const p = person.data;

  const remove = async () => {
    await api.people.remove(slug, id);
    queryClient.removeQueries({ queryKey: keys.person(slug, id) });
    await queryClient.invalidateQueries({ queryKey: keys.people(slug) });
    await queryClient.invalidateQueries({ queryKey: keys.organizations(slug) });
    navigate(paths.people(slug), { state: { flash: t('people.deleted', { name: p.name }) } });
  };

  const notSet = (
    <Text span c="dimmed">
      {t('common.notSet')}
    </Text>
  );

  return (
    <>
      <PageHeader
        title={p.name}
        description={[p.title, p.organizationName].filter(Boolean).join(' · ') || undefined}
        back={{ to: paths.people(slug), label: t('people.title') }}
        actions={
          can.editDirectory && (
            <>
              <Button component={Link} to={paths.personEdit(slug, id)} leftSection={<IconEdit size={16} aria-hidden />}>
                {t('common.edit')}
              </Button>
              <ConfirmButton
                title={t('people.deleteConfirmTitle', { name: p.name })}
                body={t('people.deleteConfirmBody')}
                confirmLabel={t('people.deleteConfirm')}
                onConfirm={remove}
              >
                {t('common.delete')}
              </ConfirmButton>
            </>
          )
        }
      />
      <Stack gap="lg" maw={860}>
        <StatusMessage message={flash} onClose={dismissFlash} />
        <Card withBorder padding="lg" component="section" aria-labelledby="tb-person-details">
          <Title order={2} size="h4" id="tb-person-details" mb="md">
            {t('common.details')}
          </Title>
          <dl className="tb-dl">
            <dt>{t('people.fields.title')}</dt>
            <dd>{p.title ?? notSet}</dd>
            <dt>{t('people.fields.organization')}</dt>
            <dd>
              {p.organizationId && p.organizationName ? (
                <>
                  <Anchor component={Link} to={paths.organization(slug, p.organizationId)}>
                    {p.organizationName}
                  </Anchor>
                  {p.organizationType && (
                    <Text span c="dimmed" size="sm">
                      {' '}
                      ({labels.orgType(p.organizationType)})
                    </Text>
                  )}
                </>
              ) : (
                notSet
              )}
            </dd>
            <dt>{t('people.fields.roles')}</dt>
            <dd>
              <RoleBadges roles={p.roles} empty={t('people.noRoles')} />
            </dd>
            <dt>{t('people.fields.email')}</dt>
            <dd>{p.email ? <Anchor href={`mailto:${p.email}`}>{p.email}</Anchor> : notSet}</dd>
            <dt>{t('people.fields.phone')}</dt>
            <dd>{p.phone ? <Anchor href={`tel:${p.phone.replace(/[^+\d]/g, '')}`}>{p.phone}</Anchor> : notSet}</dd>
            <dt>{t('people.account')}</dt>
            <dd>
              <Badge variant="light" color={p.hasAccount ? 'teal' : 'gray'} tt="none">
                {p.hasAccount ? t('people.hasAccount') : t('people.noAccount')}
              </Badge>
            </dd>
            <dt>{t('people.fields.externalId')}</dt>
            <dd>{p.externalId ?? notSet}</dd>
            <dt>{t('organizations.createdAt')}</dt>
            <dd>{fmt.dateTime(p.createdAt)}</dd>
            <dt>{t('organizations.updatedAt')}</dt>
            <dd>{fmt.dateTime(p.updatedAt)}</dd>
          </dl>
        </Card>
      </Stack>
    </>
  );
}
