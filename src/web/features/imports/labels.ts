import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportStatusDto } from '../../../shared/platform.contract';
import { useNumbers } from '../labor-market/format';
import { findKind } from './kinds';

export const isFinished = (status: ImportStatusDto['status']) => status === 'succeeded' || status === 'failed';

const count = (result: Record<string, unknown> | null, key: string) => (typeof result?.[key] === 'number' ? (result[key] as number) : 0);

/** Names, states and one-line summaries of imports, in the current language. */
export function useImportLabels() {
  const { t } = useTranslation();
  const n = useNumbers();
  return useMemo(() => {
    const kind = (value: string) => {
      const known = findKind(value);
      return known ? t(`imports.kinds.${known.key}.label`) : value;
    };
    const status = (value: ImportStatusDto['status']) => t(`imports.status.${value}`);
    /** What the progress bar says, and how full it is (null: indeterminate). */
    const progress = (job: ImportStatusDto): { label: string; percent: number | null } => {
      const processed = n.integer(job.processed);
      const total = job.total === null ? null : n.integer(job.total);
      const share = job.total ? (job.processed / job.total) * 100 : null;
      if (job.status === 'succeeded') return { label: t('imports.progress.succeeded', { processed }), percent: 100 };
      if (job.status === 'failed') return { label: t('imports.progress.failed', { processed, problems: n.integer(job.errors.length) }), percent: share ?? 100 };
      if (job.status === 'queued' || job.phase === null) return { label: t('imports.progress.queued'), percent: null };
      if (job.phase === 'writing') {
        if (job.processed > 0 && total) return { label: t('imports.progress.writing', { processed, total }), percent: share };
        return { label: total ? t('imports.progress.writingWait', { total }) : t('imports.progress.writingWaitNoTotal'), percent: null };
      }
      return total ? { label: t('imports.progress.validating', { processed, total }), percent: share } : { label: t('imports.progress.validatingNoTotal', { processed }), percent: null };
    };
    const result = (job: ImportStatusDto) => {
      if (job.status === 'failed') return t('imports.result.failedShort');
      if (job.status !== 'succeeded') return '';
      const parts = [
        t('imports.result.createdCount', { value: n.integer(count(job.result, 'created')) }),
        t('imports.result.updatedCount', { value: n.integer(count(job.result, 'updated')) }),
        t('imports.result.unchangedCount', { value: n.integer(count(job.result, 'unchanged')) }),
      ];
      if (count(job.result, 'skipped') > 0) parts.push(t('imports.result.skippedCount', { value: n.integer(count(job.result, 'skipped')) }));
      return parts.join(', ');
    };
    return { kind, status, progress, result, count };
  }, [t, n]);
}
