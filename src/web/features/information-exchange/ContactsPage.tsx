import { Anchor, Grid, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAddressBook, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { contactTopics, type ContactTopic } from '../../../shared/points-of-contact.contract';
import { paths, useCoalition } from '../../coalition/context';
import { Empty } from '../../components/Empty';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { ixApi, ixKeys } from './api';
import { ContactRequests } from './ContactRequests';
import { useIxLabels } from './ui';

/** Who answers for each member organization, by topic; and requests that reach the right person. */
export default function ContactsPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const labels = useIxLabels();
  const [topic, setTopic] = useState<ContactTopic | ''>('');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const list = useQuery({ queryKey: ixKeys.part(slug, 'contacts', topic, q), queryFn: () => ixApi.contacts(slug, { topic, q }), placeholderData: keepPreviousData });
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('informationExchange.contacts.title')} description={t('informationExchange.contacts.intro')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Group align="flex-end" gap="sm" mb="md" role="search" aria-label={t('common.filters')}>
            <TextInput label={t('informationExchange.contacts.search')} type="search" leftSection={<IconSearch size={16} aria-hidden />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} style={{ flex: '1 1 14rem' }} />
            <NativeSelect
              label={t('informationExchange.contacts.topic')}
              value={topic}
              onChange={(e) => setTopic(e.currentTarget.value as ContactTopic | '')}
              data={[{ value: '', label: t('informationExchange.contacts.allTopics') }, ...contactTopics.map((v) => ({ value: v, label: labels.topic(v) }))]}
              w={220}
            />
          </Group>
          {list.isPending ? (
            <Loading />
          ) : list.isError ? (
            <QueryErrorState error={list.error} onRetry={() => void list.refetch()} />
          ) : items.length === 0 ? (
            <Empty icon={<IconAddressBook size={28} aria-hidden />} title={t('informationExchange.contacts.emptyTitle')} description={t('informationExchange.contacts.emptyBody')} />
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table striped fz="sm" aria-busy={list.isFetching}>
                <Table.Caption>{t('informationExchange.contacts.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('informationExchange.contacts.organization')}</Table.Th>
                    <Table.Th scope="col">{t('informationExchange.contacts.topic')}</Table.Th>
                    <Table.Th scope="col">{t('informationExchange.contacts.person')}</Table.Th>
                    <Table.Th scope="col">{t('informationExchange.contacts.email')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Th scope="row" fw={400}>
                        <Anchor component={Link} to={paths.organization(slug, c.organizationId)} size="sm">
                          {c.organizationName}
                        </Anchor>
                      </Table.Th>
                      <Table.Td>{labels.topic(c.topic)}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={paths.person(slug, c.personId)} size="sm">
                          {c.name}
                        </Anchor>
                        {c.title && <Text size="xs" c="dimmed">{c.title}</Text>}
                      </Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{c.email ? <Anchor href={`mailto:${c.email}`} size="sm">{c.email}</Anchor> : '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <ContactRequests />
        </Grid.Col>
      </Grid>
    </>
  );
}
