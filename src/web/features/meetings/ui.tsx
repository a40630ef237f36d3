import { Box, Checkbox } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDto } from '../../../shared/meetings.contract';
import { api, keys } from '../../api/endpoints';
import { useCoalition } from '../../coalition/context';

/** Those who run meetings (the server's `meetingManager` rule): schedule, order the agenda, take attendance and minutes. */
export const canRunMeetings = (roles: readonly string[]) => roles.some((r) => r === 'coordinator' || r === 'leadership_council' || r === 'facilitator');

/** The coalition's time zone (America/Los_Angeles for la-tech); meetings are shown and scheduled in it. */
export function useCoalitionZone(): string | undefined {
  const { slug } = useCoalition();
  const coalition = useQuery({ queryKey: keys.coalition(slug), queryFn: () => api.coalitions.get(slug), staleTime: 5 * 60_000 });
  return coalition.data?.timeZone;
}

/** "Dec 3, 2026, 9:00 AM PST" in the meeting's (the coalition's) zone. */
export function useWhen() {
  const { i18n } = useTranslation();
  return (m: Pick<MeetingDto, 'startsAt' | 'timeZone'>) =>
    new Intl.DateTimeFormat(i18n.language, { timeZone: m.timeZone, weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(new Date(m.startsAt));
}

/** "9:00 AM" in a zone. */
export function useTimeOfDay(timeZone: string | undefined) {
  const { i18n } = useTranslation();
  const f = new Intl.DateTimeFormat(i18n.language, { timeZone, hour: 'numeric', minute: '2-digit' });
  return (iso: string) => f.format(new Date(iso));
}

/**
 * A wide table's horizontal scroller: a named, focusable region, so keyboard users can scroll it
 * even when the table has no links or inputs (axe: scrollable-region-focusable).
 */
export function ScrollTable({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <Box tabIndex={0} role="region" aria-label={label} style={{ overflowX: 'auto' }}>
      <Box miw={minWidth}>{children}</Box>
    </Box>
  );
}

/**
 * A checkbox that shows its new state at once and saves it; if saving fails it goes back (the
 * caller shows the error). Keeps in step with the server's value when that changes.
 */
export function SavingCheckbox({ checked, onSave, label, disabled }: { checked: boolean; onSave: (next: boolean) => Promise<unknown>; label: string; disabled?: boolean }) {
  const [value, setValue] = useState(checked);
  useEffect(() => setValue(checked), [checked]);
  return (
    <Checkbox
      aria-label={label}
      checked={value}
      disabled={disabled}
      onChange={(e) => {
        const next = e.currentTarget.checked;
        setValue(next);
        onSave(next).catch(() => setValue(!next));
      }}
    />
  );
}
