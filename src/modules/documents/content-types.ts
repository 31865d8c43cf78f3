import type { AgreementLevel, PactOccasion, SignerRole } from '../../shared/codes.js';

/**
 * What a PK or PI PDF shows, already formatted for print (Indonesian numbers and dates). The
 * layouts (documents/pdf/*) are pure functions of this content and the stamp; the same content
 * and stamp always give the same bytes. Stored in documents.content.
 */
export interface PartyBlock {
  employeeId: string;
  name: string;
  nip: string;
  /** "Pembina Utama Muda (IV/c)" or null when the employee has none (PPPK, Kepala Daerah). */
  pangkat: string | null;
  /** The position title as printed, with "Plt." / "Plh." / "Pj." in front when acting. */
  jabatan: string;
  actingPrefix: 'Plt.' | 'Plh.' | 'Pj.' | null;
}

export interface TenantBlock {
  name: string;
  shortName: string;
  /** data: URL of the Pemda logo (PNG/JPEG), or null for the neutral emblem. */
  logo: string | null;
}

export interface PkIndicatorRow {
  name: string;
  /** Target with satuan, formatted ("85,5 %", "WTP", "70–80 indeks"). */
  target: string;
  /** TW I–IV formatted, when the PK has quarterly targets. */
  quarters: [string, string, string, string] | null;
}

export interface PkObjectiveRow {
  /** "Sasaran Strategis", "Sasaran Program" or "Sasaran Kegiatan" by level. */
  kindLabel: string;
  name: string;
  indicators: PkIndicatorRow[];
}

export interface PkBudgetRow {
  program: string;
  kegiatan: string;
  subKegiatan: string;
  /** "Rp 1.250.000.000" */
  amount: string;
}

export interface PkDocumentContent {
  kind: 'pk';
  tenant: TenantBlock;
  /** "2027", or "2025–2029" for a multi-year PK. */
  yearLabel: string;
  level: AgreementLevel;
  /** The unit of pihak pertama (null for the Pemda PK). */
  unitName: string | null;
  revision: { no: number; reasonLabel: string; note: string } | null;
  first: PartyBlock;
  /** None for the Pemda PK (the Kepala Daerah signs alone). */
  second: PartyBlock | null;
  objectives: PkObjectiveRow[];
  budgets: PkBudgetRow[];
  budgetTotal: string;
  /** "Kota Contoh" */
  place: string;
  /** "10 Januari 2027" */
  dateText: string;
}

export interface PiDocumentContent {
  kind: 'pi';
  tenant: TenantBlock;
  occasion: PactOccasion;
  fiscalYear: number;
  maker: PartyBlock & { instansi: string };
  /** The superior who witnesses ("Menyaksikan"); null when there is none (Kepala Daerah). */
  witness: PartyBlock | null;
  clauses: string[];
  place: string;
  dateText: string;
}

export type DocumentContent = PkDocumentContent | PiDocumentContent;

/** What identifies a rendered file: printed in the footer of every page with the QR code. */
export interface RenderStamp {
  /** documents.code, 12 characters of Crockford base32. */
  code: string;
  /** The URL in the QR code (server/public-url.ts verifyUrl). */
  verifyUrl: string;
  /** Written as the PDF's creation date: fixed per document so rendering is reproducible. */
  createdAt: Date;
  /** A draft preview carries a "KONSEP" watermark and is never stored or signed. */
  draft?: boolean;
}

/** One signature slot, in signing order (seq 1 first). */
export interface SignerSlotInput {
  role: SignerRole;
  party: PartyBlock;
  assignmentKind: 'definitif' | 'plt' | 'plh' | 'pj' | null;
}
