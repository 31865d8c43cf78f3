import {
  ActionIcon,
  Alert,
  Button,
  Divider,
  Group,
  Modal,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconLock, IconLockOpen, IconTrash, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.js';
import type { User } from '../../api/types.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorAlert } from '../../components/states.js';
import { formatDateTime, formatNip } from '../../lib/format.js';
import { notifySuccess } from '../../lib/forms.js';
import { useTimeZone } from '../../session.js';
import { roleLabel } from '../../strings.js';
import { UnitSelect } from '../org/unit-select.js';
import { roleOptions } from './role-options.js';
import { userStrings as t } from './strings.js';

type Confirm = 'disable' | 'reset' | null;

/** Everything an admin does to one account: name, roles, enable/disable, reset, unlock. */
export function ManageUserModal({ user, onClose }: { user: User; onClose: () => void }) {
  const queryClient = useQueryClient();
  const timeZone = useTimeZone();
  const p = user.permissions;
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [password, setPassword] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['users'] });

  const update = useMutation({
    mutationFn: (body: { displayName?: string; status?: 'active' | 'disabled' }) =>
      api.patch<User>(`/api/users/${user.id}`, { version: user.version, ...body }),
    onSuccess: async (_u, body) => {
      await refresh();
      notifySuccess(
        body.status === 'disabled'
          ? t.disabledDone
          : body.status === 'active'
            ? t.enabledDone
            : t.saved,
      );
      setConfirm(null);
    },
  });
  const grant = useMutation({
    mutationFn: () => api.post(`/api/users/${user.id}/roles`, { role, unitId }),
    onSuccess: async () => {
      await refresh();
      notifySuccess(t.roleAdded);
      setRole(null);
      setUnitId(null);
    },
  });
  const revoke = useMutation({
    mutationFn: (grantId: string) => api.delete(`/api/users/${user.id}/roles/${grantId}`),
    onSuccess: async () => {
      await refresh();
      notifySuccess(t.roleRemoved);
    },
  });
  const unlock = useMutation({
    mutationFn: () => api.post(`/api/users/${user.id}/unlock`),
    onSuccess: async () => {
      await refresh();
      notifySuccess(t.unlocked);
    },
  });
  const reset = useMutation({
    mutationFn: () => api.post(`/api/users/${user.id}/reset-password`, { password }),
    onSuccess: async () => {
      await refresh();
      notifySuccess(t.resetDone);
      setConfirm(null);
      setPassword('');
    },
  });

  return (
    <>
      <Modal
        opened={confirm === null}
        onClose={onClose}
        title={t.manageTitle(user.displayName)}
        size="lg"
        centered
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {user.username} · {t.linkedEmployee}:{' '}
            {user.employee
              ? `${user.employee.fullName}${user.employee.nip ? ` (NIP ${formatNip(user.employee.nip)})` : ''}`
              : t.noEmployee}
          </Text>
          {user.locked && (
            <Alert color="red" variant="light" icon={<IconLock size={18} aria-hidden />}>
              <Group justify="space-between">
                <Text size="sm">{t.lockedUntil(formatDateTime(user.lockedUntil, timeZone))}</Text>
                {p.unlock && (
                  <Button
                    size="xs"
                    leftSection={<IconLockOpen size={14} aria-hidden />}
                    onClick={() => unlock.mutate()}
                    loading={unlock.isPending}
                  >
                    {t.unlock}
                  </Button>
                )}
              </Group>
            </Alert>
          )}
          {unlock.isError && <ErrorAlert error={unlock.error} />}

          <Title order={3} fz="md">
            {t.profile}
          </Title>
          <Group align="flex-end" gap="xs">
            <TextInput
              label={t.displayName}
              value={displayName}
              onChange={(e) => setDisplayName(e.currentTarget.value)}
              disabled={!p.update}
              style={{ flex: 1 }}
            />
            {p.update && (
              <Button
                variant="default"
                onClick={() => update.mutate({ displayName: displayName.trim() })}
                disabled={
                  displayName.trim() === user.displayName ||
                  displayName.trim().length < 2 ||
                  update.isPending
                }
                loading={update.isPending && confirm === null}
              >
                {t.saveProfile}
              </Button>
            )}
          </Group>
          {update.isError && confirm === null && <ErrorAlert error={update.error} />}

          <Divider />
          <Title order={3} fz="md">
            {t.rolesSection}
          </Title>
          {user.roles.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t.noRoles}
            </Text>
          ) : (
            <Stack gap={6}>
              {user.roles.map((r) => (
                <Group key={r.id} justify="space-between" wrap="nowrap">
                  <Text size="sm">
                    <Text span fw={500} inherit>
                      {roleLabel(r.role)}
                    </Text>
                    <Text span c="dimmed" inherit>
                      {' · '}
                      {r.unitName ?? t.wholeTenant}
                    </Text>
                  </Text>
                  {r.permissions.revoke && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      onClick={() => revoke.mutate(r.id)}
                      loading={revoke.isPending && revoke.variables === r.id}
                      aria-label={t.removeRoleLabel(roleLabel(r.role))}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  )}
                </Group>
              ))}
            </Stack>
          )}
          {revoke.isError && <ErrorAlert error={revoke.error} />}
          {p.manageRoles && (
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select label={t.role} data={roleOptions} value={role} onChange={setRole} />
                <UnitSelect
                  label={t.unitScope}
                  placeholder={t.unitScopePlaceholder}
                  value={unitId}
                  onChange={setUnitId}
                />
              </SimpleGrid>
              <Group justify="flex-end">
                <Button
                  variant="light"
                  onClick={() => grant.mutate()}
                  disabled={!role || grant.isPending}
                  loading={grant.isPending}
                >
                  {t.addRole}
                </Button>
              </Group>
              {grant.isError && <ErrorAlert error={grant.error} />}
            </Stack>
          )}

          <Divider />
          <Title order={3} fz="md">
            {t.accountSection}
          </Title>
          <Group gap="xs">
            {p.resetPassword && (
              <Button variant="default" onClick={() => setConfirm('reset')}>
                {t.resetPassword}
              </Button>
            )}
            {p.disable && (
              <Button
                variant="default"
                color="red"
                leftSection={<IconUserOff size={16} aria-hidden />}
                onClick={() => setConfirm('disable')}
              >
                {t.disable}
              </Button>
            )}
            {p.enable && (
              <Button
                variant="default"
                leftSection={<IconUserCheck size={16} aria-hidden />}
                onClick={() => update.mutate({ status: 'active' })}
                loading={update.isPending}
              >
                {t.enable}
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
      <ConfirmDialog
        opened={confirm === 'disable'}
        title={t.disable}
        message={t.disableBody}
        confirmLabel={t.disable}
        pending={update.isPending}
        error={update.error}
        onConfirm={() => update.mutate({ status: 'disabled' })}
        onClose={() => {
          update.reset();
          setConfirm(null);
        }}
      />
      <ConfirmDialog
        opened={confirm === 'reset'}
        title={t.resetTitle}
        message={t.resetBody}
        confirmLabel={t.resetPassword}
        color="amanah"
        pending={reset.isPending}
        error={reset.error}
        onConfirm={() => password && reset.mutate()}
        onClose={() => {
          reset.reset();
          setConfirm(null);
        }}
      >
        <PasswordInput
          label={t.newPassword}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          autoComplete="new-password"
          data-autofocus
        />
      </ConfirmDialog>
    </>
  );
}
