import { Badge, Tooltip } from '@mantine/core';
import type { CertificateStatus, DocumentKind } from '../../../shared/codes.js';
import { certificateStatusLabels, kindLabels } from './strings.js';

/** "ABCD2345EFGH" → "ABCD-2345-EFGH", as printed under the QR code on every page. */
export { formatDocumentCode } from '../../../shared/document-code.js';

/** PK or PI; the long name for screen readers and on hover. */
export function KindBadge({ kind }: { kind: DocumentKind }) {
  const label = kindLabels[kind];
  return (
    <Tooltip label={label.long} withArrow>
      <Badge
        variant="light"
        size="sm"
        bg={kind === 'pk' ? 'indigo.0' : 'grape.0'}
        c={kind === 'pk' ? 'indigo.9' : 'grape.9'}
        miw="max-content"
        style={{ flexShrink: 0 }}
        aria-label={label.long}
      >
        {label.short}
      </Badge>
    </Tooltip>
  );
}

/**
 * "Done" green for small text: the theme's green.9 (#2b8a3e) is 4.1:1 on green.0 and 4.4:1 on
 * white, short of WCAG AA 4.5:1 at badge size; this one is 5.7:1 and 6.1:1.
 */
export const doneGreen = '#237032';

// Text/background pairs that keep WCAG AA contrast at badge size; the word carries the meaning.
const certificateColors: Record<CertificateStatus, { bg: string; c: string }> = {
  active: { bg: 'green.0', c: doneGreen },
  revoked: { bg: 'red.0', c: 'red.9' },
  replaced: { bg: 'gray.1', c: 'gray.8' },
};

export function CertificateStatusBadge({ status }: { status: CertificateStatus }) {
  const colors = certificateColors[status];
  return (
    <Badge variant="light" size="sm" bg={colors.bg} c={colors.c} miw="max-content">
      {certificateStatusLabels[status]}
    </Badge>
  );
}
