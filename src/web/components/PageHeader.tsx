import { Anchor, Box, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { usePageTitle } from '../hooks/usePageTitle';
import { takeFocusRequest } from '../layout/focusOnNavigate';

interface PageHeaderProps {
  title: string;
  /** document.title when it should differ from the heading. */
  documentTitle?: string;
  description?: ReactNode;
  actions?: ReactNode;
  back?: { to: string; label: string };
}

/**
 * The page's h1, document.title, and actions. After client-side navigation the h1 takes focus, so
 * screen-reader users hear where they arrived and keyboard users start from the top of the content.
 */
export function PageHeader({ title, documentTitle, description, actions, back }: PageHeaderProps) {
  usePageTitle(documentTitle ?? title);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeFocusRequest()) ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <Stack gap={6} mb="lg">
      {back && (
        <Anchor component={Link} to={back.to} size="sm" w="fit-content">
          <Group gap={4} wrap="nowrap">
            <IconArrowLeft size={14} aria-hidden />
            <span>{back.label}</span>
          </Group>
        </Anchor>
      )}
      <Group justify="space-between" align="flex-start" gap="md">
        <Box style={{ flex: '1 1 20rem', minWidth: 0 }}>
          <Title order={1} ref={ref} tabIndex={-1} className="tb-page-title" fz={{ base: 24, sm: 28 }}>
            {title}
          </Title>
          {description && (
            <Text c="dimmed" mt={4} maw="48rem">
              {description}
            </Text>
          )}
        </Box>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
    </Stack>
  );
}
