import { Button, Card, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { capacityInput, capacityKinds, type CapacityDto, type CapacityKind } from '../../../../shared/engagements.contract';
import { useCoalition } from '../../../coalition/context';
import { Loading } from '../../../components/Loading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { QueryErrorState } from '../../../components/QueryState';
import { useNumbers } from '../../labor-market/format';
import { tpApi, tpKeys } from '../api';
import { useTpLabels } from '../labels';
import type { useViewer } from '../useViewer';

/** Each employer's declared capacity for the year, what is committed and what remains; an employer declares its own. */
export function CapacitySection({ year, viewer }: { year: number; viewer: ReturnType<typeof useViewer> }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const l = useTpLabels();
  const n = useNumbers();
  const query = useQuery({ queryKey: tpKeys.capacities(slug, year), queryFn: () => tpApi.capacities(slug, year) });
  const own = viewer.role === 'employer' && viewer.organizationId ? viewer.organizationId : null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="tb-capacity">
      <Title order={2} size="h3" id="tb-capacity" mb="xs">
        {t('talentPipeline.engagements.capacityTitle', { year })}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('talentPipeline.engagements.capacityIntro')}
      </Text>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <QueryErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Stack gap="lg">
          {query.data.items.length === 0 ? (
            <Text size="sm">{t('talentPipeline.engagements.noCapacity')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped>
                <Table.Caption className="tb-sr-only">{t('talentPipeline.engagements.capacityCaption', { year })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('talentPipeline.engagements.employer')}</Table.Th>
                    {capacityKinds.map((k) => (
                      <Table.Th key={k} scope="col" ta="right">
                        {l.capacityKind(k)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {query.data.items.map((c) => (
                    <Table.Tr key={c.organizationId}>
                      <Table.Th scope="row" fw={500}>
                        {c.organizationName}
                      </Table.Th>
                      {c.lines.map((line) => (
                        <Table.Td key={line.kind} ta="right" c={line.remaining < 0 ? 'red.8' : undefined}>
                          {t('talentPipeline.engagements.remainingOf', { remaining: n.integer(line.remaining), declared: n.integer(line.declared), committed: n.integer(line.committed) })}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {own && <CapacityForm key={`${own}-${year}`} organizationId={own} year={year} current={query.data.items.find((c) => c.organizationId === own)} />}
        </Stack>
      )}
    </Card>
  );
}

function CapacityForm({ organizationId, year, current }: { organizationId: string; year: number; current: CapacityDto | undefined }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const l = useTpLabels();
  const queryClient = useQueryClient();
  const initial = Object.fromEntries(capacityKinds.map((k) => [k, current?.lines.find((x) => x.kind === k)?.declared ?? 0])) as Record<CapacityKind, number>;
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<CapacityKind, string>>>({});
  const save = useMutation({
    mutationFn: () => tpApi.declareCapacity(slug, organizationId, year, values),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tpKeys.capacities(slug, year) }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = capacityInput.safeParse(values);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path[0], t('validation.invalid')])));
      return;
    }
    setErrors({});
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="tb-capacity-form">
      <Title order={3} size="h4" id="tb-capacity-form" mb="xs">
        {t('talentPipeline.engagements.declareTitle', { year })}
      </Title>
      <Group align="flex-end" gap="sm">
        {capacityKinds.map((k) => (
          <NumberInput key={k} label={l.capacityKind(k)} min={0} max={100000} allowDecimal={false} value={values[k]} onChange={(v) => setValues((x) => ({ ...x, [k]: typeof v === 'number' ? v : Number(v) || 0 }))} error={errors[k]} w={140} />
        ))}
        <Button type="submit" loading={save.isPending}>
          {t('talentPipeline.engagements.declare')}
        </Button>
      </Group>
      {save.isError && (
        <Stack mt="sm">
          <ProblemAlert error={save.error} />
        </Stack>
      )}
      {save.isSuccess && (
        <Text size="sm" c="teal.8" mt="xs" role="status">
          {t('talentPipeline.engagements.declared')}
        </Text>
      )}
    </form>
  );
}
