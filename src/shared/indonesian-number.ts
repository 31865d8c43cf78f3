/**
 * Reading and writing numbers the Indonesian way (REGULATIONS.md): `1,5` and `1.234,5` mean 1.5
 * and 1234.5. Input in the canonical style (`1234.5`) is accepted too, but only where it cannot be
 * read two ways: `1.234` (one dot, exactly three digits after it) is refused with a message, never
 * guessed. Values come out as canonical decimal strings (DECIMAL_PATTERN), never floats.
 * Pure module: the browser bundle imports it too.
 */
import { Decimal } from 'decimal.js';
import { normalizeDecimal } from './target-value.js';

export type ParsedNumber = { ok: true; value: string } | { ok: false; message: string };

export interface ParseOptions {
  /**
   * 'auto' (default; imports, free text): both the Indonesian (`1.234,5`) and the canonical
   * (`1234.5`) style, refusing what could be either (`1.234`).
   * 'indonesian': for inputs that show values through formatIndonesianNumber. A dot is always a
   * thousands separator there, so `1.234` is 1234 and the field's own text always reads back;
   * `1234.5` is refused with a message to use the decimal comma.
   */
  style?: 'auto' | 'indonesian';
}

/** The limits of DECIMAL_PATTERN, checked here so the message can say which one was crossed. */
const maxIntegerDigits = 18;
const maxFractionDigits = 6;

/** Enough significant digits for 18 + 6 digits and the carry of rounding; never the default 20. */
const Exact = Decimal.clone({ precision: 64, rounding: Decimal.ROUND_HALF_UP });

const messages = {
  empty: 'Isi angka.',
  invalidCharacters:
    'Angka hanya boleh berisi digit, titik pemisah ribuan, dan koma desimal, mis. 1.234,5.',
  manyCommas: 'Hanya boleh ada satu koma desimal, mis. 1.234,5.',
  englishStyle: 'Gunakan titik untuk ribuan dan koma untuk desimal, mis. 1.234,5 (bukan 1,234.5).',
  badGrouping: 'Pemisah ribuan harus memisahkan tiap tiga digit, mis. 1.234.567.',
  mixedGrouping: 'Gunakan satu jenis pemisah ribuan saja (titik atau spasi), mis. 1.234.567.',
  missingFraction: 'Tulis angka di belakang koma, mis. 1,5.',
  decimalComma: (integer: string, fraction: string) =>
    `Gunakan koma untuk desimal, mis. ${integer},${fraction}; titik hanya untuk pemisah ribuan.`,
  tooManyIntegerDigits: `Angka terlalu besar: paling banyak ${maxIntegerDigits} digit sebelum koma.`,
  tooManyFractionDigits: `Paling banyak ${maxFractionDigits} angka di belakang koma.`,
} as const;

function ambiguous(text: string, integer: string, fraction: string): string {
  return (
    `Angka "${text}" meragukan: titik bisa berarti pemisah ribuan atau desimal. ` +
    `Tulis ${integer}${fraction} jika maksudnya bilangan ribuan, ` +
    `atau ${integer},${fraction} jika maksudnya desimal.`
  );
}

const fail = (message: string): ParsedNumber => ({ ok: false, message });

/** "1.234.567" or "1 234 567" (a non-zero first group of 1–3 digits, then groups of three). */
const dotGrouped = /^[1-9]\d{0,2}(\.\d{3})+$/;
const spaceGrouped = /^[1-9]\d{0,2}( \d{3})+$/;

/** Reads the integer part, plain ("1234") or grouped ("1.234", "1 234"); null when malformed. */
function readIntegerPart(part: string): { digits: string } | { message: string } {
  if (part === '') return { digits: '0' };
  if (/^\d+$/.test(part)) return { digits: part };
  const hasDot = part.includes('.');
  const hasSpace = part.includes(' ');
  if (hasDot && hasSpace) return { message: messages.mixedGrouping };
  if (dotGrouped.test(part) || spaceGrouped.test(part))
    return { digits: part.replace(/[. ]/g, '') };
  return { message: messages.badGrouping };
}

/** Builds the canonical value from digit strings, checking the size limits. */
function canonical(negative: boolean, integerDigits: string, fractionDigits: string): ParsedNumber {
  const integer = integerDigits.replace(/^0+(?=\d)/, '');
  const fraction = fractionDigits.replace(/0+$/, '');
  if (integer.length > maxIntegerDigits) return fail(messages.tooManyIntegerDigits);
  if (fraction.length > maxFractionDigits) return fail(messages.tooManyFractionDigits);
  const text = `${negative ? '-' : ''}${integer}${fraction ? `.${fraction}` : ''}`;
  return { ok: true, value: normalizeDecimal(text) };
}

/**
 * Parses a number typed by a person. Accepted: `1234`, `1.234.567`, `1 234 567`, `1,5`,
 * `1.234,5`, `-2,75`, and the canonical `1234.5` / `0.125` / `1.5` (a dot that cannot be a
 * thousands separator). Refused with an Indonesian message: empty text, letters, several commas,
 * bad grouping (`1.23.4`), English style (`1,234.5`), the ambiguous `1.234`, and values beyond
 * 18 integer digits or 6 decimals. With `{ style: 'indonesian' }` a dot only groups thousands
 * (see ParseOptions): what formatIndonesianNumber wrote always parses back.
 */
export function parseIndonesianNumber(text: string, options: ParseOptions = {}): ParsedNumber {
  const indonesianOnly = options.style === 'indonesian';
  // NBSP and narrow NBSP (what spreadsheets and browsers paste) count as plain spaces.
  const cleaned = text.replace(/[\u00a0\u202f]/g, ' ').trim();
  if (cleaned === '') return fail(messages.empty);

  let body = cleaned;
  let negative = false;
  if (body.startsWith('-') || body.startsWith('\u2212')) {
    negative = true;
    body = body.slice(1).trimStart();
  }
  if (body === '') return fail(messages.empty);
  if (!/^[\d., ]+$/.test(body)) return fail(messages.invalidCharacters);
  // A space may separate groups of digits only, never sit next to a comma or dot.
  if (/ {2,}|[ ][.,]|[.,][ ]/.test(body)) return fail(messages.badGrouping);

  const commas = body.split(',').length - 1;
  if (commas > 1) return fail(messages.manyCommas);

  if (commas === 1) {
    const [integerPart = '', fractionPart = ''] = body.split(',');
    if (fractionPart.includes('.')) return fail(messages.englishStyle);
    if (fractionPart === '') return fail(messages.missingFraction);
    if (!/^\d+$/.test(fractionPart)) return fail(messages.badGrouping);
    const integer = readIntegerPart(integerPart);
    if ('message' in integer) return fail(integer.message);
    return canonical(negative, integer.digits, fractionPart);
  }

  const dots = body.split('.').length - 1;
  if (dots === 1 && indonesianOnly) {
    const [integerPart = '', fractionPart = ''] = body.split('.');
    if (/^\d*$/.test(integerPart) && /^\d+$/.test(fractionPart) && !dotGrouped.test(body))
      return fail(messages.decimalComma(integerPart || '0', fractionPart));
  } else if (dots === 1) {
    const [integerPart = '', fractionPart = ''] = body.split('.');
    if (/^\d+$/.test(integerPart) && /^\d+$/.test(fractionPart)) {
      // "1.234" could be one thousand two hundred thirty-four or one point two three four. It is
      // unambiguous only when the part before the dot cannot start a thousands group (0, or more
      // than three digits) or the part after it is not exactly three digits.
      const couldBeGrouping =
        fractionPart.length === 3 && integerPart.length <= 3 && !integerPart.startsWith('0');
      if (couldBeGrouping) return fail(ambiguous(cleaned, integerPart, fractionPart));
      return canonical(negative, integerPart, fractionPart);
    }
    if (integerPart === '' && /^\d+$/.test(fractionPart)) return fail(messages.invalidCharacters);
  }
  const integer = readIntegerPart(body);
  if ('message' in integer) return fail(integer.message);
  return canonical(negative, integer.digits, '');
}

const canonicalPattern = /^-?\d+(\.\d+)?$/;

function groupThousands(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * "1234.5" → "1.234,5". With fractionDigits the value is rounded half-up to exactly that many
 * decimals (2 → "107,14", "100,00"); without, the decimals are shown as given. Text that is not a
 * canonical decimal is returned unchanged so a screen never crashes on odd data.
 */
export function formatIndonesianNumber(decimal: string, fractionDigits?: number): string {
  const text = decimal.trim();
  if (!canonicalPattern.test(text)) return decimal;
  const fixed = fractionDigits === undefined ? text : new Exact(text).toFixed(fractionDigits);
  const negative = fixed.startsWith('-');
  const [integer = '0', fraction] = (negative ? fixed.slice(1) : fixed).split('.');
  const isZero = /^0*$/.test(integer) && (fraction === undefined || /^0*$/.test(fraction));
  const sign = negative && !isZero ? '-' : '';
  const grouped = groupThousands(integer.replace(/^0+(?=\d)/, ''));
  return `${sign}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/**
 * Rupiah: "1250000000.00" → "Rp 1.250.000.000"; cents only when not zero ("Rp 1.250,50"),
 * rounded half-up to whole cents; negative amounts as "-Rp 5.000".
 */
export function formatRupiah(decimal: string): string {
  const text = decimal.trim();
  if (!canonicalPattern.test(text)) return `Rp ${decimal}`;
  const rounded = new Exact(text).toFixed(2);
  const whole = rounded.endsWith('.00');
  const formatted = formatIndonesianNumber(whole ? rounded.slice(0, -3) : rounded);
  return formatted.startsWith('-') ? `-Rp ${formatted.slice(1)}` : `Rp ${formatted}`;
}
