import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconApi, IconCheck, IconCopy, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.js';
import type { ApiToken } from '../../api/types.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { DateField } from '../../components/date-field.js';
import { FormActions } from '../../components/form-actions.js';
import { MutationError } from '../../components/mutation-error.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, ErrorAlert, LoadingRows } from '../../components/states.js';
import { formatDate } from '../../lib/format.js';
import { applyFieldError, notifySuccess } from '../../lib/forms.js';
import { useTimeZone } from '../../session.js';
import { accountStrings as t } from './strings.js';

export function TokensPage() {
  const queryClient = useQueryClient();
  const timeZone = useTimeZone();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const tokens = useQuery({
    queryKey: ['tokens'],
    queryFn: async () => (await api.get<{ items: ApiToken[] }>('/api/auth/tokens')).items,
  });
  const revoke = useMutation({
    mutationFn: (token: ApiToken) => api.delete(`/api/auth/tokens/${token.id}`),
    onSuccess: async (_d, token) => {
      await queryClient.invalidateQueries({ queryKey: ['tokens'] });
      notifySuccess(t.revoked, token.name);
      setRevoking(null);
    },
  });

  const statusOf = (token: ApiToken) =>
    token.revokedAt
      ? { label: t.revokedStatus, color: 'gray' }
      : token.expiresAt && new Date(token.expiresAt) < new Date()
        ? { label: t.expired, color: 'orange.9' }
        : { label: t.active, color: 'teal.9' };

  return (
    <>
      <PageHeader
        title={t.tokensTitle}
        description={t.tokensDescription}
        actions={
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setCreating(true)}
          >
            {t.newToken}
          </Button>
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        {tokens.isPending ? (
          <LoadingRows rows={3} />
        ) : tokens.isError ? (
          <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} />
        ) : tokens.data.length === 0 ? (
          <EmptyState
            icon={<IconApi size={26} aria-hidden />}
            title={t.emptyTitle}
            description={t.emptyBody}
          />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.name}</Table.Th>
                  <Table.Th>{t.scopes}</Table.Th>
                  <Table.Th>{t.createdAt}</Table.Th>
                  <Table.Th>{t.expiresAt}</Table.Th>
                  <Table.Th>{t.lastUsed}</Table.Th>
                  <Table.Th>{t.status}</Table.Th>
                  <Table.Th aria-label="Tindakan" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.map((token) => {
                  const status = statusOf(token);
                  return (
                    <Table.Tr key={token.id}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {token.name}
                        </Text>
                        <Text size="xs" c="dimmed" className="mono">
                          {token.prefix}…
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {token.scopes.map((scope) => (
                            <Badge key={scope} size="xs" variant="light">
                              {scope === 'read' ? t.scopeRead : t.scopeWrite}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td>{formatDate(token.createdAt, timeZone)}</Table.Td>
                      <Table.Td>
                        {token.expiresAt ? formatDate(token.expiresAt, timeZone) : t.noExpiry}
                      </Table.Td>
                      <Table.Td>
                        {token.lastUsedAt ? formatDate(token.lastUsedAt, timeZone) : t.never}
                      </Table.Td>
                      <Table.Td>
                        <Badge size="sm" color={status.color} variant="light">
                          {status.label}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {!token.revokedAt && (
                          <Button
                            size="xs"
                            variant="default"
                            color="red"
                            onClick={() => setRevoking(token)}
                          >
                            {t.revoke}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {creating && <CreateTokenModal onClose={() => setCreating(false)} />}
      <ConfirmDialog
        opened={revoking !== null}
        title={t.revokeTitle}
        message={revoking ? t.revokeBody(revoking.name) : ''}
        confirmLabel={t.revoke}
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => {
          revoke.reset();
          setRevoking(null);
        }}
      />
    </>
  );
}

interface Values {
  name: string;
  read: boolean;
  write: boolean;
  expiresAt: string | null;
}

function CreateTokenModal({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { name: '', read: true, write: false, expiresAt: null },
    validate: {
      name: (v) => (v.trim() ? null : t.nameRequired),
      read: (v, values) => (v || values.write ? null : t.scopeRequired),
    },
  });
  const create = useMutation({
    mutationFn: (values: Values) =>
      api.post<{ token: string }>('/api/auth/tokens', {
        name: values.name.trim(),
        scopes: [...(values.read ? ['read'] : []), ...(values.write ? ['write'] : [])],
        ...(values.expiresAt ? { expiresAt: `${values.expiresAt}T23:59:59Z` } : {}),
      }),
    onSuccess: async (result) => {
      setCreated(result.token);
      await queryClient.invalidateQueries({ queryKey: ['tokens'] });
    },
    onError: (error) => applyFieldError(form, error),
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={t.newTokenTitle}
      size="lg"
      centered
      closeOnClickOutside={!created}
    >
      {created ? (
        <Stack gap="md">
          <Alert color="yellow" variant="light">
            {t.tokenOnce}
          </Alert>
          <Code block style={{ wordBreak: 'break-all' }} data-testid="new-token">
            {created}
          </Code>
          <Group justify="flex-end" gap="xs">
            <CopyButton value={created}>
              {({ copied, copy }) => (
                <Button
                  variant="light"
                  onClick={copy}
                  leftSection={
                    copied ? (
                      <IconCheck size={16} aria-hidden />
                    ) : (
                      <IconCopy size={16} aria-hidden />
                    )
                  }
                >
                  {copied ? t.copied : t.copy}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t.done}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
          <Stack gap="md">
            <MutationError mutation={create} />
            <TextInput
              label={t.tokenName}
              placeholder={t.tokenNamePlaceholder}
              required
              data-autofocus
              {...form.getInputProps('name')}
            />
            <Stack gap={6} role="group" aria-labelledby="token-scopes-label">
              <Text size="sm" fw={500} id="token-scopes-label">
                {t.scopes}
              </Text>
              <Checkbox
                label={t.scopeRead}
                {...form.getInputProps('read', { type: 'checkbox' })}
                error={undefined}
              />
              <Checkbox
                label={t.scopeWrite}
                {...form.getInputProps('write', { type: 'checkbox' })}
              />
              {form.errors.read && (
                <Text size="xs" c="red.9">
                  {form.errors.read}
                </Text>
              )}
            </Stack>
            <DateField
              label={t.expiresAt}
              description={t.expiresHelp}
              {...form.getInputProps('expiresAt')}
            />
            <FormActions onCancel={onClose} pending={create.isPending} submitLabel={t.newToken} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
