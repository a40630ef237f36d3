import { Box, Group, Stack, Table, Text, Title } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FactDto } from '../../../shared/labor-market.contract';
import { CsvButton } from './Download';
import { FlagList } from './Flags';
import { useNumbers } from './format';
import { SourceLink } from './SourceLink';
import { TableScroll } from './TableScroll';

/** Figures about the region quoted from sources, each with its source and where sources disagree. */
export const FactsSection = memo(function FactsSection({ facts }: { facts: FactDto[] }) {
  const { t } = useTranslation();
  const n = useNumbers();
  return (
    <Stack gap="md" component="section" aria-labelledby="tb-lm-facts">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Box>
          <Title order={2} size="h3" id="tb-lm-facts">
            {t('laborMarket.facts.title')}
          </Title>
          <Text size="sm" c="dimmed" maw="48rem">
            {t('laborMarket.facts.intro')}
          </Text>
        </Box>
        <CsvButton
          filename="facts.csv"
          what={t('laborMarket.facts.title')}
          header={['key', 'label', 'value', 'unit', 'as_of', 'source', 'publisher', 'flags']}
          rows={() => facts.map((f) => [f.key, f.label, f.value, f.unit, f.asOf, f.source.name, f.source.publisher, f.flags.map((x) => x.message).join(' | ')])}
        />
      </Group>
      <TableScroll minWidth={900} label={t('laborMarket.facts.title')}>
        <Table striped verticalSpacing="xs" fz="sm">
          <Table.Caption className="tb-sr-only">{t('laborMarket.facts.title')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('laborMarket.facts.figure')}</Table.Th>
              <Table.Th scope="col" className="tb-num">
                {t('laborMarket.facts.value')}
              </Table.Th>
              <Table.Th scope="col">{t('laborMarket.facts.asOf')}</Table.Th>
              <Table.Th scope="col">{t('laborMarket.source')}</Table.Th>
              <Table.Th scope="col">{t('laborMarket.flags.column')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {facts.map((fact, i) => (
              <Table.Tr key={`${fact.key}-${fact.source.datasetId}-${i}`}>
                <Table.Th scope="row" fw={400} maw={320}>
                  {fact.label}
                </Table.Th>
                <Table.Td className="tb-num" fw={600}>
                  {n.fact(fact.value, fact.unit)}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {fact.asOf ?? (
                    <Text span size="sm" c="dimmed">
                      {n.na}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td maw={280}>
                  <SourceLink source={fact.source} withLabel={false} />
                </Table.Td>
                <Table.Td maw={380}>
                  {fact.flags.length > 0 ? (
                    <FlagList flags={fact.flags} size="xs" />
                  ) : (
                    <Text span size="sm" c="dimmed">
                      {t('laborMarket.flags.none')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Stack>
  );
});
