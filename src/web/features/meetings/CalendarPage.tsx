import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { MeetingDto } from '../../../shared/meetings.contract';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { meetingKeys, meetingsApi } from './api';
import { meetingPaths } from './paths';
import { useCoalitionZone, useTimeOfDay } from './ui';
import { addDays, addMonths, dayOf, monthGrid, startOfDayIn, weekGrid } from './zoned';

type View = 'month' | 'week';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A date as the calendar heading and cells need it, formatted as a calendar day (no zone shift). */
function useDayFormat() {
  const { i18n } = useTranslation();
  const lng = i18n.language;
  const f = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(lng, { ...options, timeZone: 'UTC' });
  const month = f({ month: 'long', year: 'numeric' });
  const full = f({ weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });
  const short = f({ month: 'short', day: 'numeric' });
  const weekdayShort = f({ weekday: 'short' });
  const weekdayLong = f({ weekday: 'long' });
  const at = (day: string) => new Date(`${day}T00:00:00Z`);
  return {
    month: (day: string) => month.format(at(day)),
    full: (day: string) => full.format(at(day)),
    short: (day: string) => short.format(at(day)),
    weekdayShort: (day: string) => weekdayShort.format(at(day)),
    weekdayLong: (day: string) => weekdayLong.format(at(day)),
  };
}

/**
 * Meetings on a month or week grid in the coalition's time zone. The grid is one tab stop: arrow
 * keys move a day or a week, Home/End to the week's ends, Page Up/Down a month (or a week), Enter
 * goes to the focused day's meetings listed below the grid.
 */
export default function CalendarPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const navigate = useNavigate();
  const zone = useCoalitionZone();
  const fmt = useDayFormat();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'week' ? 'week' : 'month';
  const today = zone ? dayOf(new Date(), zone) : null;
  const requested = params.get('date');
  const focused = requested && DAY.test(requested) ? requested : today;
  const gridRef = useRef<HTMLTableElement>(null);
  const dayListRef = useRef<HTMLDivElement>(null);
  const [keyboard, setKeyboard] = useState(false);

  const weeks = focused ? (view === 'month' ? monthGrid(focused) : weekGrid(focused)) : [];
  const first = weeks[0]?.[0];
  const last = weeks.at(-1)?.at(-1);
  const range = zone && first && last ? { from: startOfDayIn(first, zone).toISOString(), to: startOfDayIn(addDays(last, 1), zone).toISOString() } : null;
  const list = useQuery({ queryKey: meetingKeys.window(slug, range ?? {}), queryFn: ({ signal }) => meetingsApi.list(slug, signal, range!), enabled: !!range });
  const timeOf = useTimeOfDay(zone);

  // After a key press moves the focus, put it on the new day's cell.
  useEffect(() => {
    if (!keyboard || !focused) return;
    gridRef.current?.querySelector<HTMLElement>(`[data-day="${focused}"]`)?.focus();
  }, [focused, keyboard, view]);

  if (!zone || !focused) return <Loading />;
  const byDay = new Map<string, MeetingDto[]>();
  for (const m of list.data?.items ?? []) {
    const d = dayOf(m.startsAt, zone);
    byDay.set(d, [...(byDay.get(d) ?? []), m]);
  }
  const go = (day: string, nextView: View = view, fromKeyboard = false) => {
    setKeyboard(fromKeyboard);
    setParams({ view: nextView, date: day }, { replace: true });
  };
  const step = (n: number) => (view === 'month' ? addMonths(focused, n) : addDays(focused, 7 * n));
  const onKey = (e: KeyboardEvent<HTMLTableElement>) => {
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(focused, -1),
      ArrowRight: () => addDays(focused, 1),
      ArrowUp: () => addDays(focused, -7),
      ArrowDown: () => addDays(focused, 7),
      Home: () => addDays(focused, -new Date(`${focused}T00:00:00Z`).getUTCDay()),
      End: () => addDays(focused, 6 - new Date(`${focused}T00:00:00Z`).getUTCDay()),
      PageUp: () => step(-1),
      PageDown: () => step(1),
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      go(move(), view, true);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const dayMeetings = byDay.get(focused) ?? [];
      if (dayMeetings.length === 1) navigate(meetingPaths.meeting(slug, dayMeetings[0]!.id));
      else dayListRef.current?.querySelector<HTMLElement>('a, [tabindex]')?.focus();
    }
  };
  const heading = view === 'month' ? fmt.month(focused) : t('meetings.calendar.weekOf', { start: fmt.short(first!), end: fmt.short(last!) });
  const focusedMeetings = byDay.get(focused) ?? [];

  return (
    <>
      <PageHeader title={t('meetings.calendar.title')} description={t('meetings.calendar.intro', { zone })} />
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Group gap="xs">
          <Button variant="default" size="compact-md" onClick={() => go(step(-1))} aria-label={view === 'month' ? t('meetings.calendar.prevMonth') : t('meetings.calendar.prevWeek')}>
            <IconChevronLeft size={16} aria-hidden />
          </Button>
          <Button variant="default" size="compact-md" onClick={() => go(today!)}>
            {t('meetings.calendar.today')}
          </Button>
          <Button variant="default" size="compact-md" onClick={() => go(step(1))} aria-label={view === 'month' ? t('meetings.calendar.nextMonth') : t('meetings.calendar.nextWeek')}>
            <IconChevronRight size={16} aria-hidden />
          </Button>
          <Title order={2} size="h3" id="calendar-heading" aria-live="polite">
            {heading}
          </Title>
        </Group>
        <SegmentedControl
          aria-label={t('meetings.calendar.view')}
          value={view}
          onChange={(v) => go(focused, v as View)}
          data={[
            { value: 'month', label: t('meetings.calendar.month') },
            { value: 'week', label: t('meetings.calendar.week') },
          ]}
        />
      </Group>
      {list.isError ? <QueryErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Text id="calendar-help" size="sm" c="dimmed" mb="xs">
        {t('meetings.calendar.keys')}
      </Text>
      <div style={{ overflowX: 'auto' }}>
        <table role="grid" ref={gridRef} aria-labelledby="calendar-heading" aria-describedby="calendar-help" onKeyDown={onKey} aria-busy={list.isFetching} style={{ width: '100%', minWidth: 640, borderCollapse: 'collapse', tableLayout: 'fixed' }}>
          <thead>
            <tr>
              {weeks[0]!.map((d) => (
                <th key={d} scope="col" abbr={fmt.weekdayLong(d)} style={{ padding: 4, fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)' }}>
                  {fmt.weekdayShort(d)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week[0]}>
                {week.map((d) => {
                  const meetings = byDay.get(d) ?? [];
                  const outside = view === 'month' && d.slice(0, 7) !== focused.slice(0, 7);
                  const selected = d === focused;
                  const label = `${fmt.full(d)}${d === today ? `, ${t('meetings.calendar.today')}` : ''}: ${meetings.length === 0 ? t('meetings.calendar.noMeetings') : t('meetings.calendar.meetingCount', { count: meetings.length })}`;
                  return (
                    <td
                      key={d}
                      data-day={d}
                      role="gridcell"
                      tabIndex={selected ? 0 : -1}
                      aria-selected={selected}
                      aria-label={label}
                      onClick={() => go(d)}
                      style={{
                        verticalAlign: 'top',
                        height: view === 'month' ? 96 : 220,
                        padding: 4,
                        border: '1px solid var(--mantine-color-gray-4)',
                        background: outside ? 'var(--mantine-color-gray-0)' : undefined,
                        boxShadow: selected ? 'inset 0 0 0 2px var(--mantine-color-blue-8)' : undefined,
                        outlineOffset: -3,
                        cursor: 'pointer',
                      }}
                    >
                      <Text size="sm" fw={d === today ? 700 : 400} c={outside ? 'gray.7' : undefined} aria-hidden>
                        {Number(d.slice(8))}
                        {d === today && <Badge component="span" ml={4} size="xs" color="blue.9" variant="filled">{t('meetings.calendar.today')}</Badge>}
                      </Text>
                      <Stack gap={2} mt={2} aria-hidden>
                        {meetings.slice(0, view === 'month' ? 3 : 12).map((m) => (
                          <Anchor key={m.id} component={Link} to={meetingPaths.meeting(slug, m.id)} tabIndex={-1} size="xs" lineClamp={view === 'month' ? 1 : 2} onClick={(e) => e.stopPropagation()}>
                            {timeOf(m.startsAt)} {m.title}
                          </Anchor>
                        ))}
                        {meetings.length > 3 && view === 'month' && <Text size="xs">{t('meetings.calendar.more', { count: meetings.length - 3 })}</Text>}
                      </Stack>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div ref={dayListRef}>
      <Paper withBorder p="md" mt="md" component="section" aria-labelledby="day-heading">
        <Title order={2} size="h4" id="day-heading" mb="xs">
          {t('meetings.calendar.onDay', { day: fmt.full(focused) })}
        </Title>
        {list.isPending ? (
          <Loading />
        ) : focusedMeetings.length === 0 ? (
          <Text c="dimmed" size="sm">{t('meetings.calendar.noMeetingsDay')}</Text>
        ) : (
          <Stack component="ul" gap={6} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {focusedMeetings.map((m) => (
              <li key={m.id}>
                <Anchor component={Link} to={meetingPaths.meeting(slug, m.id)}>
                  {timeOf(m.startsAt)}–{timeOf(m.endsAt)} · {m.title}
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">{t(`meetings.kinds.${m.kind}`)}</Text>
              </li>
            ))}
          </Stack>
        )}
      </Paper>
      </div>
    </>
  );
}
