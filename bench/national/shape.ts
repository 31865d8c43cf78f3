import type { TenantType, TimeZone } from '../../src/shared/codes.js';

/**
 * The shape of the synthetic nation: 38 provinces and their 508 autonomous kabupaten/kota
 * (546 Pemda), each Pemda with 25–60 perangkat daerah. Deterministic: everything derives from
 * a seed and the Pemda's position in the full list, so a 10 % load is the first tenth of the
 * 100 % one and loading can grow step by step.
 */

export interface Province {
  code: string;
  name: string;
  timeZone: TimeZone;
  /** Autonomous kabupaten + kota (DKI Jakarta's are administrative: none). */
  regencies: number;
}

/** Province codes as Kemendagri numbers them (Papua split in 2022). */
export const provinces: readonly Province[] = [
  { code: '11', name: 'Aceh', timeZone: 'Asia/Jakarta', regencies: 23 },
  { code: '12', name: 'Sumatera Utara', timeZone: 'Asia/Jakarta', regencies: 33 },
  { code: '13', name: 'Sumatera Barat', timeZone: 'Asia/Jakarta', regencies: 19 },
  { code: '14', name: 'Riau', timeZone: 'Asia/Jakarta', regencies: 12 },
  { code: '15', name: 'Jambi', timeZone: 'Asia/Jakarta', regencies: 11 },
  { code: '16', name: 'Sumatera Selatan', timeZone: 'Asia/Jakarta', regencies: 17 },
  { code: '17', name: 'Bengkulu', timeZone: 'Asia/Jakarta', regencies: 10 },
  { code: '18', name: 'Lampung', timeZone: 'Asia/Jakarta', regencies: 15 },
  { code: '19', name: 'Kepulauan Bangka Belitung', timeZone: 'Asia/Jakarta', regencies: 7 },
  { code: '21', name: 'Kepulauan Riau', timeZone: 'Asia/Jakarta', regencies: 7 },
  { code: '31', name: 'DKI Jakarta', timeZone: 'Asia/Jakarta', regencies: 0 },
  { code: '32', name: 'Jawa Barat', timeZone: 'Asia/Jakarta', regencies: 27 },
  { code: '33', name: 'Jawa Tengah', timeZone: 'Asia/Jakarta', regencies: 35 },
  { code: '34', name: 'DI Yogyakarta', timeZone: 'Asia/Jakarta', regencies: 5 },
  { code: '35', name: 'Jawa Timur', timeZone: 'Asia/Jakarta', regencies: 38 },
  { code: '36', name: 'Banten', timeZone: 'Asia/Jakarta', regencies: 8 },
  { code: '51', name: 'Bali', timeZone: 'Asia/Makassar', regencies: 9 },
  { code: '52', name: 'Nusa Tenggara Barat', timeZone: 'Asia/Makassar', regencies: 10 },
  { code: '53', name: 'Nusa Tenggara Timur', timeZone: 'Asia/Makassar', regencies: 22 },
  { code: '61', name: 'Kalimantan Barat', timeZone: 'Asia/Jakarta', regencies: 14 },
  { code: '62', name: 'Kalimantan Tengah', timeZone: 'Asia/Jakarta', regencies: 14 },
  { code: '63', name: 'Kalimantan Selatan', timeZone: 'Asia/Makassar', regencies: 13 },
  { code: '64', name: 'Kalimantan Timur', timeZone: 'Asia/Makassar', regencies: 10 },
  { code: '65', name: 'Kalimantan Utara', timeZone: 'Asia/Makassar', regencies: 5 },
  { code: '71', name: 'Sulawesi Utara', timeZone: 'Asia/Makassar', regencies: 15 },
  { code: '72', name: 'Sulawesi Tengah', timeZone: 'Asia/Makassar', regencies: 13 },
  { code: '73', name: 'Sulawesi Selatan', timeZone: 'Asia/Makassar', regencies: 24 },
  { code: '74', name: 'Sulawesi Tenggara', timeZone: 'Asia/Makassar', regencies: 17 },
  { code: '75', name: 'Gorontalo', timeZone: 'Asia/Makassar', regencies: 6 },
  { code: '76', name: 'Sulawesi Barat', timeZone: 'Asia/Makassar', regencies: 6 },
  { code: '81', name: 'Maluku', timeZone: 'Asia/Jayapura', regencies: 11 },
  { code: '82', name: 'Maluku Utara', timeZone: 'Asia/Jayapura', regencies: 10 },
  { code: '91', name: 'Papua', timeZone: 'Asia/Jayapura', regencies: 9 },
  { code: '92', name: 'Papua Barat', timeZone: 'Asia/Jayapura', regencies: 7 },
  { code: '93', name: 'Papua Selatan', timeZone: 'Asia/Jayapura', regencies: 4 },
  { code: '94', name: 'Papua Tengah', timeZone: 'Asia/Jayapura', regencies: 8 },
  { code: '95', name: 'Papua Pegunungan', timeZone: 'Asia/Jayapura', regencies: 8 },
  { code: '96', name: 'Papua Barat Daya', timeZone: 'Asia/Jayapura', regencies: 6 },
];

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same nation. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Roughly normal (sum of three uniforms), mean `mean`, standard deviation `sd`. */
  normal(mean: number, sd: number): number {
    return mean + (this.next() + this.next() + this.next() - 1.5) * 2 * sd;
  }
}

/** A 32-bit hash of a few integers (seeds of sub-generators). */
export function mix(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h ^= p >>> 0;
    h = Math.imul(h, 0x01000193);
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

export interface PemdaSpec {
  /** Position in the full (shuffled) list of 546: the first N make an N-Pemda load. */
  index: number;
  name: string;
  shortName: string;
  type: TenantType;
  regionCode: string;
  provinceCode: string;
  timeZone: TimeZone;
  /** Perangkat daerah (eselon II units with a head-of-PD PK). */
  pd: number;
  seed: number;
}

const kabupatenNames = [
  'Sukamaju',
  'Mekarsari',
  'Tanjung Harapan',
  'Karang Anyar',
  'Sumber Rejeki',
  'Bukit Indah',
  'Lembah Hijau',
  'Pantai Permai',
  'Sungai Jernih',
  'Gunung Sari',
];

/** All 546 Pemda in load order: a seeded shuffle, so every prefix spreads over the provinces. */
export function nation(seed = 20_260_401): PemdaSpec[] {
  const list: Omit<PemdaSpec, 'index' | 'seed' | 'pd'>[] = [];
  for (const p of provinces) {
    list.push({
      name: `Pemerintah Provinsi ${p.name}`,
      shortName: `Prov. ${p.name}`,
      type: 'provinsi',
      regionCode: p.code,
      provinceCode: p.code,
      timeZone: p.timeZone,
    });
    // About one in five autonomous regions is a kota (98 of 514 nationally).
    const kota = p.regencies >= 5 ? Math.max(1, Math.round(p.regencies * 0.19)) : 0;
    for (let i = 0; i < p.regencies; i += 1) {
      const isKota = i >= p.regencies - kota;
      const number = isKota ? 71 + (i - (p.regencies - kota)) : 1 + i;
      const place = `${kabupatenNames[i % kabupatenNames.length]} ${p.code}${String(number).padStart(2, '0')}`;
      list.push({
        name: isKota ? `Pemerintah Kota ${place}` : `Pemerintah Kabupaten ${place}`,
        shortName: isKota ? `Kota ${place}` : `Kab. ${place}`,
        type: isKota ? 'kota' : 'kabupaten',
        regionCode: `${p.code}.${String(number).padStart(2, '0')}`,
        provinceCode: p.code,
        timeZone: p.timeZone,
      });
    }
  }
  const rng = new Rng(seed);
  for (let i = list.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng.next() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list.map((p, index) => {
    const s = mix(seed, index);
    return { ...p, index, seed: s, pd: new Rng(s).int(25, 60) };
  });
}

/** How many Pemda a scale (0 < scale ≤ 1) loads: at least one. */
export const pemdaAtScale = (scale: number): number =>
  Math.max(1, Math.min(546, Math.round(546 * scale)));
