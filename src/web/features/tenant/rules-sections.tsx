import {
  Divider,
  Grid,
  Paper,
  Radio,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { useForm } from '@mantine/form';
import { Fragment } from 'react';
import { qualityRules, qualitySeverities } from '../../../shared/codes.js';
import { qualityRuleText, severityLabels } from '../../components/quality-strings.js';
import { tenantStrings as t } from './strings.js';
import type { TenantFormValues } from './types.js';

// @mantine/form's own UseFormReturnType is not reachable under NodeNext resolution.
type TenantForm = ReturnType<typeof useForm<TenantFormValues>>;

const deadlineOptions = [1, 2, 3].map((months) => ({
  value: String(months),
  label: t.deadlineMonths(months),
}));

/** Per quality rule: a warning for the drafter, or an error that blocks submitting a PK. */
export function QualityRulesSection({ form, disabled }: { form: TenantForm; disabled: boolean }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="lg" mb="xs">
        {t.quality}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t.qualityHelp}
      </Text>
      <Stack gap="sm">
        {qualityRules.map((rule, index) => (
          <Fragment key={rule}>
            {index > 0 && <Divider />}
            <Radio.Group
              label={qualityRuleText[rule].label}
              description={qualityRuleText[rule].description}
              data-testid={`quality-severity-${rule}`}
              {...form.getInputProps(`severity.${rule}`)}
            >
              <Grid gutter="xs" mt={6}>
                {qualitySeverities.map((severity) => (
                  <Grid.Col key={severity} span="content">
                    <Radio
                      value={severity}
                      label={severityLabels[severity]}
                      color={severity === 'error' ? 'red' : undefined}
                      disabled={disabled}
                    />
                  </Grid.Col>
                ))}
              </Grid>
            </Radio.Group>
          </Fragment>
        ))}
      </Stack>
    </Paper>
  );
}

/** How far PKs go down, and when they are due after the DPA. */
export function AgreementSettingsSection({
  form,
  disabled,
}: {
  form: TenantForm;
  disabled: boolean;
}) {
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="lg" mb="md">
        {t.agreements}
      </Title>
      <Stack gap="md">
        <Switch
          label={t.includePelaksana}
          description={t.includePelaksanaHelp}
          disabled={disabled}
          {...form.getInputProps('includePelaksana', { type: 'checkbox' })}
        />
        <Select
          label={t.deadline}
          description={t.deadlineHelp}
          data={deadlineOptions}
          allowDeselect={false}
          disabled={disabled}
          {...form.getInputProps('deadlineMonthsAfterDpa')}
        />
      </Stack>
    </Paper>
  );
}

/** Who makes the signatures, whether signing also asks for TOTP, and the printed place. */
export function SigningSettingsSection({
  form,
  disabled,
}: {
  form: TenantForm;
  disabled: boolean;
}) {
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="lg" mb="md">
        {t.signing}
      </Title>
      <Stack gap="md">
        <Select
          label={t.signingProvider}
          description={t.signingProviderHelp}
          data={(['builtin', 'bsre'] as const).map((value) => ({
            value,
            label: t.signingProviders[value],
          }))}
          allowDeselect={false}
          disabled={disabled}
          {...form.getInputProps('signingProvider')}
        />
        <Switch
          label={t.signingTotp}
          description={t.signingTotpHelp}
          disabled={disabled}
          {...form.getInputProps('requireTotpForSigning', { type: 'checkbox' })}
        />
        <TextInput
          label={t.signingPlace}
          description={t.signingPlaceHelp}
          maxLength={100}
          disabled={disabled}
          {...form.getInputProps('signingPlace')}
        />
      </Stack>
    </Paper>
  );
}
