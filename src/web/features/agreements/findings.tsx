import type { ComponentProps } from 'react';
import { QualityFindings } from '../../components/quality-findings.js';
import type { QualityFinding } from './types.js';

type SharedFindings = ComponentProps<typeof QualityFindings>['findings'];

/**
 * The PK's quality findings through the shared <QualityFindings> list. A PK adds one rule of its
 * own ("QUARTER_PLAN", the TW I–IV check) that the shared type does not list; the component only
 * uses the rule as a key and a data attribute, so passing it through is safe.
 */
export function FindingList({
  findings,
  compact = false,
  title,
}: {
  findings: QualityFinding[];
  compact?: boolean;
  title?: string;
}) {
  if (findings.length === 0 && compact) return null;
  return (
    <QualityFindings
      findings={findings as unknown as SharedFindings}
      compact={compact}
      {...(title ? { title } : {})}
    />
  );
}
