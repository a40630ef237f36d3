import { Anchor, Card, List, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { CandidateProfileDto } from '../../../shared/hiring-needs.contract';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { ixApi, ixKeys } from './api';
import { ixPaths } from './paths';
import { Dash, Figure, FlagAlert, useIxLabels } from './ui';

type ProfileSkill = CandidateProfileDto['hardSkills'][number];

function SkillTable({ caption, skills }: { caption: string; skills: ProfileSkill[] }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const labels = useIxLabels();
  if (skills.length === 0) return <Text c="dimmed" mb="lg">{t('informationExchange.noSkills')}</Text>;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped mb="lg">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('informationExchange.fields.skill')}</Table.Th>
            <Table.Th scope="col">{t('informationExchange.fields.skillLevel')}</Table.Th>
            <Table.Th scope="col" ta="end">{t('informationExchange.fields.weight')}</Table.Th>
            <Table.Th scope="col" ta="end">{t('informationExchange.profile.needs')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {skills.map((s) => (
            <Table.Tr key={s.skillId}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={ixPaths.skill(slug, s.skillId)}>
                  {s.name}
                </Anchor>
              </Table.Th>
              <Table.Td>{s.level ? labels.skillLevel(s.level) : <Dash />}</Table.Td>
              <Table.Td ta="end">{s.weight}</Table.Td>
              <Table.Td ta="end">{s.needIds.length}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** An employer's profile of a qualified candidate: every skill across its needs, weighted by positions. */
export default function CandidateProfilePage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const { employerId = '' } = useParams();
  const labels = useIxLabels();
  const profile = useQuery({ queryKey: ixKeys.part(slug, 'profile', employerId), queryFn: () => ixApi.profile(slug, employerId) });
  if (profile.isPending) return <Loading />;
  if (profile.isError) return <QueryErrorState error={profile.error} onRetry={() => void profile.refetch()} />;
  const p = profile.data;
  return (
    <>
      <PageHeader
        title={t('informationExchange.profile.title', { name: p.employerName })}
        description={t('informationExchange.profile.intro')}
        back={{ to: `${ixPaths.needs(slug)}?employerId=${p.employerId}`, label: t('informationExchange.profile.itsNeeds') }}
      />
      <Card withBorder mb="lg">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Figure label={t('informationExchange.profile.needs')} value={p.needs} />
          <Figure label={t('informationExchange.fields.positions')} value={p.positions} />
          <Figure label={t('informationExchange.profile.degreePositions')} value={p.degreeRequiredPositions} />
        </SimpleGrid>
      </Card>
      {p.flags.map((f) => (
        <FlagAlert key={`${f.needId}-${f.code}`}>
          {f.message}{' '}
          {/* blue.9: the default link blue on the orange tint falls under 4.5:1 */}
          <Anchor component={Link} to={ixPaths.need(slug, f.needId)} size="sm" c="blue.9">
            {t('informationExchange.profile.openNeed')}
          </Anchor>
        </FlagAlert>
      ))}
      <Title order={2} size="h4" mb="xs">
        {t('informationExchange.profile.hard')}
      </Title>
      <SkillTable caption={t('informationExchange.profile.hardCaption')} skills={p.hardSkills} />
      <Title order={2} size="h4" mb="xs">
        {t('informationExchange.profile.soft')}
      </Title>
      <SkillTable caption={t('informationExchange.profile.softCaption')} skills={p.softSkills} />
      <Title order={2} size="h4" mb="xs">
        {t('informationExchange.fields.calendar')}
      </Title>
      {p.recruitingCalendar.length === 0 ? (
        <Text c="dimmed">{t('informationExchange.needForm.noWindows')}</Text>
      ) : (
        <List>
          {p.recruitingCalendar.map((w, i) => (
            <List.Item key={i}>
              <Anchor component={Link} to={ixPaths.need(slug, w.needId)}>
                {w.title}
              </Anchor>
              : {labels.window(w.kind)}
              {w.label ? ` (${w.label})` : ''}, {w.startsOn} – {w.endsOn}
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}
