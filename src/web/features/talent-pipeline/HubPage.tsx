import { Card, SimpleGrid, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { IconBriefcase, IconBuildingCommunity, IconChartFunnel, IconFileImport, IconId, IconLayoutKanban, IconListCheck, IconScale, IconSearch, IconSparkles, IconUsers, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCoalition } from '../../coalition/context';
import type { Messages } from '../../i18n/en';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { importsPath } from '../imports/paths';
import { tpPaths } from './paths';
import { useViewer } from './useViewer';

interface Entry {
  key: keyof Messages['talentPipeline']['hub']['entries'];
  to: string;
  icon: Icon;
}

/** The area's front door: the entry points of the caller's part in the pipeline. */
export default function HubPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const viewer = useViewer();
  if (viewer.loading) return <Loading />;

  const board: Entry = { key: 'board', to: tpPaths.board(slug), icon: IconSearch };
  const byRole: Record<typeof viewer.role, Entry[]> = {
    student: [
      board,
      { key: 'myProfile', to: tpPaths.myProfile(slug), icon: IconId },
      { key: 'myMatches', to: tpPaths.myMatches(slug), icon: IconSparkles },
      { key: 'myApplications', to: tpPaths.applications(slug), icon: IconListCheck },
    ],
    employer: [
      { key: 'myOpportunities', to: `${tpPaths.board(slug)}?employerId=${viewer.organizationId ?? ''}`, icon: IconBriefcase },
      { key: 'applicants', to: tpPaths.pipeline(slug), icon: IconLayoutKanban },
      { key: 'candidates', to: `${tpPaths.board(slug)}?employerId=${viewer.organizationId ?? ''}&status=open`, icon: IconUsers },
      { key: 'capacity', to: tpPaths.engagements(slug), icon: IconBuildingCommunity },
    ],
    school: [board, { key: 'studentApplications', to: tpPaths.applications(slug), icon: IconListCheck }, { key: 'engagementRequests', to: tpPaths.engagements(slug), icon: IconBuildingCommunity }],
    coordinator: [
      { key: 'funnel', to: tpPaths.funnel(slug), icon: IconChartFunnel },
      { key: 'fairness', to: tpPaths.fairness(slug), icon: IconScale },
      { key: 'engagements', to: tpPaths.engagements(slug), icon: IconBuildingCommunity },
      { key: 'imports', to: importsPath(slug, { kind: 'students' }), icon: IconFileImport },
      board,
      { key: 'applicants', to: tpPaths.pipeline(slug), icon: IconLayoutKanban },
    ],
    member: [board, ...(viewer.seesFunnel ? [{ key: 'funnel' as const, to: tpPaths.funnel(slug), icon: IconChartFunnel }] : [])],
  };

  return (
    <>
      <PageHeader title={t('talentPipeline.title')} description={t(`talentPipeline.hub.intro.${viewer.role}`)} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {byRole[viewer.role].map((entry) => (
          <li key={entry.key}>
            <UnstyledButton component={Link} to={entry.to} w="100%" h="100%" className="tb-hub-link">
              <Card withBorder padding="lg" h="100%">
                <ThemeIcon variant="light" size="lg" mb="sm" aria-hidden>
                  <entry.icon size={20} />
                </ThemeIcon>
                <Title order={2} size="h4">
                  {t(`talentPipeline.hub.entries.${entry.key}.title`)}
                </Title>
                <Text size="sm" c="dimmed" mt={4}>
                  {t(`talentPipeline.hub.entries.${entry.key}.body`)}
                </Text>
              </Card>
            </UnstyledButton>
          </li>
        ))}
      </SimpleGrid>
    </>
  );
}
