import type { DocumentVerification, UploadVerification } from './api.js';
import { verifyStrings as t } from './strings.js';

/**
 * The one-line answer a reader looks for, decided from the API result. Pure, so it is unit
 * tested: which colour and words go with which outcome is the part people act on.
 */
export type Tone =
  | 'valid'
  | 'superseded'
  | 'pending'
  | 'void'
  | 'outdated'
  | 'modified'
  | 'unknown';

export interface Verdict {
  tone: Tone;
  title: string;
  body: string;
  /** Extra facts under the body (what changed, which version). */
  notes: string[];
}

/** Colour per tone; the title and icon say the same, so colour is never the only signal. */
export const toneColor: Record<Tone, string> = {
  valid: 'green',
  superseded: 'yellow',
  pending: 'blue',
  void: 'gray',
  outdated: 'yellow',
  modified: 'red',
  unknown: 'gray',
};

export function documentVerdict(doc: DocumentVerification): Verdict {
  switch (doc.status) {
    case 'ditandatangani':
      return { tone: 'valid', ...t.verdicts.valid, notes: [] };
    case 'digantikan':
      return { tone: 'superseded', ...t.verdicts.superseded, notes: [] };
    case 'menunggu_tanda_tangan':
      return { tone: 'pending', ...t.verdicts.pending, notes: [] };
    case 'dibatalkan':
      return { tone: 'void', ...t.verdicts.void, notes: [] };
  }
}

export function uploadVerdict(result: UploadVerification): Verdict {
  const broken = result.signatures.some((s) => s.integrity !== 'valid');
  const notes: string[] = [];
  if (result.signatures.some((s) => s.integrity === 'digest_mismatch'))
    notes.push(t.contentChanged);
  if (
    result.signatures.some((s) => s.integrity === 'bad_signature' || s.integrity === 'malformed')
  ) {
    notes.push(t.badSignature);
  }
  if (result.changedAfterLastSignature) notes.push(t.changedAfter);

  if (result.match === 'modified' || (result.match === 'exact' && broken)) {
    return { tone: 'modified', ...t.verdicts.modified, notes };
  }
  if (result.match === 'unknown' || !result.document) {
    return { tone: 'unknown', ...t.verdicts.unknown, notes };
  }
  const version = result.version;
  if (version && !version.isCurrent) {
    return {
      tone: 'outdated',
      title: t.verdicts.outdated.title,
      body: t.verdicts.outdated.body(version.label),
      notes,
    };
  }
  const verdict = documentVerdict(result.document);
  return { ...verdict, notes: version ? [t.exactNote(version.label), ...notes] : notes };
}
