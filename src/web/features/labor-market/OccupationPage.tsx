import { Anchor, Badge, Box, Card, Grid, Group, List, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { IconFlame, IconTrendingUp } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { DatasetDto, OccupationDetailDto, SkillLinkDto } from '../../../shared/labor-market.contract';
import { api, keys } from '../../api/endpoints';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { CsvButton } from './Download';
import { FlagList } from './Flags';
import { useNumbers, type Numbers } from './format';
import { lmPaths } from './paths';
import { SourceLink } from './SourceLink';
import './labor-market.css';
import { TableScroll } from './TableScroll';

const JOB_ZONES = [1, 2, 3, 4, 5] as const;
const isJobZone = (z: number | null): z is (typeof JOB_ZONES)[number] => z !== null && (JOB_ZONES as readonly number[]).includes(z);

function Section({ id, title, actions, children }: { id: string; title: string; actions?: React.ReactNode; children: React.ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="flex-start" gap="sm" mb="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Card>
  );
}

/** One occupation: projections, both SOC codes, skills by importance, hot technologies, job zone, programs (CIP), hubs. */
export default function OccupationPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const { soc = '' } = useParams();
  const n = useNumbers();
  const occupation = useQuery({ queryKey: keys.occupation(slug, soc), queryFn: () => api.laborMarket.occupation(slug, soc) });
  const regions = useQuery({ queryKey: keys.laborMarketPart(slug, 'regions'), queryFn: () => api.laborMarket.regions(slug) });
  const datasets = useQuery({ queryKey: keys.laborMarketPart(slug, 'datasets'), queryFn: () => api.laborMarket.datasets(slug) });
  // The hub figures' source (the occupation detail does not carry it): the same query as the dashboard's.
  const hubs = useQuery({ queryKey: keys.laborMarketPart(slug, 'hubs'), queryFn: () => api.laborMarket.hubs(slug) });
  const hubSources = [...new Map((hubs.data?.items ?? []).flatMap((h) => (h.occupationSource ? [[h.occupationSource.datasetId, h.occupationSource] as const] : []))).values()];
  const back = { to: lmPaths.dashboard(slug), label: t('nav.laborMarket') };

  if (occupation.isPending) return <Loading />;
  if (occupation.isError) {
    return (
      <>
        <PageHeader title={t('laborMarket.occupation.notFound', { soc })} back={back} />
        <QueryErrorState error={occupation.error} onRetry={() => void occupation.refetch()} />
      </>
    );
  }
  const o = occupation.data;
  const regionName = (slugOfRegion: string) => regions.data?.items.find((r) => r.slug === slugOfRegion)?.name ?? slugOfRegion;
  const description = [
    o.soc2010.length > 0 ? t('laborMarket.occupation.soc2010Line', { codes: o.soc2010.map((s) => s.soc).join(', ') }) : null,
    o.soc2018.length > 0 ? t('laborMarket.occupation.soc2018Line', { codes: o.soc2018.map((s) => s.soc).join(', ') }) : null,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <>
      <PageHeader title={o.title} description={description || t('laborMarket.occupation.socLine', { soc: o.soc })} back={back} />
      <Stack gap="lg">
        <ProjectionsCard o={o} n={n} regionName={regionName} />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="lg">
              <SkillsCard o={o} datasets={datasets.data?.items ?? []} />
              <TechnologiesCard o={o} datasets={datasets.data?.items ?? []} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="lg">
              <Section id="tb-occ-codes" title={t('laborMarket.occupation.classification')}>
                <dl className="tb-dl">
                  <dt>{t('laborMarket.occupation.soc2010')}</dt>
                  <dd>
                    <CodeList items={o.soc2010} current={o.soc} empty={t('laborMarket.occupation.noCodes')} />
                  </dd>
                  <dt>{t('laborMarket.occupation.soc2018')}</dt>
                  <dd>
                    <CodeList items={o.soc2018} current={o.soc} empty={t('laborMarket.occupation.noCodes')} />
                  </dd>
                </dl>
                {o.soc2010.length > 0 && o.soc2018.length > 0 && (
                  <Text size="xs" c="dimmed" mt="sm">
                    {t('laborMarket.occupation.crosswalkNote')}
                  </Text>
                )}
              </Section>

              <Section id="tb-occ-zone" title={t('laborMarket.occupation.jobZone')}>
                {isJobZone(o.jobZone) ? (
                  <>
                    <Text fw={700}>{t('laborMarket.occupation.jobZoneValue', { zone: o.jobZone, name: t(`laborMarket.jobZones.z${o.jobZone}.name`) })}</Text>
                    <Text size="sm" c="dimmed" mt={4}>
                      {t(`laborMarket.jobZones.z${o.jobZone}.body`)}
                    </Text>
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('laborMarket.occupation.noJobZone')}
                  </Text>
                )}
              </Section>

              <Section
                id="tb-occ-programs"
                title={t('laborMarket.occupation.programs')}
                actions={
                  o.programs.length > 0 && (
                    <CsvButton
                      filename={`programs-${o.soc}.csv`}
                      what={t('laborMarket.occupation.programs')}
                      header={['cip', 'title', 'soc_2018']}
                      rows={() => o.programs.map((p) => [p.cip, p.title, p.soc])}
                    />
                  )
                }
              >
                {o.programs.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('laborMarket.occupation.noPrograms')}
                  </Text>
                ) : (
                  <List spacing={6} listStyleType="none" p={0}>
                    {programsByCip(o.programs).map((p) => (
                      <List.Item key={p.cip}>
                        <Text size="sm">
                          <Text span fw={600} size="sm">
                            {p.title}
                          </Text>{' '}
                          <Text span size="xs" c="dimmed">
                            {t('laborMarket.occupation.cipCode', { code: p.cip })}
                            {o.soc2018.length > 1 && ` · ${p.socs.join(', ')}`}
                          </Text>
                        </Text>
                      </List.Item>
                    ))}
                  </List>
                )}
              </Section>

              {o.hubs.length > 0 && (
                <Section
                id="tb-occ-hubs"
                title={t('laborMarket.occupation.hubs')}
                actions={
                  <CsvButton
                    filename={`hubs-${o.soc}.csv`}
                    what={t('laborMarket.occupation.hubsCaption', { title: o.title })}
                    header={['hub', 'soc', 'employment']}
                    rows={() => o.hubs.map((h) => [h.hub, o.soc, h.employment])}
                  />
                }
              >
                  <Table verticalSpacing={4}>
                    <Table.Caption className="tb-sr-only">{t('laborMarket.occupation.hubsCaption', { title: o.title })}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('laborMarket.hubs.hub')}</Table.Th>
                        <Table.Th scope="col" className="tb-num">
                          {t('laborMarket.hubs.employment')}
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {[...o.hubs]
                        .sort((a, b) => (b.employment ?? -1) - (a.employment ?? -1))
                        .map((h) => (
                          <Table.Tr key={h.hub}>
                            <Table.Th scope="row" fw={400}>
                              {h.hub}
                            </Table.Th>
                            <Table.Td className="tb-num">{n.integer(h.employment)}</Table.Td>
                          </Table.Tr>
                        ))}
                    </Table.Tbody>
                  </Table>
                  <Stack gap={2} mt="xs">
                    {hubSources.map((source) => (
                      <SourceLink key={source.datasetId} source={source} size="xs" />
                    ))}
                  </Stack>
                </Section>
              )}
            </Stack>
          </Grid.Col>
        </Grid>
        {o.skills.some((s) => s.onetElementId || s.commodityCode || /O\*NET/i.test(s.source)) && (
          <Text size="xs" c="dimmed">
            {t('laborMarket.onet.attribution')}
          </Text>
        )}
      </Stack>
    </>
  );
}

/** One line per program (CIP), with the SOC 2018 codes it leads to. */
function programsByCip(programs: OccupationDetailDto['programs']) {
  const byCip = new Map<string, { cip: string; title: string; socs: string[] }>();
  for (const p of programs) {
    const seen = byCip.get(p.cip);
    if (seen) seen.socs.push(p.soc);
    else byCip.set(p.cip, { cip: p.cip, title: p.title, socs: [p.soc] });
  }
  return [...byCip.values()].sort((a, b) => a.cip.localeCompare(b.cip));
}

function CodeList({ items, current, empty }: { items: { soc: string; title: string }[]; current: string; empty: string }) {
  const { slug } = useCoalition();
  if (items.length === 0) {
    return (
      <Text span size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      {items.map((s) => (
        <Text key={s.soc} size="sm">
          {s.soc === current ? (
            <Text span fw={700} size="sm">
              {s.soc}
            </Text>
          ) : (
            <Anchor component={Link} to={lmPaths.occupation(slug, s.soc)} size="sm" fw={700}>
              {s.soc}
            </Anchor>
          )}{' '}
          {s.title}
        </Text>
      ))}
    </Stack>
  );
}

function ProjectionsCard({ o, n, regionName }: { o: OccupationDetailDto; n: Numbers; regionName: (slug: string) => string }) {
  const { t } = useTranslation();
  return (
    <Section
      id="tb-occ-projections"
      title={t('laborMarket.occupation.projections')}
      actions={
        o.projections.length > 0 && (
          <CsvButton
            filename={`projections-${o.soc}.csv`}
            what={t('laborMarket.occupation.projections')}
            header={['region', 'soc', 'soc_version', 'base_year', 'base_employment', 'projected_year', 'projected_employment', 'percent_change', 'annual_new_jobs', 'annual_replacement_needs', 'annual_total_openings', 'work_experience', 'source', 'flags']}
            rows={() =>
              o.projections.map((p) => [regionName(p.region), p.soc, p.socVersion, p.baseYear, p.baseEmployment, p.projectedYear, p.projectedEmployment, p.percentChange, p.annualNewJobs, p.annualReplacementNeeds, p.annualTotalOpenings, p.workExperience, p.source.name, p.flags.map((f) => f.message).join(' | ')])
            }
          />
        )
      }
    >
      {o.projections.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('laborMarket.occupation.noProjections')}
        </Text>
      ) : (
        <TableScroll minWidth={760} label={t('laborMarket.occupation.projectionsCaption', { title: o.title })}>
          <Table verticalSpacing="xs" striped>
            <Table.Caption className="tb-sr-only">{t('laborMarket.occupation.projectionsCaption', { title: o.title })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('laborMarket.region')}</Table.Th>
                <Table.Th scope="col" className="tb-num">
                  {t('laborMarket.occupation.employment')}
                </Table.Th>
                <Table.Th scope="col" className="tb-num">
                  {t('laborMarket.table.growth')}
                </Table.Th>
                <Table.Th scope="col" className="tb-num">
                  {t('laborMarket.table.newJobs')}
                </Table.Th>
                <Table.Th scope="col" className="tb-num">
                  {t('laborMarket.table.replacement')}
                </Table.Th>
                <Table.Th scope="col" className="tb-num">
                  {t('laborMarket.table.openings')}
                </Table.Th>
                <Table.Th scope="col">{t('laborMarket.table.experience')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.projections.map((p) => (
                <Fragment key={`${p.region}-${p.soc}-${p.baseYear}`}>
                  <Table.Tr>
                    <Table.Th scope="row" fw={400}>
                      <Text size="sm" fw={600}>
                        {regionName(p.region)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('laborMarket.occupation.asCoded', { soc: p.soc, version: p.socVersion })}
                      </Text>
                    </Table.Th>
                    <Table.Td className="tb-num">
                      {t('laborMarket.occupation.employmentChange', {
                        base: n.integer(p.baseEmployment),
                        baseYear: p.baseYear,
                        projected: n.integer(p.projectedEmployment),
                        projectedYear: p.projectedYear,
                      })}
                    </Table.Td>
                    <Table.Td className="tb-num">{n.change(p.percentChange)}</Table.Td>
                    <Table.Td className="tb-num">{n.integer(p.annualNewJobs)}</Table.Td>
                    <Table.Td className="tb-num">{n.integer(p.annualReplacementNeeds)}</Table.Td>
                    <Table.Td className="tb-num">{n.integer(p.annualTotalOpenings)}</Table.Td>
                    <Table.Td>{p.workExperience ?? n.na}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Td colSpan={7}>
                      <Stack gap={4}>
                        <SourceLink source={p.source} size="xs" />
                        <FlagList flags={p.flags} size="xs" />
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Section>
  );
}

function SkillSource({ skills, datasets }: { skills: SkillLinkDto[]; datasets: DatasetDto[] }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const names = [...new Set(skills.map((s) => s.source))];
  return (
    <Stack gap={4} mt="sm">
      {names.map((name) => {
        const dataset = datasets.find((d) => d.name === name);
        return (
          <Text key={name} size="xs" c="dimmed">
            {t('laborMarket.source')}:{' '}
            <Anchor component={Link} to={lmPaths.sources(slug, dataset?.id)} size="xs">
              {name}
            </Anchor>
          </Text>
        );
      })}
    </Stack>
  );
}

function SkillsCard({ o, datasets }: { o: OccupationDetailDto; datasets: DatasetDto[] }) {
  const { t } = useTranslation();
  const n = useNumbers();
  const skills = useMemo(() => o.skills.filter((s) => s.kind !== 'technology'), [o.skills]);
  const withLevel = skills.some((s) => s.level !== null);
  return (
    <Section
      id="tb-occ-skills"
      title={t('laborMarket.occupation.skills')}
      actions={
        skills.length > 0 && (
          <CsvButton
            filename={`skills-${o.soc}.csv`}
            what={t('laborMarket.occupation.skills')}
            header={['skill', 'kind', 'onet_element_id', 'importance', 'level', 'source']}
            rows={() => skills.map((s) => [s.name, s.kind, s.onetElementId, s.importance, s.level, s.source])}
          />
        )
      }
    >
      {skills.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('laborMarket.occupation.noSkills')}
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="sm">
            {t('laborMarket.occupation.skillsIntro')}
          </Text>
          <TableScroll minWidth={520} label={t('laborMarket.occupation.skillsCaption', { title: o.title })}>
            <Table verticalSpacing={6} striped>
              <Table.Caption className="tb-sr-only">{t('laborMarket.occupation.skillsCaption', { title: o.title })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('laborMarket.occupation.skill')}</Table.Th>
                  <Table.Th scope="col">{t('laborMarket.occupation.kind')}</Table.Th>
                  <Table.Th scope="col">{t('laborMarket.occupation.importance')}</Table.Th>
                  {withLevel && (
                    <Table.Th scope="col" className="tb-num">
                      {t('laborMarket.occupation.level')}
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {skills.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Th scope="row" fw={500}>
                      {s.name}
                    </Table.Th>
                    <Table.Td>{t(`laborMarket.skillKinds.${s.kind}`)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Text size="sm" w={32} className="tb-num" style={{ flexShrink: 0 }}>
                          {n.decimal(s.importance)}
                        </Text>
                        {s.importance !== null && (
                          <Progress.Root size="sm" className="tb-meter" style={{ flex: 1 }} aria-hidden>
                            <Progress.Section value={(s.importance / 5) * 100} withAria={false} />
                          </Progress.Root>
                        )}
                      </Group>
                    </Table.Td>
                    {withLevel && <Table.Td className="tb-num">{n.decimal(s.level)}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <SkillSource skills={skills} datasets={datasets} />
        </>
      )}
    </Section>
  );
}

function TechnologiesCard({ o, datasets }: { o: OccupationDetailDto; datasets: DatasetDto[] }) {
  const { t, i18n } = useTranslation();
  const technologies = useMemo(() => {
    const collator = new Intl.Collator(i18n.resolvedLanguage ?? 'en', { sensitivity: 'base' });
    return o.skills.filter((s) => s.kind === 'technology').sort((a, b) => Number(b.hotTechnology) - Number(a.hotTechnology) || Number(b.inDemand) - Number(a.inDemand) || collator.compare(a.name, b.name));
  }, [o.skills, i18n.resolvedLanguage]);
  const hot = technologies.filter((s) => s.hotTechnology).length;
  return (
    <Section
      id="tb-occ-tech"
      title={t('laborMarket.occupation.technologies')}
      actions={
        technologies.length > 0 && (
          <CsvButton
            filename={`technologies-${o.soc}.csv`}
            what={t('laborMarket.occupation.technologies')}
            header={['technology', 'commodity_code', 'hot_technology', 'in_demand', 'source']}
            rows={() => technologies.map((s) => [s.name, s.commodityCode, s.hotTechnology ? 'Y' : 'N', s.inDemand ? 'Y' : 'N', s.source])}
          />
        )
      }
    >
      {technologies.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('laborMarket.occupation.noTechnologies')}
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="sm">
            {t('laborMarket.occupation.technologiesIntro', { hot })}
          </Text>
          <Box component="ul" m={0} p={0} style={{ listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: 8 }}>
            {technologies.map((s) => (
              <li key={s.id}>
                <Badge
                  variant={s.hotTechnology ? 'light' : 'outline'}
                  color={s.hotTechnology ? 'blue' : 'gray'}
                  tt="none"
                  size="lg"
                  fw={500}
                  leftSection={s.hotTechnology ? <IconFlame size={14} aria-hidden /> : undefined}
                  rightSection={s.inDemand ? <IconTrendingUp size={14} aria-hidden /> : undefined}
                >
                  {s.name}
                  {s.hotTechnology && <span className="tb-sr-only">, {t('laborMarket.occupation.hotTechnology')}</span>}
                  {s.inDemand && <span className="tb-sr-only">, {t('laborMarket.occupation.inDemand')}</span>}
                </Badge>
              </li>
            ))}
          </Box>
          <Group gap="md" mt="sm">
            <Group gap={4}>
              <IconFlame size={14} aria-hidden />
              <Text size="xs" c="dimmed">
                {t('laborMarket.occupation.hotTechnology')}
              </Text>
            </Group>
            {technologies.some((s) => s.inDemand) && (
              <Group gap={4}>
                <IconTrendingUp size={14} aria-hidden />
                <Text size="xs" c="dimmed">
                  {t('laborMarket.occupation.inDemand')}
                </Text>
              </Group>
            )}
          </Group>
          <SkillSource skills={technologies} datasets={datasets} />
        </>
      )}
    </Section>
  );
}
