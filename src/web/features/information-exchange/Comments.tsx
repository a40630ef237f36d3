import { Badge, Button, Card, Checkbox, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconStar } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { commentCreateInput, type ProposalDetailDto } from '../../../shared/curriculum.contract';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { QueryErrorState } from '../../components/QueryState';
import { FormErrors } from '../../forms/FormErrors';
import { useForm } from '../../forms/useForm';
import { useFormatters } from '../../i18n/format';
import { ixApi, ixKeys } from './api';
import { SkillList } from './ui';
import { SkillsInput } from './SkillsInput';

function CommentForm({ proposalId, owner }: { proposalId: string; owner: boolean }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { body: '', relevance: '', proposedSkills: [] as string[], official: false },
    schema: commentCreateInput,
    toInput: (v) => ({ ...v, relevance: v.relevance ? Number(v.relevance) : null }),
    onSubmit: async (data) => {
      await ixApi.addComment(slug, proposalId, data);
      form.reset();
      await queryClient.invalidateQueries({ queryKey: ixKeys.all(slug) });
    },
  });
  return (
    <Paper withBorder p="md">
      <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate aria-labelledby="ix-comment-form">
        <Stack gap="sm">
          <Title order={3} size="h5" id="ix-comment-form">
            {t('informationExchange.comments.add')}
          </Title>
          <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
          <Textarea label={t('informationExchange.comments.body')} required autosize minRows={3} {...form.textProps('body')} />
          <Group align="flex-start" grow>
            <NativeSelect
              label={t('informationExchange.comments.relevance')}
              {...form.textProps('relevance')}
              data={[{ value: '', label: t('informationExchange.comments.noRating') }, ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`informationExchange.comments.rating${n as 1 | 2 | 3 | 4 | 5}`) }))]}
            />
            <SkillsInput name="proposedSkills" label={t('informationExchange.comments.proposedSkills')} value={form.values.proposedSkills} onChange={(v) => form.setField('proposedSkills', v)} error={form.errors.proposedSkills} max={20} />
          </Group>
          {owner && <Checkbox label={t('informationExchange.comments.official')} checked={form.values.official} onChange={(e) => form.setField('official', e.currentTarget.checked)} />}
          <Button type="submit" loading={form.submitting} w="fit-content">
            {t('informationExchange.comments.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** Feedback on a proposal, oldest first, and the form to add some (staff only; never students). */
export function Comments({ proposal, canComment, owner }: { proposal: ProposalDetailDto; canComment: boolean; owner: boolean }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const { dateTime } = useFormatters();
  const comments = useQuery({ queryKey: ixKeys.part(slug, 'proposal', proposal.id, 'comments'), queryFn: () => ixApi.comments(slug, proposal.id) });
  return (
    <section aria-labelledby="ix-comments">
      <Title order={2} size="h4" id="ix-comments" mb="sm">
        {t('informationExchange.comments.title', { count: proposal.comments })}
      </Title>
      {comments.isPending ? (
        <Loading />
      ) : comments.isError ? (
        <QueryErrorState error={comments.error} onRetry={() => void comments.refetch()} />
      ) : comments.data.items.length === 0 ? (
        <Text c="dimmed" mb="md">{t('informationExchange.comments.empty')}</Text>
      ) : (
        <Stack component="ol" gap="sm" mb="md" style={{ listStyle: 'none', padding: 0 }}>
          {comments.data.items.map((c) => (
            <Card key={c.id} component="li" withBorder padding="sm" bg={c.official ? 'var(--mantine-color-blue-light)' : undefined}>
              <Group justify="space-between" gap="xs">
                <Text size="sm" fw={700}>
                  {c.author ? `${c.author.name}${c.author.organizationName ? ` · ${c.author.organizationName}` : ''}` : t('informationExchange.comments.someone')}
                  {c.official && (
                    <Badge ml="xs" size="sm" color="blue" variant="filled">
                      {t('informationExchange.comments.officialBadge')}
                    </Badge>
                  )}
                </Text>
                <Text size="xs" c="dimmed">
                  {dateTime(c.createdAt)}
                </Text>
              </Group>
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {c.body}
              </Text>
              {(c.relevance !== null || c.proposedSkills.length > 0) && (
                <Group gap="md" mt={6}>
                  {c.relevance !== null && (
                    <Text size="xs">
                      <IconStar size={12} aria-hidden /> {t('informationExchange.comments.rated', { value: c.relevance })}
                    </Text>
                  )}
                  {c.proposedSkills.length > 0 && (
                    <Group gap={4}>
                      <Text size="xs">{t('informationExchange.comments.proposes')}</Text>
                      <SkillList skills={c.proposedSkills.map((name) => ({ name }))} />
                    </Group>
                  )}
                </Group>
              )}
            </Card>
          ))}
        </Stack>
      )}
      {canComment && proposal.status !== 'adopted' && proposal.status !== 'declined' && <CommentForm proposalId={proposal.id} owner={owner} />}
    </section>
  );
}
