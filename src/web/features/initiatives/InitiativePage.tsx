import { Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFileTypeCsv, IconFileTypePdf } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { StatusMessage } from '../../components/StatusMessage';
import { useFlash } from '../../hooks/useFlash';
import { ActionPlanSection } from './ActionPlanSection';
import { initiativesApi, iniKeys } from './api';
import { FinancesSection } from './FinancesSection';
import { iniPaths } from './paths';
import { InitiativeRisksSection } from './InitiativeRisksSection';
import { TeamSection } from './TeamSection';
import { StatusBadge, useCategoryLabel } from './ui';
import { useIniFormat } from './util';

export default function InitiativePage() {
  const { t } = useTranslation();
  const { slug, membership } = useCoalition();
  const id = useParams().id!;
  const [flash, dismissFlash] = useFlash();
  const fmt = useIniFormat();
  const categoryLabel = useCategoryLabel();
  const query = useQuery({ queryKey: iniKeys.detail(slug, id), queryFn: ({ signal }) => initiativesApi.get(slug, id, signal) });
  const back = { to: iniPaths.list(slug), label: t('initiatives.backToList') };
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const ini = query.data;
  const council = membership.roles.some((r) => r === 'coordinator' || r === 'leadership_council');
  const canManage = council || (membership.roles.includes('initiative_leader') && ini.owner?.personId === membership.personId);

  return (
    <>
      <PageHeader
        title={ini.title}
        back={back}
        description={categoryLabel(ini.category, ini.customCategory)}
        actions={
          <>
            <Button component="a" href={initiativesApi.reportUrl(slug, 'csv', id)} download variant="default" leftSection={<IconFileTypeCsv size={16} aria-hidden />}>
              {t('initiatives.report.csv')}
            </Button>
            <Button component="a" href={initiativesApi.reportUrl(slug, 'pdf', id)} download variant="default" leftSection={<IconFileTypePdf size={16} aria-hidden />}>
              {t('initiatives.report.pdf')}
            </Button>
          </>
        }
      />
      <StatusMessage message={flash} onClose={dismissFlash} mb="md" />
      <Paper withBorder p="md" mb="lg">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <Fact label={t('initiatives.fields.status')}>
            <StatusBadge status={ini.status} />
          </Fact>
          <Fact label={t('initiatives.fields.owner')}>{ini.owner?.name ?? t('initiatives.noOwner')}</Fact>
          <Fact label={t('initiatives.fields.timing')}>
            {fmt.day(ini.startsOn)} – {fmt.day(ini.targetFinishOn)}
          </Fact>
          <Fact label={t('initiatives.fields.progress')}>{t('initiatives.list.progress', { percent: ini.progressPercent, count: ini.taskCount })}</Fact>
        </SimpleGrid>
        {ini.description && (
          <Text mt="md" style={{ whiteSpace: 'pre-line' }}>
            {ini.description}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, md: 3 }} mt="md">
          <Stack gap={4}>
            <Title order={2} size="h5">
              {t('initiatives.fields.strategicPriorities')}
            </Title>
            <Group gap={4}>
              {ini.strategicPriorities.length === 0 ? <Text size="sm" c="dimmed">{t('initiatives.noneYet')}</Text> : ini.strategicPriorities.map((p) => <Badge key={p} variant="outline">{t(`initiatives.priorities.${p}`)}</Badge>)}
            </Group>
          </Stack>
          <Stack gap={4}>
            <Title order={2} size="h5">
              {t('initiatives.fields.recommendations')}
            </Title>
            {ini.recommendations.length === 0 ? (
              <Text size="sm" c="dimmed">{t('initiatives.noneYet')}</Text>
            ) : (
              <List size="sm">
                {ini.recommendations.map((r) => (
                  <List.Item key={r}>{t(`initiatives.recommendations.r${r as 1}`)}</List.Item>
                ))}
              </List>
            )}
          </Stack>
          <Stack gap={4}>
            <Title order={2} size="h5">
              {t('initiatives.fields.goals')}
            </Title>
            {ini.goals.length === 0 ? (
              <Text size="sm" c="dimmed">{t('initiatives.noneYet')}</Text>
            ) : (
              <List size="sm">
                {ini.goals.map((g) => (
                  <List.Item key={g.metricKey}>
                    {t('initiatives.goal', { metric: (t as (k: string, o?: object) => string)(`initiatives.metrics.${g.metricKey}`, { defaultValue: g.metricKey }), target: fmt.number(g.target) })}
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
        </SimpleGrid>
      </Paper>
      <Stack gap="xl">
        <TeamSection slug={slug} initiative={ini} canManage={canManage} />
        <ActionPlanSection slug={slug} initiative={ini} canManage={canManage} />
        <FinancesSection slug={slug} initiativeId={id} canManage={canManage} />
        <InitiativeRisksSection slug={slug} initiativeId={id} canManage={canManage} />
      </Stack>
    </>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text component="div">{children}</Text>
    </div>
  );
}
