import { Anchor, Badge, Card, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { OpportunityDto } from '../../../../shared/opportunities.contract';
import { useCoalition } from '../../../coalition/context';
import { useFormatters } from '../../../i18n/format';
import { useTpLabels } from '../labels';
import { tpPaths } from '../paths';

/** One opportunity in the board's list: what, who hosts it, pay, seats, deadline, skills. */
export function OpportunityCard({ o }: { o: OpportunityDto }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const l = useTpLabels();
  const f = useFormatters();
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`opp-${o.id}`}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Title order={2} size="h4" id={`opp-${o.id}`}>
          <Anchor component={Link} to={tpPaths.opportunity(slug, o.id)}>
            {o.title}
          </Anchor>
        </Title>
        <Group gap={6}>
          <Badge variant="light">{l.kind(o.kind)}</Badge>
          {o.status !== 'open' && (
            <Badge variant="outline" color="gray">
              {l.opportunityStatus(o.status)}
            </Badge>
          )}
        </Group>
      </Group>
      <Text size="sm" mt={4}>
        {o.institutionName ? t('talentPipeline.opportunity.hostAt', { host: o.employerName, place: o.institutionName }) : o.employerName}
        {o.location ? ` · ${o.location}` : ''} · {l.modality(o.modality)}
      </Text>
      <Text size="sm" c="dimmed" mt={2}>
        {[
          l.pay(o),
          l.audiences(o.audiences),
          o.pathway,
          o.seats !== null ? t('talentPipeline.opportunity.seatsLeft', { left: Math.max(o.seats - o.seatsFilled, 0), seats: o.seats }) : null,
          o.applicationDeadline ? t('talentPipeline.opportunity.applyBy', { date: f.date(`${o.applicationDeadline}T12:00:00`) }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {o.skills.length > 0 && (
        <Text size="sm" mt={6}>
          <Text span fw={600}>
            {t('talentPipeline.opportunity.skills')}:
          </Text>{' '}
          {o.skills.map((s) => s.name).join(', ')}
        </Text>
      )}
    </Card>
  );
}
