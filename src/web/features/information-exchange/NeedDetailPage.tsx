import { Anchor, Card, Group, List, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useCoalition } from '../../coalition/context';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { StatusMessage } from '../../components/StatusMessage';
import { useFlash } from '../../hooks/useFlash';
import { ixApi, ixKeys } from './api';
import { ixPaths } from './paths';
import { Dash, Figure, FlagAlert, useIxLabels } from './ui';
import { useIxRole } from './useIxRole';

/** One hiring need: who, what, how many, the skills with their weight in the gap, and its flags. */
export default function NeedDetailPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const { id = '' } = useParams();
  const role = useIxRole();
  const labels = useIxLabels();
  const [flash, dismissFlash] = useFlash();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const need = useQuery({ queryKey: ixKeys.part(slug, 'need', id), queryFn: () => ixApi.need(slug, id) });
  if (need.isPending) return <Loading />;
  if (need.isError) return <QueryErrorState error={need.error} onRetry={() => void need.refetch()} />;
  const n = need.data;
  const remove = role.ownsNeed(n) ? (
    <ConfirmButton
      title={t('informationExchange.needs.deleteTitle')}
      body={t('informationExchange.needs.deleteBody', { title: n.title })}
      confirmLabel={t('common.delete')}
      onConfirm={async () => {
        await ixApi.deleteNeed(slug, n.id);
        await queryClient.invalidateQueries({ queryKey: ixKeys.all(slug) });
        navigate(ixPaths.needs(slug), { state: { flash: t('informationExchange.needs.deleted', { title: n.title }) } });
      }}
    >
      {t('common.delete')}
    </ConfirmButton>
  ) : null;
  return (
    <>
      <PageHeader title={n.title} description={`${n.employerName} · ${n.soc}${n.socTitle ? ` ${n.socTitle}` : ''}`} back={{ to: ixPaths.needs(slug), label: t('informationExchange.needs.title') }} actions={remove} />
      <StatusMessage message={flash} onClose={dismissFlash} mb="md" />
      {n.flags.map((f) => (
        <FlagAlert key={f.code}>{f.message}</FlagAlert>
      ))}
      <Card withBorder mb="lg">
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Figure label={t('informationExchange.fields.positions')} value={n.positions} />
          <Figure label={t('informationExchange.fields.level')} value={labels.level(n.level)} />
          <Figure label={t('informationExchange.fields.workplace')} value={labels.workplace(n.workplace)} hint={n.location} />
          <Figure
            label={t('informationExchange.fields.degreeRequired')}
            value={n.degreeRequired ? t('informationExchange.yes') : t('informationExchange.no')}
            hint={n.degreeRequired ? labels.degree(n.degreeLevel) : null}
          />
        </SimpleGrid>
        <Group mt="md">
          <Anchor component={Link} to={ixPaths.profile(slug, n.employerId)}>
            {t('informationExchange.needs.profileOf', { name: n.employerName })}
          </Anchor>
        </Group>
      </Card>
      {n.description && <Text mb="lg" maw="48rem">{n.description}</Text>}

      <Title order={2} size="h4" mb="xs">
        {t('informationExchange.fields.skills')}
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table striped mb="lg">
          <Table.Caption>{t('informationExchange.needs.skillsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('informationExchange.fields.skill')}</Table.Th>
              <Table.Th scope="col">{t('informationExchange.fields.kind')}</Table.Th>
              <Table.Th scope="col">{t('informationExchange.fields.skillLevel')}</Table.Th>
              <Table.Th scope="col">{t('informationExchange.fields.importance')}</Table.Th>
              <Table.Th scope="col" ta="end">{t('informationExchange.fields.weight')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {n.skillRequirements.map((s) => (
              <Table.Tr key={s.skillId}>
                <Table.Th scope="row" fw={400}>
                  <Anchor component={Link} to={ixPaths.skill(slug, s.skillId)}>
                    {s.name}
                  </Anchor>
                </Table.Th>
                <Table.Td>{labels.kind(s.kind)}</Table.Td>
                <Table.Td>{s.level ? labels.skillLevel(s.level) : <Dash />}</Table.Td>
                <Table.Td>{labels.importance(s.importance)}</Table.Td>
                <Table.Td ta="end">{s.weight}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Title order={2} size="h4" mb="xs">
        {t('informationExchange.fields.calendar')}
      </Title>
      {n.recruitingCalendar.length === 0 ? (
        <Text c="dimmed">{t('informationExchange.needForm.noWindows')}</Text>
      ) : (
        <List>
          {n.recruitingCalendar.map((w, i) => (
            <List.Item key={i}>
              {labels.window(w.kind)}
              {w.label ? ` (${w.label})` : ''}: {w.startsOn} – {w.endsOn}
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}
