import { Button, Group, NativeSelect, Paper, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { costCategories, costCreateInput } from '../../../shared/initiative-resources.contract';
import { Loading } from '../../components/Loading';
import { QueryErrorState } from '../../components/QueryState';
import { FormErrors } from '../../forms/FormErrors';
import { useForm } from '../../forms/useForm';
import { initiativesApi, iniKeys } from './api';
import { Scroll } from './ui';
import { centsOf, todayIso, useIniFormat } from './util';

/** Requirements, budget against actual cost, pledges (cash and in-kind kept apart) and the funding gap of one initiative. */
export function FinancesSection({ slug, initiativeId, canManage }: { slug: string; initiativeId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const fmt = useIniFormat();
  const queryClient = useQueryClient();
  const finances = useQuery({ queryKey: iniKeys.finances(slug, initiativeId), queryFn: ({ signal }) => initiativesApi.finances(slug, initiativeId, signal) });
  const form = useForm({
    initialValues: { category: 'workshop', description: '', budget: '', actual: '', incurredOn: '' },
    schema: costCreateInput,
    toInput: (v) => ({ category: v.category, description: v.description, budgetCents: centsOf(v.budget), actualCents: centsOf(v.actual) ?? null, incurredOn: v.incurredOn || null }),
    overrides: {},
    onSubmit: async (data) => {
      await initiativesApi.createCost(slug, initiativeId, data);
      form.reset();
      await queryClient.invalidateQueries({ queryKey: iniKeys.all(slug) });
    },
  });
  const moneyError = (field: 'budgetCents' | 'actualCents') => form.errors[field];

  return (
    <section aria-labelledby="money-heading">
      <Title order={2} id="money-heading" size="h3" mb="sm">
        {t('initiatives.money.title')}
      </Title>
      {finances.isPending ? (
        <Loading />
      ) : finances.isError ? (
        <QueryErrorState error={finances.error} onRetry={() => void finances.refetch()} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} mb="md">
            {(
              [
                ['budget', finances.data.summary.budgetCents],
                ['actual', finances.data.summary.actualCents],
                ['variance', finances.data.summary.varianceCents],
                ['cashPledged', finances.data.summary.cashPledgedCents],
                ['inKindPledged', finances.data.summary.inKindPledgedCents],
                ['fundingGap', finances.data.summary.fundingGapCents],
              ] as const
            ).map(([key, cents]) => (
              <Paper key={key} withBorder p="sm">
                <Text size="xs" c="dimmed" fw={700}>
                  {t(`initiatives.money.${key}`)}
                </Text>
                <Text fw={700}>{fmt.money(cents)}</Text>
              </Paper>
            ))}
          </SimpleGrid>
          {finances.data.costs.length === 0 ? (
            <Text c="dimmed">{t('initiatives.money.noCosts')}</Text>
          ) : (
            <Scroll minWidth={600}>
              <Table striped verticalSpacing="xs">
                <Table.Caption>{t('initiatives.money.costsCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('initiatives.money.description')}</Table.Th>
                    <Table.Th scope="col">{t('initiatives.money.category')}</Table.Th>
                    <Table.Th scope="col" ta="right">{t('initiatives.money.budget')}</Table.Th>
                    <Table.Th scope="col" ta="right">{t('initiatives.money.actual')}</Table.Th>
                    <Table.Th scope="col">{t('initiatives.money.incurredOn')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {finances.data.costs.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Th scope="row" fw={400}>{c.description}</Table.Th>
                      <Table.Td>{t(`initiatives.costCategories.${c.category}`)}</Table.Td>
                      <Table.Td ta="right">{fmt.money(c.budgetCents)}</Table.Td>
                      <Table.Td ta="right">{fmt.money(c.actualCents)}</Table.Td>
                      <Table.Td>{fmt.day(c.incurredOn)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Scroll>
          )}
          {finances.data.pledges.length > 0 && (
            <Scroll minWidth={500} mt="md">
              <Table striped verticalSpacing="xs">
                <Table.Caption>{t('initiatives.money.pledgesCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('initiatives.money.funder')}</Table.Th>
                    <Table.Th scope="col">{t('initiatives.money.kind')}</Table.Th>
                    <Table.Th scope="col" ta="right">{t('initiatives.money.amount')}</Table.Th>
                    <Table.Th scope="col">{t('initiatives.money.pledgeStatus')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {finances.data.pledges.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Th scope="row" fw={400}>{p.organization.name}</Table.Th>
                      <Table.Td>{t(`initiatives.pledgeKinds.${p.kind}`)}</Table.Td>
                      <Table.Td ta="right">{fmt.money(p.amountCents)}</Table.Td>
                      <Table.Td>{t(`initiatives.pledgeStatuses.${p.status}`)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Scroll>
          )}
        </>
      )}
      {canManage && (
        <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate aria-label={t('initiatives.money.addCost')}>
          <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
          <Group align="flex-start" gap="sm" mt="sm">
            <NativeSelect label={t('initiatives.money.category')} {...form.textProps('category')} data={costCategories.map((c) => ({ value: c, label: t(`initiatives.costCategories.${c}`) }))} />
            <TextInput label={t('initiatives.money.description')} required {...form.textProps('description')} />
            <TextInput label={t('initiatives.money.budgetDollars')} required inputMode="decimal" {...form.textProps('budget')} error={moneyError('budgetCents')} />
            <TextInput label={t('initiatives.money.actualDollars')} inputMode="decimal" {...form.textProps('actual')} error={moneyError('actualCents')} />
            <TextInput type="date" label={t('initiatives.money.incurredOn')} {...form.textProps('incurredOn')} max={todayIso()} />
            <Button type="submit" variant="light" mt={25} loading={form.submitting}>
              {t('initiatives.money.addCost')}
            </Button>
          </Group>
        </form>
      )}
    </section>
  );
}
