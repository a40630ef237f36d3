import { Alert, Anchor, Badge, Group, Text } from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ProposalStatus } from '../../../shared/curriculum.contract';

const STATUS_COLOR: Record<ProposalStatus, string> = { open: 'blue', under_review: 'yellow', adopted: 'green', declined: 'gray' };

/** Translated labels of the area's enumerations. */
export function useIxLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      status: (s: string) => t(`informationExchange.status.${s as ProposalStatus}`, { defaultValue: s }),
      award: (a: string) => t(`informationExchange.award.${a as 'certificate'}`, { defaultValue: a }),
      topic: (a: string) => t(`informationExchange.topic.${a as 'curriculum'}`, { defaultValue: a }),
      level: (a: string) => t(`informationExchange.level.${a as 'entry'}`, { defaultValue: a }),
      workplace: (a: string) => t(`informationExchange.workplace.${a as 'onsite'}`, { defaultValue: a }),
      skillLevel: (a: string | null) => (a ? t(`informationExchange.skillLevel.${a as 'beginner'}`, { defaultValue: a }) : ''),
      importance: (a: string) => t(`informationExchange.importance.${a as 'required'}`, { defaultValue: a }),
      kind: (a: string) => t(`informationExchange.skillKind.${a as 'hard'}`, { defaultValue: a }),
      degree: (a: string | null) => (a ? t(`informationExchange.degree.${a as 'bachelor'}`, { defaultValue: a }) : ''),
      window: (a: string) => t(`informationExchange.window.${a as 'hiring_season'}`, { defaultValue: a }),
    }),
    [t],
  );
}

export function StatusBadge({ status }: { status: string }) {
  const labels = useIxLabels();
  return (
    <Badge color={STATUS_COLOR[status as ProposalStatus] ?? 'gray'} c="dark.7" variant="light">
      {labels.status(status)}
    </Badge>
  );
}

/** Skill names as badges; each links to its gap when a link maker is given. */
export function SkillList({ skills, to, color = 'gray' }: { skills: { id?: string; name: string }[]; to?: (id: string) => string; color?: string }) {
  const { t } = useTranslation();
  if (skills.length === 0) {
    return (
      <Text span size="sm" c="dimmed">
        {t('informationExchange.noSkills')}
      </Text>
    );
  }
  return (
    <Group gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {skills.map((s) => (
        <li key={s.id ?? s.name}>
          {to && s.id ? (
            <Badge component={Link} to={to(s.id)} variant="outline" color={color} c="dark.7" style={{ cursor: 'pointer', textTransform: 'none' }}>
              {s.name}
            </Badge>
          ) : (
            <Badge variant="light" color={color} c="dark.7" style={{ textTransform: 'none' }}>
              {s.name}
            </Badge>
          )}
        </li>
      ))}
    </Group>
  );
}

/** A dash for a missing value, dimmed. */
export function Dash() {
  return (
    <Text span c="dimmed" size="sm">
      —
    </Text>
  );
}

/** A labelled figure (term and value) for summary cards. */
export function Figure({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz={24} fw={700} lh={1.2}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </div>
  );
}

/** A figure that opens the records behind it. */
export function NumLink({ to, value, label }: { to: string; value: ReactNode; label?: string }) {
  return (
    <Anchor component={Link} to={to} size="sm" aria-label={label}>
      {value}
    </Anchor>
  );
}

/**
 * A flag on a hiring need (a degree its skills do not call for). The title is in the body colour: the
 * orange title on the orange tint falls under 4.5:1 (axe color-contrast).
 */
export function FlagAlert({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" icon={<IconFlag aria-hidden />} mb="md" title={t('informationExchange.needs.flagTitle')} styles={{ title: { color: 'var(--mantine-color-dark-7)' } }}>
      {children}
    </Alert>
  );
}
