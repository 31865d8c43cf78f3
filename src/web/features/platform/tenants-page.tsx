import {
  Badge,
  Button,
  Divider,
  Modal,
  Paper,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconBuildingCommunity, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.js';
import type { Tenant, TenantType, TimeZone } from '../../api/types.js';
import { DataTable } from '../../components/data-table.js';
import { FormActions } from '../../components/form-actions.js';
import { MutationError } from '../../components/mutation-error.js';
import { PageHeader } from '../../components/page.js';
import { EmptyState, ErrorAlert, LoadingRows } from '../../components/states.js';
import { formatDate, zoneLabel } from '../../lib/format.js';
import { applyFieldError, notifySuccess } from '../../lib/forms.js';
import { tenantTypeLabels, timeZoneOptions } from '../tenant/strings.js';
import { platformStrings as t } from './strings.js';

export function TenantsPage() {
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    queryKey: ['platform-tenants'],
    queryFn: () => api.get<{ items: Tenant[] }>('/api/platform/tenants'),
  });
  return (
    <>
      <PageHeader
        title={t.title}
        description={t.description}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
            {t.add}
          </Button>
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        {list.isPending ? (
          <LoadingRows rows={4} />
        ) : list.isError ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <EmptyState
            icon={<IconBuildingCommunity size={26} aria-hidden />}
            title={t.emptyTitle}
            description={t.emptyBody}
            action={
              <Button mt="xs" onClick={() => setAdding(true)}>
                {t.add}
              </Button>
            }
          />
        ) : (
          <DataTable
            minWidth={680}
            head={
              <>
                <Table.Th>{t.name}</Table.Th>
                <Table.Th>{t.type}</Table.Th>
                <Table.Th>{t.regionCode}</Table.Th>
                <Table.Th>{t.zone}</Table.Th>
                <Table.Th>{t.createdAt}</Table.Th>
                <Table.Th>{t.status}</Table.Th>
              </>
            }
          >
            {list.data.items.map((tenant) => (
              <Table.Tr key={tenant.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {tenant.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {tenant.shortName}
                  </Text>
                </Table.Td>
                <Table.Td>{tenantTypeLabels[tenant.type]}</Table.Td>
                <Table.Td className="mono">{tenant.regionCode}</Table.Td>
                <Table.Td>{zoneLabel(tenant.timeZone)}</Table.Td>
                <Table.Td>{formatDate(tenant.createdAt, tenant.timeZone)}</Table.Td>
                <Table.Td>
                  <Badge color={tenant.archived ? 'gray' : 'teal.9'} variant="light" size="sm">
                    {tenant.archived ? t.archived : t.active}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </Paper>
      {adding && <AddTenantModal onClose={() => setAdding(false)} />}
    </>
  );
}

interface Values {
  name: string;
  shortName: string;
  type: TenantType;
  regionCode: string;
  timeZone: TimeZone;
  username: string;
  displayName: string;
  password: string;
}

function AddTenantModal({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: {
      name: '',
      shortName: '',
      type: 'kabupaten',
      regionCode: '',
      timeZone: 'Asia/Jakarta',
      username: '',
      displayName: '',
      password: '',
    },
    validate: {
      name: (v) => (v.trim().length >= 3 ? null : t.required),
      shortName: (v) => (v.trim().length >= 2 ? null : t.required),
      regionCode: (v) => (/^\d{2}(\.\d{2})?$/.test(v.trim()) ? null : t.regionCodeInvalid),
      username: (v) => (v.trim() ? null : t.required),
      displayName: (v) => (v.trim() ? null : t.required),
      password: (v) => (v.length >= 10 ? null : 'Minimal 10 karakter'),
    },
  });
  const create = useMutation({
    mutationFn: (values: Values) =>
      api.post<Tenant>('/api/platform/tenants', {
        name: values.name.trim(),
        shortName: values.shortName.trim(),
        type: values.type,
        regionCode: values.regionCode.trim(),
        timeZone: values.timeZone,
        admin: {
          username: values.username.trim().toLowerCase(),
          displayName: values.displayName.trim(),
          password: values.password,
        },
      }),
    onSuccess: async (tenant) => {
      await queryClient.invalidateQueries({ queryKey: ['platform-tenants'] });
      notifySuccess(t.created, tenant.name);
      onClose();
    },
    onError: (error) =>
      applyFieldError(form, error, {
        'admin.username': 'username',
        'admin.password': 'password',
        'admin.displayName': 'displayName',
        password: 'password',
      }),
  });
  return (
    <Modal opened onClose={onClose} title={t.addTitle} size="lg" centered>
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack gap="md">
          <MutationError mutation={create} />
          <TextInput
            label={t.name}
            placeholder={t.namePlaceholder}
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t.shortName}
              placeholder={t.shortNamePlaceholder}
              required
              {...form.getInputProps('shortName')}
            />
            <Select
              label={t.type}
              data={Object.entries(tenantTypeLabels).map(([value, label]) => ({ value, label }))}
              allowDeselect={false}
              required
              {...form.getInputProps('type')}
            />
            <TextInput
              label={t.regionCode}
              description={t.regionCodeHelp}
              placeholder="71.74"
              required
              {...form.getInputProps('regionCode')}
            />
            <Select
              label={t.timeZone}
              data={timeZoneOptions}
              allowDeselect={false}
              required
              {...form.getInputProps('timeZone')}
            />
          </SimpleGrid>
          <Divider />
          <div>
            <Title order={3} fz="md">
              {t.adminSection}
            </Title>
            <Text size="sm" c="dimmed">
              {t.adminHelp}
            </Text>
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t.adminUsername}
              autoComplete="off"
              required
              {...form.getInputProps('username')}
            />
            <TextInput label={t.adminDisplayName} required {...form.getInputProps('displayName')} />
          </SimpleGrid>
          <PasswordInput
            label={t.adminPassword}
            description={t.adminPasswordHelp}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <FormActions onCancel={onClose} pending={create.isPending} submitLabel={t.add} />
        </Stack>
      </form>
    </Modal>
  );
}
