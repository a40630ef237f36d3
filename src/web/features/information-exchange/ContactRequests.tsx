import { Button, Card, NativeSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contactRequestInput, contactTopics } from '../../../shared/points-of-contact.contract';
import { useCoalition } from '../../coalition/context';
import { StatusMessage } from '../../components/StatusMessage';
import { FormErrors } from '../../forms/FormErrors';
import { useAllOrganizations } from '../../forms/OrganizationPicker';
import { useForm } from '../../forms/useForm';
import { useFormatters } from '../../i18n/format';
import { ixApi, ixKeys } from './api';
import { useIxLabels } from './ui';

/** Send a request to an organization on a topic (it reaches the topic's contact), and the requests you sent or got. */
export function ContactRequests() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const labels = useIxLabels();
  const { dateTime } = useFormatters();
  const queryClient = useQueryClient();
  const orgs = useAllOrganizations(slug);
  const [sent, setSent] = useState<string | null>(null);
  const requests = useQuery({ queryKey: ixKeys.part(slug, 'requests'), queryFn: () => ixApi.requests(slug) });
  const form = useForm({
    initialValues: { organizationId: '', topic: 'curriculum', subject: '', body: '' },
    schema: contactRequestInput,
    onSubmit: async (data) => {
      const r = await ixApi.sendRequest(slug, data);
      form.reset();
      setSent(t('informationExchange.contacts.sent', { names: r.routedTo.map((p) => p.name).join(', ') || r.organizationName }));
      await queryClient.invalidateQueries({ queryKey: ixKeys.part(slug, 'requests') });
    },
  });
  return (
    <Stack gap="lg">
      <Card withBorder component="section" aria-labelledby="ix-request">
        <Title order={2} size="h4" id="ix-request" mb="xs">
          {t('informationExchange.contacts.requestTitle')}
        </Title>
        <StatusMessage message={sent} onClose={() => setSent(null)} mb="sm" />
        <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate>
          <Stack gap="sm">
            <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
            <NativeSelect
              label={t('informationExchange.contacts.organization')}
              required
              {...form.textProps('organizationId')}
              data={[{ value: '', label: t('informationExchange.contacts.pickOrganization'), disabled: true }, ...(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name })).sort((a, b) => a.label.localeCompare(b.label))]}
            />
            <NativeSelect label={t('informationExchange.contacts.topic')} {...form.textProps('topic')} data={contactTopics.map((v) => ({ value: v, label: labels.topic(v) }))} />
            <TextInput label={t('informationExchange.contacts.subject')} required {...form.textProps('subject')} />
            <Textarea label={t('informationExchange.contacts.body')} required autosize minRows={3} {...form.textProps('body')} />
            <Button type="submit" loading={form.submitting} w="fit-content">
              {t('informationExchange.contacts.send')}
            </Button>
          </Stack>
        </form>
      </Card>
      <section aria-labelledby="ix-requests">
        <Title order={2} size="h4" id="ix-requests" mb="xs">
          {t('informationExchange.contacts.requests')}
        </Title>
        {(requests.data?.items ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">{t('informationExchange.contacts.noRequests')}</Text>
        ) : (
          <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {requests.data!.items.map((r) => (
              <Card key={r.id} component="li" withBorder padding="sm">
                <Text size="sm" fw={700}>{r.subject}</Text>
                <Text size="xs" c="dimmed">
                  {t('informationExchange.contacts.requestMeta', { org: r.organizationName, topic: labels.topic(r.topic), from: r.from?.name ?? '—', to: r.routedTo.map((p) => p.name).join(', ') || '—', when: dateTime(r.createdAt) })}
                </Text>
              </Card>
            ))}
          </Stack>
        )}
      </section>
    </Stack>
  );
}
