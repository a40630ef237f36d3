import { Alert, Button, Card, Grid, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconShieldLock, IconSparkles } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { StudentDto } from '../../../../shared/students.contract';
import { isApiError } from '../../../api/client';
import { useCoalition } from '../../../coalition/context';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorState } from '../../../components/QueryState';
import { tpApi, tpDownloads, tpKeys } from '../api';
import { tpPaths } from '../paths';
import { AccessLogSection } from './AccessLogSection';
import { GuardianConsentSection } from './GuardianConsentSection';
import { PortfolioSection } from './PortfolioSection';
import { PrivacySection } from './PrivacySection';
import { SharingSection } from './SharingSection';
import { StudentNotFound } from './StudentNotFound';

/** A student's profile: skills (declared or evidenced), portfolio, who may see it, and (for the student) their export. */
export default function StudentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const query = useQuery({ queryKey: tpKeys.student(slug, id), queryFn: () => tpApi.student(slug, id), retry: (n, e) => !(isApiError(e) && e.status < 500) && n < 2 });
  if (query.isPending) return <Loading />;
  if (query.isError) return isApiError(query.error) && query.error.status === 404 ? <StudentNotFound /> : <QueryErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const s = query.data;
  const self = s.viewerRelation === 'self';
  const seesMatches = s.viewerRelation !== 'employer';

  return (
    <>
      <PageHeader
        title={self ? t('talentPipeline.student.myProfile') : `${s.firstName} ${s.lastName}`}
        description={[s.institutionName, s.pathway, s.graduationYear ? t('talentPipeline.student.classOf', { year: s.graduationYear }) : null].filter(Boolean).join(' · ')}
        back={{ to: tpPaths.home(slug), label: t('talentPipeline.title') }}
        actions={
          <>
            {seesMatches && (
              <Button component={Link} to={tpPaths.matches(slug, s.id)} leftSection={<IconSparkles size={16} aria-hidden />}>
                {self ? t('talentPipeline.hub.entries.myMatches.title') : t('talentPipeline.student.matches')}
              </Button>
            )}
            {self && (
              <Button component="a" href={tpDownloads.studentRecord(slug, s.id)} download="my-student-record.json" variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
                {t('talentPipeline.student.export')}
              </Button>
            )}
          </>
        }
      />
      {s.viewerRelation === 'employer' && (
        <Alert variant="light" color="blue" icon={<IconShieldLock aria-hidden />} mb="md" role="note">
          {t('talentPipeline.student.employerNotice')}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <SkillsSection s={s} />
            <PortfolioSection s={s} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            {s.sharedWith && <SharingSection s={s} />}
            {s.isMinor !== null && <GuardianConsentSection s={s} />}
            {s.viewerRelation !== 'employer' && <PrivacySection s={s} />}
            {(self || s.viewerRelation === 'coordinator') && <AccessLogSection studentId={s.id} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function SkillsSection({ s }: { s: StudentDto }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="tb-student-skills">
      <Title order={2} size="h4" id="tb-student-skills" mb="xs">
        {t('talentPipeline.student.skills')}
      </Title>
      {s.skills.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('talentPipeline.student.noSkills')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table striped>
            <Table.Caption className="tb-sr-only">{t('talentPipeline.student.skillsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('talentPipeline.student.skill')}</Table.Th>
                <Table.Th scope="col">{t('talentPipeline.student.howKnown')}</Table.Th>
                <Table.Th scope="col">{t('talentPipeline.student.evidence')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.skills.map((k) => (
                <Table.Tr key={k.id}>
                  <Table.Th scope="row" fw={500}>
                    {k.name}
                  </Table.Th>
                  <Table.Td>{k.sources.map((src) => t(`talentPipeline.skillSources.${src}`)).join(', ')}</Table.Td>
                  <Table.Td>{k.evidence.join('; ') || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
