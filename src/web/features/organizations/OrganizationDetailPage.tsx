import { Anchor, Button, Card, Grid, Group, List, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconEdit, IconUserPlus } from '@tabler/icons-react';
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

export default function OrganizationDetailPage() {
  const { t } = useTranslation();
  const { slug, can } = useCoalition();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const labels = useLabels();
  const fmt = useFormatters();
  const [flash, dismissFlash] = useFlash();
  const org = useQuery({ queryKey: keys.organization(slug, id), queryFn: () => api.organizations.get(slug, id) });
  const peopleParams = { organizationId: id, limit: 25 };
  const people = useQuery({
    queryKey: keys.personList(slug, peopleParams),
    queryFn: () => api.people.list(slug, peopleParams),
    enabled: org.isSuccess,
  });

  if (org.isPending) return <Loading />;
  if (org.isError) {
    return (
      <>
        <PageHeader title={t('errors.status404')} back={{ to: paths.organizations(slug), label: t('organizations.title') }} />
        <QueryErrorState error={org.error} onRetry={() => void org.refetch()} />
      </>
    );
  }
  const o = org.data;

  const remove = async () => {
    await api.organizations.remove(slug, id);
    queryClient.removeQueries({ queryKey: keys.organization(slug, id) });
    await queryClient.invalidateQueries({ queryKey: keys.organizations(slug) });
    await queryClient.invalidateQueries({ queryKey: keys.people(slug) });
    navigate(paths.organizations(slug), { state: { flash: t('organizations.deleted', { name: o.name }) } });
  };

  const dash = (
    <Text span c="dimmed">
      {t('common.notSet')}
    </Text>
  );

  return (
    <>
      <PageHeader
        title={o.name}
        description={[labels.orgType(o.type), labels.subtype(o.subtype)].filter(Boolean).join(' · ')}
        back={{ to: paths.organizations(slug), label: t('organizations.title') }}
        actions={
          can.editDirectory && (
            <>
              <Button component={Link} to={paths.organizationEdit(slug, id)} leftSection={<IconEdit size={16} aria-hidden />}>
                {t('common.edit')}
              </Button>
              <ConfirmButton
                title={t('organizations.deleteConfirmTitle', { name: o.name })}
                body={t('organizations.deleteConfirmBody')}
                confirmLabel={t('organizations.deleteConfirm')}
                onConfirm={remove}
              >
                {t('common.delete')}
              </ConfirmButton>
            </>
          )
        }
      />
      <Stack gap="lg">
        <StatusMessage message={flash} onClose={dismissFlash} />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Card withBorder padding="lg" component="section" aria-labelledby="tb-org-details">
              <Title order={2} size="h4" id="tb-org-details" mb="md">
                {t('common.details')}
              </Title>
              <dl className="tb-dl">
                <dt>{t('organizations.fields.type')}</dt>
                <dd>{labels.orgType(o.type)}</dd>
                <dt>{t('organizations.fields.subtype')}</dt>
                <dd>{labels.subtype(o.subtype) || dash}</dd>
                <dt>{t('organizations.fields.website')}</dt>
                <dd>
                  {o.website ? (
                    <Anchor href={o.website} target="_blank" rel="noopener noreferrer">
                      {o.website}
                      <VisuallyHidden> {t('common.opensInNewTab')}</VisuallyHidden>
                    </Anchor>
                  ) : (
                    dash
                  )}
                </dd>
                <dt>{t('organizations.fields.address')}</dt>
                <dd style={{ whiteSpace: 'pre-line' }}>{o.address ?? dash}</dd>
                <dt>{t('organizations.fields.description')}</dt>
                <dd style={{ whiteSpace: 'pre-line' }}>{o.description ?? dash}</dd>
                <dt>{t('organizations.fields.externalId')}</dt>
                <dd>{o.externalId ?? dash}</dd>
                <dt>{t('organizations.createdAt')}</dt>
                <dd>{fmt.dateTime(o.createdAt)}</dd>
                <dt>{t('organizations.updatedAt')}</dt>
                <dd>{fmt.dateTime(o.updatedAt)}</dd>
              </dl>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="lg">
              <Card withBorder padding="lg" component="section" aria-labelledby="tb-org-poc">
                <Title order={2} size="h4" id="tb-org-poc" mb="sm">
                  {t('organizations.pointsOfContact')}
                </Title>
                {o.pointsOfContact.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('organizations.noPointsOfContact')}
                  </Text>
                ) : (
                  <List spacing="xs" listStyleType="none" p={0}>
                    {o.pointsOfContact.map((c) => (
                      <List.Item key={c.personId}>
                        <Anchor component={Link} to={paths.person(slug, c.personId)} fw={600}>
                          {c.name}
                        </Anchor>
                        {c.title && (
                          <Text size="sm" c="dimmed">
                            {c.title}
                          </Text>
                        )}
                        {c.email && (
                          <Anchor href={`mailto:${c.email}`} size="sm">
                            {c.email}
                          </Anchor>
                        )}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Card>
              <Card withBorder padding="lg" component="section" aria-labelledby="tb-org-people">
                <Group justify="space-between" mb="sm">
                  <Title order={2} size="h4" id="tb-org-people">
                    {t('organizations.peopleHere')}
                  </Title>
                  {can.editDirectory && (
                    <Button
                      component={Link}
                      to={`${paths.personNew(slug)}?organizationId=${encodeURIComponent(id)}`}
                      state={{ organizationName: o.name }}
                      size="xs"
                      variant="light"
                      leftSection={<IconUserPlus size={14} aria-hidden />}
                    >
                      {t('organizations.addPersonHere')}
                    </Button>
                  )}
                </Group>
                {people.isPending ? (
                  <Loading py="sm" />
                ) : people.isError ? (
                  <QueryErrorState error={people.error} onRetry={() => void people.refetch()} />
                ) : people.data.items.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('organizations.noPeopleHere')}
                  </Text>
                ) : (
                  <Stack gap="sm">
                    <List spacing="sm" listStyleType="none" p={0}>
                      {people.data.items.map((p) => (
                        <List.Item key={p.id}>
                          <Anchor component={Link} to={paths.person(slug, p.id)} fw={600}>
                            {p.name}
                          </Anchor>
                          {p.title && (
                            <Text size="sm" c="dimmed">
                              {p.title}
                            </Text>
                          )}
                          <RoleBadges roles={p.roles} />
                        </List.Item>
                      ))}
                    </List>
                    {people.data.nextCursor && (
                      <Anchor component={Link} to={`${paths.people(slug)}?organizationId=${encodeURIComponent(id)}`} size="sm">
                        {t('organizations.viewAllPeople')}
                      </Anchor>
                    )}
                  </Stack>
                )}
              </Card>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}
