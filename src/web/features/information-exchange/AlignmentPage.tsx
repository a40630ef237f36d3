import type { ReactNode } from 'react';
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { HeatMap } from './HeatMap';
import { InstitutionsTable } from './InstitutionsTable';
import { OccupationGapTable } from './OccupationGapTable';
import { SkillGapTable } from './SkillGapTable';

function Section({ id, title, intro, children }: { id: string; title: string; intro: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      <Text c="dimmed" size="sm" mb="sm" maw="52rem">
        {intro}
      </Text>
      {children}
    </section>
  );
}

/** What employers need against what programs teach: the heat map, then ranked lists by skill, occupation, institution. */
export default function AlignmentPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('informationExchange.alignment.title')} description={t('informationExchange.alignment.intro')} />
      <Stack gap="xl">
        <Section id="ix-heatmap" title={t('informationExchange.alignment.heatTitle')} intro={t('informationExchange.alignment.heatIntro')}>
          <HeatMap />
        </Section>
        <Section id="ix-skills" title={t('informationExchange.alignment.skillsTitle')} intro={t('informationExchange.alignment.skillsIntro')}>
          <SkillGapTable />
        </Section>
        <Section id="ix-occupations" title={t('informationExchange.alignment.occupationsTitle')} intro={t('informationExchange.alignment.occupationsIntro')}>
          <OccupationGapTable />
        </Section>
        <Section id="ix-institutions" title={t('informationExchange.alignment.institutionsTitle')} intro={t('informationExchange.alignment.institutionsIntro')}>
          <InstitutionsTable />
        </Section>
      </Stack>
    </>
  );
}
