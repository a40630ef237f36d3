import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RiskDto } from '../../../shared/initiative-risks.contract';
import { Scroll } from './ui';

const levelColor = { low: 'green', medium: 'yellow', high: 'red' } as const;

/** The risk register as a table: score and level, what it hits, owner, mitigation, tasks threatened. */
export function RiskTable({ risks, caption, showInitiative }: { risks: RiskDto[]; caption: string; showInitiative: boolean }) {
  const { t } = useTranslation();
  if (risks.length === 0) return <Text c="dimmed">{t('initiatives.risks.empty')}</Text>;
  return (
    <Scroll minWidth={800}>
      <Table striped verticalSpacing="xs">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('initiatives.risks.riskTitle')}</Table.Th>
            {showInitiative && <Table.Th scope="col">{t('initiatives.risks.initiative')}</Table.Th>}
            <Table.Th scope="col">{t('initiatives.risks.score')}</Table.Th>
            <Table.Th scope="col">{t('initiatives.risks.impactOn')}</Table.Th>
            <Table.Th scope="col">{t('initiatives.risks.owner')}</Table.Th>
            <Table.Th scope="col">{t('initiatives.risks.status')}</Table.Th>
            <Table.Th scope="col">{t('initiatives.risks.tasks')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {risks.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Th scope="row" fw={400}>
                {r.title}
                {r.mitigation && (
                  <Text size="xs" c="dimmed">
                    {t('initiatives.risks.mitigation')}: {r.mitigation}
                  </Text>
                )}
              </Table.Th>
              {showInitiative && <Table.Td>{r.initiativeTitle}</Table.Td>}
              <Table.Td>
                <Badge color={levelColor[r.level]} c="dark.7" variant="light">
                  {t('initiatives.risks.scoreOf', { score: r.score, likelihood: r.likelihood, impact: r.impact })} · {t(`initiatives.risks.levels.${r.level}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{r.impactOn.map((a) => t(`initiatives.risks.areas.${a}`)).join(', ')}</Table.Td>
              <Table.Td>{r.owner?.name ?? '—'}</Table.Td>
              <Table.Td>{t(`initiatives.risks.statuses.${r.status}`)}</Table.Td>
              <Table.Td>{r.tasks.map((task) => task.name).join(', ') || '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Scroll>
  );
}
