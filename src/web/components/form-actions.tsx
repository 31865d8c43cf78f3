import { Button, Group } from '@mantine/core';
import { common } from '../strings.js';

/** A modal form's footer: Cancel and a submit button, both locked while the form saves. */
export function FormActions({
  onCancel,
  pending,
  submitLabel,
}: {
  onCancel: () => void;
  pending: boolean;
  submitLabel: string;
}) {
  return (
    <Group justify="flex-end" gap="xs">
      <Button variant="default" onClick={onCancel} disabled={pending}>
        {common.cancel}
      </Button>
      <Button type="submit" loading={pending} disabled={pending}>
        {submitLabel}
      </Button>
    </Group>
  );
}
