import { Box, Text } from '@mantine/core';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MasterPlanItemDto } from '../../../shared/initiatives.contract';
import { dayNumber, isoOf, useIniFormat } from './util';

const LABEL_W = 230;
const ROW_H = 26;
const HEAD_H = 34;
const BAR_H = 14;

/**
 * The master plan as a Gantt chart (SVG): a bar per task from its early start to its early finish,
 * progress shaded, the baseline as a thin line beneath, milestones as diamonds, finish-to-start
 * arrows, today's line, and critical tasks in red. The chart is one Tab stop; ↑/↓ (Home/End) move
 * between bars and each bar's details are read out; the table beside it carries the same figures.
 */
export function GanttChart({ items, today, caption }: { items: MasterPlanItemDto[]; today: string; caption: string }) {
  const { t } = useTranslation();
  const fmt = useIniFormat();
  const [focused, setFocused] = useState<MasterPlanItemDto | null>(null);
  const [active, setActive] = useState(0);
  const refs = useRef<(SVGGElement | null)[]>([]);
  if (items.length === 0) return null;

  const first = Math.min(...items.map((i) => dayNumber(i.earlyStart)), dayNumber(today)) - 3;
  const last = Math.max(...items.map((i) => dayNumber(i.earlyFinish) + 1), dayNumber(today)) + 4;
  const span = last - first;
  const pxPerDay = Math.max(3, Math.min(28, 900 / span));
  const width = LABEL_W + span * pxPerDay + 10;
  const height = HEAD_H + items.length * ROW_H + 6;
  const x = (day: number) => LABEL_W + (day - first) * pxPerDay;
  const row = new Map(items.map((item, k) => [item.id, k]));
  const yMid = (k: number) => HEAD_H + k * ROW_H + ROW_H / 2;

  // Month ticks along the top.
  const months: { day: number; label: string }[] = [];
  for (let d = first; d <= last; d++) {
    const iso = isoOf(d);
    if (iso.endsWith('-01') || d === first) months.push({ day: d, label: fmt.month(iso) });
  }
  const describe = (i: MasterPlanItemDto) =>
    [
      i.name,
      i.initiativeTitle,
      i.milestone ? t('initiatives.gantt.milestoneOn', { date: fmt.day(i.earlyFinish) }) : t('initiatives.gantt.runs', { start: fmt.day(i.earlyStart), finish: fmt.day(i.earlyFinish) }),
      t('initiatives.gantt.progress', { percent: i.progress }),
      i.critical ? t('initiatives.gantt.critical') : t('initiatives.gantt.slack', { count: i.slackDays }),
      t(`initiatives.taskStates.${i.state}`),
    ].join('. ');
  const onKey = (k: number) => (e: KeyboardEvent) => {
    const next = e.key === 'ArrowDown' ? k + 1 : e.key === 'ArrowUp' ? k - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : null;
    if (next === null || next < 0 || next >= items.length) return;
    e.preventDefault();
    refs.current[next]?.focus();
  };

  return (
    <Box>
      <Box style={{ overflowX: 'auto' }} className="tb-gantt">
        <svg width={width} height={height} role="group" aria-label={caption} style={{ display: 'block', fontFamily: 'inherit' }}>
          <defs>
            <marker id="gantt-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L8,4 L0,8 z" fill="#495057" />
            </marker>
          </defs>
          {months.map((m) => (
            <g key={m.day} aria-hidden="true">
              <line x1={x(m.day)} x2={x(m.day)} y1={HEAD_H - 8} y2={height} stroke="#dee2e6" />
              <text x={x(m.day) + 3} y={16} fontSize={11} fill="#343a40">
                {m.label}
              </text>
            </g>
          ))}
          {items.map((i, k) =>
            i.dependsOn.map((d) => {
              const from = row.get(d);
              if (from === undefined) return null;
              const src = items[from]!;
              const x1 = x(dayNumber(src.earlyFinish) + 1);
              const x2 = x(dayNumber(i.earlyStart)) - (i.milestone ? 7 : 1);
              const bend = Math.max(x1 + 6, Math.min(x2 - 6, x1 + 6));
              return <path key={`${d}-${i.id}`} aria-hidden="true" d={`M${x1},${yMid(from)} H${bend} V${yMid(k)} H${x2}`} fill="none" stroke={i.critical && src.critical ? '#c92a2a' : '#495057'} strokeWidth={1.2} markerEnd="url(#gantt-arrow)" />;
            }),
          )}
          {items.map((i, k) => {
            const y = yMid(k);
            const s = x(dayNumber(i.earlyStart));
            const f = x(dayNumber(i.earlyFinish) + 1);
            const color = i.critical ? '#c92a2a' : '#1864ab';
            const light = i.critical ? '#ffa8a8' : '#a5d8ff';
            return (
              <g
                key={i.id}
                ref={(el) => {
                  refs.current[k] = el;
                }}
                tabIndex={k === Math.min(active, items.length - 1) ? 0 : -1}
                role="img"
                aria-label={describe(i)}
                onFocus={() => {
                  setFocused(i);
                  setActive(k);
                }}
                onKeyDown={onKey(k)}
                className="tb-gantt-bar"
                data-critical={i.critical || undefined}
              >
                {k % 2 === 0 && <rect x={0} y={y - ROW_H / 2} width={width} height={ROW_H} fill="#f8f9fa" />}
                <text x={6} y={y + 4} fontSize={12} fill="#212529">
                  {i.name.length > 30 ? `${i.name.slice(0, 29)}…` : i.name}
                </text>
                {i.baselineStart && i.baselineFinish && <rect x={x(dayNumber(i.baselineStart))} y={y + BAR_H / 2 + 1} width={Math.max(2, x(dayNumber(i.baselineFinish) + 1) - x(dayNumber(i.baselineStart)))} height={3} fill="#868e96" />}
                {i.milestone ? (
                  <polygon points={`${s},${y - 7} ${s + 7},${y} ${s},${y + 7} ${s - 7},${y}`} fill={color} stroke="#212529" strokeWidth={0.8} />
                ) : (
                  <>
                    <rect x={s} y={y - BAR_H / 2} width={Math.max(2, f - s)} height={BAR_H} rx={3} fill={light} stroke={color} strokeWidth={i.critical ? 2 : 1} />
                    <rect x={s} y={y - BAR_H / 2} width={Math.max(0, ((f - s) * i.progress) / 100)} height={BAR_H} rx={3} fill={color} />
                  </>
                )}
              </g>
            );
          })}
          <g aria-hidden="true">
            <line x1={x(dayNumber(today))} x2={x(dayNumber(today))} y1={HEAD_H - 12} y2={height} stroke="#e8590c" strokeWidth={2} strokeDasharray="4 3" />
            <text x={x(dayNumber(today)) + 4} y={HEAD_H - 4} fontSize={11} fill="#a63c06" fontWeight={700}>
              {t('initiatives.gantt.today')}
            </text>
          </g>
        </svg>
      </Box>
      <Text size="sm" mt="xs" role="status" aria-live="polite" mih={20}>
        {focused ? describe(focused) : t('initiatives.gantt.hint')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('initiatives.gantt.legend')}
      </Text>
    </Box>
  );
}
