import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SourceDto } from '../../../shared/labor-market.contract';
import { useCoalition } from '../../coalition/context';
import { lmPaths } from './paths';

/** "Source: <dataset> (publisher, date)", linking to the dataset on the data-sources page. */
export function SourceLink({ source, withLabel = true, size = 'sm' }: { source: SourceDto; withLabel?: boolean; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const detail = [source.publisher, source.publishedOn].filter(Boolean).join(', ');
  return (
    <Text size={size} c="dimmed" component="span">
      {withLabel && `${t('laborMarket.source')}: `}
      <Anchor component={Link} to={lmPaths.sources(slug, source.datasetId)} size={size}>
        {source.name}
      </Anchor>
      {detail && ` (${detail})`}
    </Text>
  );
}

/** The distinct sources of a table's rows, one line each. */
export function SourceNotes({ sources }: { sources: SourceDto[] }) {
  const unique = [...new Map(sources.map((s) => [s.datasetId, s])).values()];
  if (unique.length === 0) return null;
  return (
    <>
      {unique.map((source) => (
        <Text key={source.datasetId} size="sm" c="dimmed">
          <SourceLink source={source} />
        </Text>
      ))}
    </>
  );
}
