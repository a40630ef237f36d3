import { Alert, Badge, Card, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { FairnessDto } from '../../../../shared/applications.contract';
import { equityAttributes } from '../../../../shared/students.contract';
import { useCoalition } from '../../../coalition/context';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorState } from '../../../components/QueryState';
import { useNumbers } from '../../labor-market/format';
import { tpApi, tpKeys } from '../api';
import { tpPaths } from '../paths';

type Group = FairnessDto['groups'][number];

/** Selection rates (application → offer) by self-reported group, four-fifths rule flagged, small counts hidden. */
export default function FairnessPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || undefined;
  const query = useQuery({ queryKey: tpKeys.fairness(slug, year), queryFn: () => tpApi.fairness(slug, { year }) });
  const flagged = query.data?.groups.filter((g) => g.fourFifthsFlag) ?? [];

  return (
    <>
      <PageHeader title={t('talentPipeline.fairness.title')} description={t('talentPipeline.fairness.intro')} back={{ to: tpPaths.home(slug), label: t('talentPipeline.title') }} />
      <NativeSelect
        label={t('talentPipeline.funnel.year')}
        value={year ? String(year) : ''}
        onChange={(e) => setParams(e.currentTarget.value ? { year: e.currentTarget.value } : {}, { replace: true })}
        data={[{ value: '', label: t('talentPipeline.funnel.allYears') }, ...[0, 1, 2, 3].map((d) => String(thisYear - d))]}
        maw={240}
        mb="md"
      />
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <QueryErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Stack gap="lg">
          <Alert variant="light" color={flagged.length > 0 ? 'orange' : 'blue'} icon={<IconInfoCircle aria-hidden />} role="note">
            {flagged.length > 0 ? t('talentPipeline.fairness.flagged', { count: flagged.length }) : t('talentPipeline.fairness.noneFlagged')}{' '}
            {t('talentPipeline.fairness.suppression', { min: query.data.minimumCount })}
          </Alert>
          {equityAttributes.map((attribute) => (
            <AttributeTable key={attribute} attribute={attribute} groups={query.data.groups.filter((g) => g.attribute === attribute)} />
          ))}
        </Stack>
      )}
    </>
  );
}

function AttributeTable({ attribute, groups }: { attribute: string; groups: Group[] }) {
  const { t } = useTranslation();
  const n = useNumbers();
  const id = `tb-fair-${attribute}`;
  const hidden = t('talentPipeline.fairness.hidden');
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {t(`talentPipeline.equity.${attribute as 'firstGeneration'}`)}
      </Title>
      <Table.ScrollContainer minWidth={620}>
        <Table striped>
          <Table.Caption className="tb-sr-only">{t('talentPipeline.fairness.caption', { attribute: t(`talentPipeline.equity.${attribute as 'firstGeneration'}`) })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('talentPipeline.fairness.group')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('talentPipeline.fairness.applicants')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('talentPipeline.fairness.offered')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('talentPipeline.fairness.rate')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('talentPipeline.fairness.ratio')}</Table.Th>
              <Table.Th scope="col">{t('talentPipeline.fairness.flag')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((g) => (
              <Table.Tr key={g.group}>
                <Table.Th scope="row" fw={500}>
                  {t(`talentPipeline.fairness.groups.${g.group}`)}
                </Table.Th>
                <Table.Td ta="right">{g.applicants === null ? hidden : n.integer(g.applicants)}</Table.Td>
                <Table.Td ta="right">{g.offered === null ? hidden : n.integer(g.offered)}</Table.Td>
                <Table.Td ta="right">{g.suppressed ? hidden : n.percent(g.selectionRate === null ? null : g.selectionRate * 100)}</Table.Td>
                <Table.Td ta="right">{g.suppressed ? hidden : n.decimal(g.impactRatio === null ? null : Math.round(g.impactRatio * 100) / 100)}</Table.Td>
                <Table.Td>
                  {g.suppressed ? (
                    <Text size="sm" c="dimmed">
                      {t('talentPipeline.fairness.suppressed')}
                    </Text>
                  ) : g.fourFifthsFlag ? (
                    <Badge color="red" variant="light">
                      {t('talentPipeline.fairness.belowFourFifths')}
                    </Badge>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
