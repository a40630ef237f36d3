import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { useFormatters } from '../../i18n/format';
import { ixApi, ixKeys } from './api';
import { ixPaths } from './paths';
import { Figure, SkillList } from './ui';

/** A course: the skills it teaches now, and every version of them with the proposal and demand behind it. */
export default function CourseDetailPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const { id = '' } = useParams();
  const { dateTime: when } = useFormatters();
  const course = useQuery({ queryKey: ixKeys.part(slug, 'course', id), queryFn: () => ixApi.course(slug, id) });
  const versions = useQuery({ queryKey: ixKeys.part(slug, 'course', id, 'versions'), queryFn: () => ixApi.courseVersions(slug, id) });
  if (course.isPending) return <Loading />;
  if (course.isError) return <QueryErrorState error={course.error} onRetry={() => void course.refetch()} />;
  const c = course.data;
  return (
    <>
      <PageHeader
        title={`${c.code ? `${c.code} ` : ''}${c.title}`}
        description={c.description ?? undefined}
        back={{ to: ixPaths.program(slug, c.programId), label: c.programTitle }}
      />
      <Card withBorder mb="lg">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Figure label={t('informationExchange.fields.institution')} value={c.institutionName} />
          <Figure label={t('informationExchange.fields.annualEnrollment')} value={c.annualEnrollment ?? '—'} hint={t('informationExchange.courses.weightHint')} />
          <Figure label={t('informationExchange.courses.version')} value={c.skillsVersion} />
        </SimpleGrid>
        <Title order={2} size="h5" mt="md" mb={6}>
          {t('informationExchange.courses.teachesNow')}
        </Title>
        <SkillList skills={c.skillRefs.map((s) => ({ id: s.id, name: s.name }))} to={(sid) => ixPaths.skill(slug, sid)} />
      </Card>

      <Title order={2} size="h4" mb="xs">
        {t('informationExchange.courses.history')}
      </Title>
      {versions.isPending ? (
        <Loading />
      ) : versions.isError ? (
        <QueryErrorState error={versions.error} onRetry={() => void versions.refetch()} />
      ) : (
        <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0 }}>
          {versions.data.items.map((v) => (
            <Card key={v.version} component="li" withBorder padding="sm">
              <Group justify="space-between">
                <Text fw={700}>{t('informationExchange.courses.versionN', { n: v.version })}</Text>
                <Text size="sm" c="dimmed">
                  {when(v.createdAt)}
                  {v.changedBy ? ` · ${v.changedBy.name}` : ''}
                </Text>
              </Group>
              {v.added.length > 0 && (
                <Group gap="xs" mt={6}>
                  <Text size="sm">{t('informationExchange.courses.added')}</Text>
                  <SkillList skills={v.added.map((name) => ({ name }))} color="green" />
                </Group>
              )}
              {v.removed.length > 0 && (
                <Group gap="xs" mt={6}>
                  <Text size="sm">{t('informationExchange.courses.removed')}</Text>
                  <SkillList skills={v.removed.map((name) => ({ name }))} color="red" />
                </Group>
              )}
              {v.note && (
                <Text size="sm" mt={6}>
                  {v.note}
                </Text>
              )}
              {v.proposal && (
                <Text size="sm" mt={6}>
                  {t('informationExchange.courses.fromProposal')}{' '}
                  <Anchor component={Link} to={ixPaths.proposal(slug, v.proposal.id)}>
                    {v.proposal.title}
                  </Anchor>{' '}
                  <Badge variant="light" color="gray" c="gray.9">
                    {t('informationExchange.forum.commentsN', { count: v.proposal.comments })}
                  </Badge>
                </Text>
              )}
              {v.evidence.map((e) => (
                <Text key={e.skillId} size="sm" mt={4}>
                  {t('informationExchange.courses.evidence', { skill: e.skill, demand: e.demand, supply: e.supply, gap: e.gap, count: e.needIds.length })}{' '}
                  <Anchor component={Link} to={ixPaths.skill(slug, e.skillId)}>
                    {t('informationExchange.courses.seeGapNow', { skill: e.skill })}
                  </Anchor>
                </Text>
              ))}
            </Card>
          ))}
        </Stack>
      )}
    </>
  );
}
