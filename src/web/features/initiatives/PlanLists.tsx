import { Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MasterPlanDto, MasterPlanItemDto } from '../../../shared/initiatives.contract';
import { TaskStateBadge } from './ui';
import { useIniFormat } from './util';

/** Milestones by month: the milestone calendar. */
export function MilestoneCalendar({ items }: { items: MasterPlanItemDto[] }) {
  const { t } = useTranslation();
  const fmt = useIniFormat();
  const months = new Map<string, MasterPlanItemDto[]>();
  for (const m of items.filter((i) => i.milestone).sort((a, b) => (a.earlyFinish < b.earlyFinish ? -1 : 1))) {
    const key = m.earlyFinish.slice(0, 7);
    months.set(key, [...(months.get(key) ?? []), m]);
  }
  if (months.size === 0) return <Text c="dimmed">{t('initiatives.plan.noMilestones')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
      {[...months].map(([month, list]) => (
        <Paper key={month} withBorder p="sm">
          <Title order={3} size="h5" mb="xs">
            {fmt.month(`${month}-01`)}
          </Title>
          <List listStyleType="none" spacing={6}>
            {list.map((m) => (
              <List.Item key={m.id}>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <Text span fw={700} miw={56}>
                    {fmt.shortDay(m.earlyFinish)}
                  </Text>
                  <Stack gap={0}>
                    <Text span size="sm">
                      ◆ {m.name}
                    </Text>
                    <Text span size="xs" c="dimmed">
                      {m.initiativeTitle}
                    </Text>
                    <Group gap={4}>
                      <TaskStateBadge state={m.state} />
                      {m.slipDays !== null && m.slipDays > 0 && (
                        <Badge size="sm" color="orange" c="dark.7" variant="outline">
                          {t('initiatives.tasks.slipDays', { count: m.slipDays })}
                        </Badge>
                      )}
                    </Group>
                  </Stack>
                </Group>
              </List.Item>
            ))}
          </List>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** The overdue and at-risk lists, with why each task is at risk. */
export function TaskAlerts({ plan }: { plan: MasterPlanDto }) {
  const { t } = useTranslation();
  const fmt = useIniFormat();
  const byId = new Map(plan.items.map((i) => [i.id, i]));
  const section = (title: string, ids: string[], empty: string, detail: (i: MasterPlanItemDto) => string) => (
    <Paper withBorder p="sm">
      <Title order={3} size="h5" mb="xs">
        {title} ({ids.length})
      </Title>
      {ids.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <List spacing={4} size="sm">
          {ids.map((id) => byId.get(id)!).map((i) => (
            <List.Item key={i.id}>
              <Text span fw={600}>
                {i.name}
              </Text>{' '}
              — {i.initiativeTitle}. {detail(i)}
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {section(t('initiatives.plan.overdue'), plan.overdue, t('initiatives.plan.noneOverdue'), (i) => t('initiatives.plan.overdueBy', { count: i.daysOverdue, date: fmt.day(i.earlyFinish) }) + (i.assigneeName ? ` · ${i.assigneeName}` : ''))}
      {section(t('initiatives.plan.atRisk'), plan.atRisk, t('initiatives.plan.noneAtRisk'), (i) => i.atRiskReasons.map((r) => t(`initiatives.reasons.${r}`)).join(', ') + (i.assigneeName ? ` · ${i.assigneeName}` : ''))}
      <Text size="xs" c="dimmed">
        <TaskStateBadge state="at_risk" /> {t('initiatives.plan.atRiskHelp')}
      </Text>
    </SimpleGrid>
  );
}
