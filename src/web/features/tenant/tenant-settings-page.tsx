import {
  Button,
  FileButton,
  Grid,
  Group,
  Image,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { qualityRules } from '../../../shared/codes.js';
import { api } from '../../api/client.js';
import { Field } from '../../components/field.js';
import { MutationError } from '../../components/mutation-error.js';
import { PageHeader } from '../../components/page.js';
import { ErrorAlert, LoadingRows } from '../../components/states.js';
import { applyFieldError, notifySuccess } from '../../lib/forms.js';
import { sessionQuery } from '../../session.js';
import { common } from '../../strings.js';
import {
  AgreementSettingsSection,
  QualityRulesSection,
  SigningSettingsSection,
} from './rules-sections.js';
import { tenantStrings as t, tenantTypeLabels, timeZoneOptions } from './strings.js';
import type { TenantWithSettings as Tenant, TenantFormValues as Values } from './types.js';

export function TenantSettingsPage() {
  const tenant = useQuery({ queryKey: ['tenant'], queryFn: () => api.get<Tenant>('/api/tenant') });
  return (
    <>
      <PageHeader title={t.title} description={t.description} />
      {tenant.isPending ? (
        <LoadingRows rows={6} />
      ) : tenant.isError ? (
        <ErrorAlert error={tenant.error} onRetry={() => void tenant.refetch()} />
      ) : (
        <TenantForm key={tenant.data.version} tenant={tenant.data} />
      )}
    </>
  );
}

const maxLogoBytes = 200 * 1024;
const logoTypes = ['image/png', 'image/jpeg', 'image/svg+xml'];

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function TenantForm({ tenant }: { tenant: Tenant }) {
  const queryClient = useQueryClient();
  // undefined = unchanged, null = remove, string = new data URL
  const [logo, setLogo] = useState<string | null | undefined>(undefined);
  const [logoError, setLogoError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      name: tenant.name,
      shortName: tenant.shortName,
      timeZone: tenant.timeZone,
      requireTotpForAdmins: tenant.settings.security.requireTotpForAdmins,
      requireTotpForSigners: tenant.settings.security.requireTotpForSigners,
      severity: { ...tenant.settings.quality.severity },
      includePelaksana: tenant.settings.agreements.includePelaksana,
      deadlineMonthsAfterDpa: String(tenant.settings.agreements.deadlineMonthsAfterDpa),
      signingProvider: tenant.settings.signing.provider,
      requireTotpForSigning: tenant.settings.signing.requireTotp,
      signingPlace: tenant.settings.signing.place,
    },
    validate: {
      name: (v) => (v.trim().length >= 3 ? null : 'Isi nama Pemda'),
      shortName: (v) => (v.trim().length >= 2 ? null : 'Isi nama singkat'),
    },
  });

  const save = useMutation({
    mutationFn: (values: Values) =>
      api.patch<Tenant>('/api/tenant', {
        version: tenant.version,
        name: values.name.trim(),
        shortName: values.shortName.trim(),
        timeZone: values.timeZone,
        ...(logo !== undefined ? { logo } : {}),
        // Every section this page edits is sent; the server merges by section.
        settings: {
          security: {
            requireTotpForAdmins: values.requireTotpForAdmins,
            requireTotpForSigners: values.requireTotpForSigners,
          },
          quality: {
            severity: Object.fromEntries(qualityRules.map((rule) => [rule, values.severity[rule]])),
          },
          agreements: {
            includePelaksana: values.includePelaksana,
            deadlineMonthsAfterDpa: Number(values.deadlineMonthsAfterDpa),
          },
          signing: {
            provider: values.signingProvider,
            requireTotp: values.requireTotpForSigning,
            place: values.signingPlace.trim(),
          },
        },
      }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['tenant'], saved);
      await queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
      notifySuccess(t.saved, saved.name);
      setLogo(undefined);
    },
    onError: (error) => applyFieldError(form, error),
  });

  const pickLogo = async (file: File | null) => {
    if (!file) return;
    if (!logoTypes.includes(file.type)) return setLogoError(t.logoWrongType);
    if (file.size > maxLogoBytes) return setLogoError(t.logoTooBig);
    setLogoError(null);
    setLogo(await readAsDataUrl(file));
  };

  const preview =
    logo === undefined ? (tenant.hasLogo ? `/api/tenant/logo?v=${tenant.version}` : null) : logo;
  const canEdit = tenant.permissions.update !== false;

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="lg">
        <MutationError mutation={save} />
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Paper withBorder p="md">
              <Title order={2} fz="lg" mb="md">
                {t.identity}
              </Title>
              <Stack gap="md">
                <TextInput
                  label={t.name}
                  placeholder={t.namePlaceholder}
                  required
                  {...form.getInputProps('name')}
                />
                <TextInput
                  label={t.shortName}
                  placeholder={t.shortNamePlaceholder}
                  required
                  {...form.getInputProps('shortName')}
                />
                <Select
                  label={t.timeZone}
                  description={t.timeZoneHelp}
                  data={timeZoneOptions}
                  allowDeselect={false}
                  {...form.getInputProps('timeZone')}
                />
                <Group grow>
                  <Field label={t.type}>{tenantTypeLabels[tenant.type] ?? tenant.type}</Field>
                  <Field label={t.regionCode}>{tenant.regionCode}</Field>
                </Group>
              </Stack>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="lg">
              <Paper withBorder p="md">
                <Title order={2} fz="lg" mb="xs">
                  {t.logo}
                </Title>
                <Text size="sm" c="dimmed" mb="md">
                  {t.logoHelp}
                </Text>
                <Group align="center" gap="md">
                  <Paper
                    withBorder
                    p="xs"
                    w={96}
                    h={96}
                    style={{ display: 'flex', alignItems: 'center', justifyContent: 'center' }}
                  >
                    {preview ? (
                      <Image src={preview} alt={t.logoAlt} maw={80} mah={80} fit="contain" />
                    ) : (
                      <Text size="xs" c="dimmed" ta="center">
                        {t.logoNone}
                      </Text>
                    )}
                  </Paper>
                  <Stack gap="xs">
                    <FileButton
                      onChange={(file) => void pickLogo(file)}
                      accept={logoTypes.join(',')}
                    >
                      {(props) => (
                        <Button
                          {...props}
                          variant="default"
                          leftSection={<IconUpload size={16} aria-hidden />}
                          disabled={!canEdit}
                        >
                          {t.logoChoose}
                        </Button>
                      )}
                    </FileButton>
                    {preview && (
                      <Button
                        variant="subtle"
                        color="red"
                        onClick={() => setLogo(null)}
                        disabled={!canEdit}
                      >
                        {t.logoRemove}
                      </Button>
                    )}
                  </Stack>
                </Group>
                {logoError && (
                  <Text size="sm" c="red.9" mt="xs" role="alert">
                    {logoError}
                  </Text>
                )}
              </Paper>
              <Paper withBorder p="md">
                <Title order={2} fz="lg" mb="md">
                  {t.security}
                </Title>
                <Stack gap="md">
                  <Switch
                    label={t.requireTotpForAdmins}
                    description={t.requireTotpForAdminsHelp}
                    {...form.getInputProps('requireTotpForAdmins', { type: 'checkbox' })}
                  />
                  <Switch
                    label={t.requireTotpForSigners}
                    description={t.requireTotpForSignersHelp}
                    {...form.getInputProps('requireTotpForSigners', { type: 'checkbox' })}
                  />
                </Stack>
              </Paper>
            </Stack>
          </Grid.Col>
        </Grid>
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <QualityRulesSection form={form} disabled={!canEdit} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="lg">
              <AgreementSettingsSection form={form} disabled={!canEdit} />
              <SigningSettingsSection form={form} disabled={!canEdit} />
            </Stack>
          </Grid.Col>
        </Grid>
        {canEdit && (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={save.isPending}>
              {common.save}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
