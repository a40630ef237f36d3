import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import { useMemo } from 'react';

function allTimeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC', 'America/Los_Angeles', 'America/Denver', 'America/Chicago', 'America/New_York'];
  }
}

/** The browser's own time zone, when it is a valid IANA name. */
export function browserTimeZone(fallback = 'America/Los_Angeles'): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || fallback;
  } catch {
    return fallback;
  }
}

/** A native select of IANA time zones, grouped by area (America, Europe, …). */
export function TimeZoneSelect({ value, ...props }: Omit<NativeSelectProps, 'data'> & { value: string }) {
  const data = useMemo(() => {
    const zones = allTimeZones();
    if (value && !zones.includes(value)) zones.unshift(value);
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const zone of zones) {
      const slash = zone.indexOf('/');
      const area = slash > 0 ? zone.slice(0, slash) : 'UTC';
      const list = groups.get(area) ?? [];
      list.push({ value: zone, label: zone.replaceAll('_', ' ') });
      groups.set(area, list);
    }
    return [...groups.entries()].map(([group, items]) => ({ group, items }));
  }, [value]);
  return <NativeSelect {...props} value={value} data={data} />;
}
