import { describe, expect, it } from 'vitest';
import { readTenantSettings } from '../../modules/tenants/settings.js';
import type { CapaianBand } from '../codes.js';
import {
  bandLabel,
  bandOf,
  capaianFromStored,
  defaultCapaianRules,
  formatCapaian,
  formatCapaianValue,
  requiresExplanation,
  rulesFromSettings,
} from './index.js';
import type { Capaian } from './types.js';

const rules = defaultCapaianRules;

describe('bandOf (lower bounds on the rounded value)', () => {
  it.each<[string, CapaianBand]>([
    ['120', 'sangat_tinggi'],
    ['91', 'sangat_tinggi'],
    ['90.99', 'tinggi'],
    ['76', 'tinggi'],
    ['75.99', 'sedang'],
    ['66', 'sedang'],
    ['65.99', 'rendah'],
    ['51', 'rendah'],
    ['50.99', 'sangat_rendah'],
    ['0', 'sangat_rendah'],
  ])('%s → %s', (value, band) => {
    expect(bandOf(value, rules)).toBe(band);
  });

  it('follows the tenant bands', () => {
    const custom = rulesFromSettings({
      cap: '110',
      zeroTargetRule: 'zero',
      bands: {
        sangat_tinggi: { min: 100, label: 'Istimewa' },
        tinggi: { min: 90, label: 'Baik' },
        sedang: { min: 70, label: 'Cukup' },
        rendah: { min: 50, label: 'Kurang' },
        sangat_rendah: { min: 0, label: 'Buruk' },
      },
    });
    expect(bandOf('95', custom)).toBe('tinggi');
    expect(bandLabel('tinggi', custom)).toBe('Baik');
    expect(custom.cap).toBe('110');
    expect(custom.zeroTargetRule).toBe('zero');
  });

  it('labels the default bands', () => {
    expect(bandLabel('sangat_tinggi', rules)).toBe('Sangat Tinggi');
    expect(bandLabel('sangat_rendah', rules)).toBe('Sangat Rendah');
  });
});

describe('requiresExplanation', () => {
  const a = (band: CapaianBand): Capaian => ({ assessed: true, value: '1', band, capped: false });
  it.each<[CapaianBand, boolean]>([
    ['sangat_tinggi', false],
    ['tinggi', false],
    ['sedang', false],
    ['rendah', true],
    ['sangat_rendah', true],
  ])('%s → %s', (band, expected) => {
    expect(requiresExplanation(a(band), rules)).toBe(expected);
  });

  it('not for "not assessed" (the missing-at-deadline rule is the workflow\'s)', () => {
    expect(
      requiresExplanation({ assessed: false, reason: 'no_realisasi', message: 'x' }, rules),
    ).toBe(false);
  });
});

describe('formatCapaian', () => {
  it.each<[Capaian, string]>([
    [{ assessed: true, value: '107.14', band: 'sangat_tinggi', capped: false }, '107,14 %'],
    [{ assessed: true, value: '87.5', band: 'tinggi', capped: false }, '87,50 %'],
    [{ assessed: true, value: '100', band: 'sangat_tinggi', capped: false }, '100,00 %'],
    [{ assessed: true, value: '1200', band: 'sangat_tinggi', capped: false }, '1.200,00 %'],
    [{ assessed: false, reason: 'no_realisasi', message: 'x' }, '-'],
  ])('%j → %s', (c, text) => {
    expect(formatCapaian(c)).toBe(text);
  });

  it('formats stored values', () => {
    expect(formatCapaianValue('75.00')).toBe('75,00 %');
    expect(formatCapaianValue(null)).toBe('-');
  });
});

describe('rulesFromSettings and stored values', () => {
  it('defaults when settings are missing', () => {
    expect(rulesFromSettings(undefined)).toEqual(defaultCapaianRules);
  });

  it('the tenant defaults are the engine defaults', () => {
    expect(rulesFromSettings(readTenantSettings({}).monitoring)).toEqual(defaultCapaianRules);
  });

  it('reads a stored column back', () => {
    expect(capaianFromStored('120.00', rules)).toEqual({
      assessed: true,
      value: '120',
      band: 'sangat_tinggi',
      capped: true,
    });
    expect(capaianFromStored('90.50', rules)).toMatchObject({ value: '90.5', band: 'tinggi' });
    expect(capaianFromStored(null, rules)).toMatchObject({
      assessed: false,
      reason: 'no_realisasi',
    });
  });
});
