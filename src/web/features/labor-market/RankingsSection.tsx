import { Anchor, Box, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { RankingDto } from '../../../shared/labor-market.contract';
import { useCoalition } from '../../coalition/context';
import { CsvButton } from './Download';
import { FlagList } from './Flags';
import { lmPaths } from './paths';
import { SourceLink } from './SourceLink';

/** Ranked lists as a source printed them, with a flag where the order does not follow the figures. */
export const RankingsSection = memo(function RankingsSection({ rankings, knownSocs }: { rankings: RankingDto[]; knownSocs: Set<string> }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  return (
    <Stack gap="md" component="section" aria-labelledby="tb-lm-rankings">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Box>
          <Title order={2} size="h3" id="tb-lm-rankings">
            {t('laborMarket.rankings.title')}
          </Title>
          <Text size="sm" c="dimmed" maw="48rem">
            {t('laborMarket.rankings.intro')}
          </Text>
        </Box>
        <CsvButton
          filename="rankings.csv"
          what={t('laborMarket.rankings.title')}
          header={['list', 'rank', 'label', 'soc', 'source', 'flags']}
          rows={() => rankings.flatMap((r) => r.items.map((i) => [r.list, i.rank, i.label, i.soc, r.source.name, r.flags.map((f) => f.message).join(' | ')]))}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {rankings.map((ranking) => {
          const headingId = `tb-ranking-${ranking.list}`;
          return (
            <Card key={ranking.list} withBorder padding="md" component="section" aria-labelledby={headingId}>
              <Title order={3} size="h5" id={headingId}>
                {ranking.source.name}
              </Title>
              <Text size="xs" c="dimmed" mb="xs">
                <SourceLink source={ranking.source} size="xs" />
              </Text>
              <Box component="ol" m={0} pl="lg">
                {ranking.items.map((item) => (
                  <li key={item.rank} value={item.rank}>
                    <Text size="sm" span>
                      {item.soc && knownSocs.has(item.soc) ? (
                        <Anchor component={Link} to={lmPaths.occupation(slug, item.soc)} size="sm">
                          {item.label}
                        </Anchor>
                      ) : (
                        item.label
                      )}
                      {item.soc && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          ({item.soc})
                        </Text>
                      )}
                    </Text>
                  </li>
                ))}
              </Box>
              {ranking.flags.length > 0 && (
                <Box mt="sm">
                  <FlagList flags={ranking.flags} size="xs" />
                </Box>
              )}
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
});
