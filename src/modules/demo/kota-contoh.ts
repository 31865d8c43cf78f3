/**
 * Demo data: the organisation of "Pemerintah Kota Contoh", a FICTIONAL city.
 *
 * Everything here is invented: the city, its kecamatan, every person, NIP, e-mail address and
 * date. Names are random combinations of common Indonesian given names and family names, drawn
 * with a seeded PRNG; any resemblance to a real official is coincidental. The region code
 * '71.79' is well formed but not assigned to any real kab/kota.
 *
 * The output is fully deterministic (no Math.random, no Date.now): calling buildKotaContoh()
 * twice gives deep-equal results. Changing the tables below changes the draw order and thus the
 * generated people, so fixtures that depend on specific names should look them up by position.
 *
 * Structure follows a typical Pemda kota SOTK: Sekretariat Daerah with its Bagian, Sekretariat
 * DPRD, Inspektorat, Badan, Dinas, RSUD and Kecamatan. Camat and Sekretaris Kecamatan are
 * jabatan administrator (PP 17/2018), so kecamatan units are eselon_3 (see KECAMATAN_LEVEL).
 * Eselon IV units under a Badan's Bidang are named 'Subbidang …' but typed 'seksi'.
 */

export type {
  AssignmentKind,
  EmployeeType,
  PositionKind,
  UnitLevel,
  UnitType,
} from '../../shared/codes.js';

import type {
  AssignmentKind,
  EmployeeType,
  PositionKind,
  UnitLevel,
  UnitType,
} from '../../shared/codes.js';
export interface DemoPerson {
  key: string; // stable unique key, e.g. 'p-0001'
  nip: string | null; // 18 digits for PNS and PPPK; null for pejabat_negara
  frontTitle: string | null; // e.g. 'Dr.', 'Ir.', 'drg.', 'dr.' or null
  name: string; // e.g. 'Budi Santoso'
  backTitle: string | null; // e.g. 'S.T., M.M.' or null
  gender: 'L' | 'P';
  employeeType: EmployeeType;
  grade: string | null; // PNS: 'II/c'..'IV/e'; PPPK: roman 'V'..'XI'; null for pejabat_negara
  email: string | null;
}
export interface DemoHolder {
  personKey: string;
  kind: AssignmentKind;
  start: string /* YYYY-MM-DD */;
  end: string | null;
}
export interface DemoPosition {
  key: string;
  title: string;
  kind: PositionKind;
  headsUnit: boolean;
  holders: DemoHolder[];
}
export interface DemoUnit {
  key: string;
  name: string;
  shortName: string | null;
  type: UnitType;
  level: UnitLevel | null;
  code: string;
  children: DemoUnit[];
  positions: DemoPosition[];
}
export interface DemoOrganisation {
  tenant: {
    name: 'Pemerintah Kota Contoh';
    shortName: 'Kota Contoh';
    type: 'kota';
    regionCode: string;
    timeZone: 'Asia/Makassar';
  };
  leaders: DemoPosition[]; // Wali Kota and Wakil Wali Kota: positions with no unit
  units: DemoUnit[]; // top-level Perangkat Daerah, each with its sub-unit tree
  people: DemoPerson[]; // everyone referenced by a holder, each exactly once
}

const SEED = 0x4b07a;
const REGION_CODE = '71.79';
const EMAIL_DOMAIN = 'kotacontoh.go.id';
/** Camat is a jabatan administrator; flip to 'eselon_2' to treat kecamatan as JPT units. */
const KECAMATAN_LEVEL: UnitLevel = 'eselon_3';

// ---------------------------------------------------------------------------------------------
// Seeded PRNG
// ---------------------------------------------------------------------------------------------

class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return at(items, this.int(0, items.length - 1));
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return at(items, items.length - 1)[0];
  }
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`index ${index} out of range (${items.length})`);
  return item;
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

function randomDate(rng: Rng, fromYear: number, toYear: number): string {
  const year = rng.int(fromYear, toYear);
  const month = rng.int(1, 12);
  return isoDate(year, month, rng.int(1, daysInMonth(year, month)));
}

const laterOf = (a: string, b: string): string => (a > b ? a : b);

/** First day of the TMT CPNS month encoded in a NIP: nobody holds a post before that. */
function tmtOf(person: DemoPerson): string {
  const nip = person.nip;
  return nip === null ? '2021-01-01' : `${nip.slice(8, 12)}-${nip.slice(12, 14)}-01`;
}

// ---------------------------------------------------------------------------------------------
// Names (regional groups keep given names and family names plausibly paired)
// ---------------------------------------------------------------------------------------------

interface NameGroup {
  weight: number;
  male: readonly string[];
  female: readonly string[];
  last: readonly string[]; // family names / second names usable for both genders
  lastMale?: readonly string[];
  lastFemale?: readonly string[];
  middleMale?: readonly string[]; // used to make a full name unique; defaults to the given names
  middleFemale?: readonly string[];
}

/** Splits a comma-separated list (newlines allowed) into trimmed names. */
function names(list: string): readonly string[] {
  return list
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
}

const NAME_GROUPS: readonly NameGroup[] = [
  {
    // Minahasa
    weight: 26,
    male: names(`
      Stevanus, Jefry, Denny, Hendrik, Johny, Ronald, Meiky, Rocky, Vicky, Jantje, Frangky,
      Decky, Noldy, Herry, Roy, Jimmy, Arnold
    `),
    female: names(`
      Jeane, Maria, Christin, Meity, Vonny, Lenny, Deisy, Grace, Olvie, Stella, Marlyn, Telly,
      Syane, Vivi, Julien, Sisca, Fransiska
    `),
    last: names(`
      Pangemanan, Rumengan, Sondakh, Lumintang, Tumbelaka, Wenas, Mandagi, Rondonuwu,
      Kawengian, Sumual, Lengkong, Karundeng, Tambuwun, Rorimpandey, Mamahit, Supit, Tumiwa,
      Kalangi, Pelealu, Runtu, Tangkilisan, Lapian, Sumampow, Walangitan, Rumondor, Posumah,
      Tumewu, Kaunang, Rantung
    `),
  },
  {
    // Bolaang Mongondow
    weight: 7,
    male: names('Abdul, Rahman, Hamdan, Syamsul, Arifin, Jainudin, Marzuki, Ishak'),
    female: names('Salma, Hasna, Aminah, Rosdiana, Nurain, Fatma, Rahmi, Sumarni'),
    last: names(`
      Mokodompit, Mokoginta, Manoppo, Damopolii, Paputungan, Mamonto, Lasabuda, Mokoagow,
      Gonibala, Mokolensang, Korompot, Pasambuna
    `),
  },
  {
    // Jawa
    weight: 18,
    male: names(`
      Agus, Budi, Joko, Bambang, Eko, Hadi, Slamet, Sugeng, Teguh, Wahyu, Yudi, Bayu, Dimas,
      Heru, Widodo, Aris
    `),
    female: names(`
      Siti, Dewi, Sri, Endang, Rina, Ratna, Yuni, Ani, Wulan, Tutik, Retno, Dyah, Winarsih,
      Sulastri
    `),
    last: [],
    lastMale: names(`
      Santoso, Wibowo, Prasetyo, Susanto, Saputra, Kurniawan, Setiawan, Purnomo, Nugroho,
      Hartono, Sutrisno, Haryanto, Gunawan, Subagyo
    `),
    lastFemale: names(`
      Wulandari, Lestari, Handayani, Rahayu, Puspitasari, Kusumawati, Susanti, Anggraini,
      Permatasari, Safitri, Yulianti, Pratiwi, Ningsih, Astuti
    `),
    middleMale: names('Adi, Dwi, Tri, Eko, Budi, Wahyu'),
    middleFemale: names('Dwi, Tri, Sri, Ayu, Eka, Nur'),
  },
  {
    // Nasional / Melayu-Islam
    weight: 14,
    male: names(`
      Muhammad, Ahmad, Rahmat, Arif, Fajar, Hendra, Irfan, Rizky, Taufik, Yusuf, Ilham, Fikri,
      Reza, Ridwan, Fauzan, Hafiz
    `),
    female: names(`
      Nur, Fitri, Aisyah, Indah, Nurul, Rini, Fatimah, Ayu, Putri, Intan, Rizka, Annisa, Dian,
      Mega, Lina, Zahra
    `),
    last: [],
    lastMale: names(`
      Hidayat, Ramadhan, Pratama, Firmansyah, Maulana, Syahputra, Hakim, Nasrullah, Akbar
    `),
    lastFemale: names('Rahmawati, Fitriani, Amalia, Nurjanah, Hasanah, Kartika, Sari, Oktaviani'),
  },
  {
    // Sunda
    weight: 4,
    male: names('Asep, Dadang, Ujang, Cecep, Deden, Yayan, Iwan, Dede'),
    female: names('Euis, Neneng, Iis, Lilis, Enung, Yeni, Cucu, Imas'),
    last: [],
    lastMale: names('Sunarya, Suryana, Permana, Hermawan, Ruhiyat, Supriatna, Mulyana'),
    lastFemale: names('Nurhayati, Komalasari, Rosmiati, Sumiati, Rukmini, Juariah'),
  },
  {
    // Batak / Mandailing
    weight: 7,
    male: names(`
      Yohanes, Robert, Martin, Hotman, Parlindungan, Togar, Binsar, Sahat, Marihot, Tigor
    `),
    female: names('Sondang, Tiurma, Riris, Lasma, Roslina, Debora, Rotua, Nurmala'),
    last: names(`
      Lumban Tobing, Hasibuan, Simanjuntak, Siregar, Nasution, Sitompul, Pardede, Hutapea,
      Panjaitan, Sihombing, Manurung, Situmorang, Harahap, Lubis, Tambunan, Silalahi
    `),
  },
  {
    // Bugis-Makassar
    weight: 7,
    male: names(`
      Andi, Syamsuddin, Baharuddin, Nasrun, Arifuddin, Jamaluddin, Sudirman, Amiruddin,
      Muhammad
    `),
    female: names('Andi, Sitti, Hasnah, Hasnawati, Nurhaedah, Hadijah, Marwah'),
    last: names('Rasyid, Latief, Hamzah, Ismail, Mansyur, Syahrir, Nawir, Arsyad, Tahir, Kadir'),
  },
  {
    // Bali
    weight: 3,
    male: names('I Made, I Ketut, I Wayan, I Nyoman, I Putu, I Komang, I Gede'),
    female: names('Ni Made, Ni Ketut, Ni Luh, Ni Putu, Ni Wayan, Ni Komang'),
    last: [],
    lastMale: names(`
      Suarjana, Wirawan, Adnyana, Sudarsana, Mahendra, Astawa, Sutama, Artawan, Sukadana
    `),
    lastFemale: names('Suartini, Ariani, Sriasih, Sukmawati, Widiastuti, Astiti'),
    middleMale: names('Agus, Adi, Eka, Surya, Budi'),
    middleFemale: names('Ayu, Sri, Dewi, Eka'),
  },
  {
    // Maluku / Flores
    weight: 4,
    male: names('Fransiskus, Stefanus, Agustinus, Yosef, Petrus, Paulus, Antonius'),
    female: names('Fransiska, Theresia, Veronika, Yuliana, Agnes, Bernadeta, Maria'),
    last: names(`
      Manuhutu, Pattinama, Sahetapy, Lewerissa, Tuhumury, Wattimena, Pattiasina, Lamury,
      Da Costa, Ratu
    `),
  },
];

// ---------------------------------------------------------------------------------------------
// Academic titles by field
// ---------------------------------------------------------------------------------------------

type Field =
  | 'umum'
  | 'pemerintahan'
  | 'hukum'
  | 'ekonomi'
  | 'teknik'
  | 'kesehatan'
  | 'medis'
  | 'keperawatan'
  | 'kebidanan'
  | 'pendidikan'
  | 'komputer'
  | 'pertanian'
  | 'perikanan'
  | 'sosial'
  | 'lingkungan'
  | 'perhubungan'
  | 'pariwisata'
  | 'olahraga'
  | 'perpustakaan';

interface Degrees {
  d3: readonly string[];
  s1: readonly string[];
  s2: readonly string[];
}

const DEGREES: Record<Field, Degrees> = {
  umum: { d3: ['A.Md.'], s1: ['S.Sos.', 'S.E.', 'S.H.', 'S.IP.'], s2: ['M.Si.', 'M.M.', 'M.AP.'] },
  pemerintahan: { d3: ['A.Md.'], s1: ['S.STP.', 'S.IP.', 'S.Sos.'], s2: ['M.Si.', 'M.AP.'] },
  hukum: { d3: ['A.Md.'], s1: ['S.H.'], s2: ['M.H.', 'M.Kn.'] },
  ekonomi: { d3: ['A.Md.Ak.', 'A.Md.'], s1: ['S.E.', 'S.Ak.'], s2: ['M.Si.', 'M.M.', 'M.Ak.'] },
  teknik: { d3: ['A.Md.T.'], s1: ['S.T.'], s2: ['M.T.', 'M.Eng.', 'M.Si.'] },
  kesehatan: { d3: ['A.Md.Kes.'], s1: ['S.K.M.', 'S.Farm., Apt.', 'S.Gz.'], s2: ['M.Kes.'] },
  // Physicians: only the degrees behind the name ('dr.' goes in front); others use kesehatan.
  medis: { d3: [], s1: [], s2: ['M.Kes.', 'Sp.PD.', 'Sp.A.', 'Sp.OG.', 'M.A.R.S.'] },
  keperawatan: { d3: ['A.Md.Kep.'], s1: ['S.Kep., Ns.'], s2: ['M.Kep.'] },
  kebidanan: { d3: ['A.Md.Keb.'], s1: ['S.Tr.Keb.'], s2: ['M.Keb.'] },
  pendidikan: { d3: ['A.Md.'], s1: ['S.Pd.'], s2: ['M.Pd.'] },
  komputer: { d3: ['A.Md.Kom.'], s1: ['S.Kom.', 'S.T.'], s2: ['M.Kom.', 'M.T.'] },
  pertanian: { d3: ['A.Md.'], s1: ['S.P.', 'S.Pt.'], s2: ['M.Si.', 'M.P.'] },
  perikanan: { d3: ['A.Md.'], s1: ['S.Pi.', 'S.St.Pi.'], s2: ['M.Si.', 'M.P.'] },
  sosial: { d3: ['A.Md.'], s1: ['S.Sos.', 'S.Psi.'], s2: ['M.Si.', 'M.Psi.'] },
  lingkungan: { d3: ['A.Md.'], s1: ['S.T.', 'S.Si.'], s2: ['M.Si.', 'M.T.', 'M.Sc.'] },
  perhubungan: { d3: ['A.Md.'], s1: ['S.SiT.', 'S.T.'], s2: ['M.T.', 'M.M.'] },
  pariwisata: { d3: ['A.Md.Par.'], s1: ['S.Par.', 'S.E.'], s2: ['M.Par.', 'M.M.'] },
  olahraga: { d3: ['A.Md.'], s1: ['S.Pd.', 'S.Or.'], s2: ['M.Or.', 'M.Pd.'] },
  perpustakaan: { d3: ['A.Md.'], s1: ['S.I.Pust.', 'S.Hum.', 'S.Sos.'], s2: ['M.Hum.', 'M.Si.'] },
};

/** Jabatan fungsional whose holders get a field-specific education regardless of the unit. */
const TITLE_FIELDS: readonly (readonly [RegExp, Field])[] = [
  [/^Dokter\b/, 'medis'],
  [/^Perawat\b/, 'keperawatan'],
  [/^Bidan\b/, 'kebidanan'],
  [/^(Epidemiolog|Administrator Kesehatan)\b/, 'kesehatan'],
  [/^Pranata Komputer\b/, 'komputer'],
  [/^Auditor\b/, 'ekonomi'],
  [/^(Pustakawan|Arsiparis)\b/, 'perpustakaan'],
];

// ---------------------------------------------------------------------------------------------
// Unit specs (compact tables + small helpers)
// ---------------------------------------------------------------------------------------------

interface UnitSpec {
  name: string;
  type: UnitType;
  level: UnitLevel;
  shortName?: string;
  headTitle?: string;
  field?: Field;
  /** Non-head positions. Eselon IV units without a list get 0-2 random pelaksana. */
  staff?: readonly string[];
  children?: readonly UnitSpec[];
}

const PELAKSANA_TITLES = [
  'Penelaah Teknis Kebijakan',
  'Pengolah Data dan Informasi',
  'Penata Layanan Operasional',
  'Pengelola Layanan Operasional',
  'Pengadministrasi Perkantoran',
  'Operator Layanan Operasional',
] as const;

const DEFAULT_PD_STAFF = ['Perencana Ahli Muda', 'Pengadministrasi Perkantoran'] as const;

const es4 = (type: 'subbagian' | 'seksi' | 'upt', field?: Field) => {
  return (name: string): UnitSpec => ({ name, type, level: 'eselon_4', field });
};
const subbagian = (name: string, field?: Field): UnitSpec => es4('subbagian', field)(name);

function bagian(name: string, subs: readonly string[], field?: Field): UnitSpec {
  return { name, type: 'bagian', level: 'eselon_3', field, children: subs.map(es4('subbagian')) };
}

function bidang(name: string, seksi: readonly string[], field?: Field): UnitSpec {
  return { name, type: 'bidang', level: 'eselon_3', field, children: seksi.map(es4('seksi')) };
}

/** Badan name their eselon IV units 'Subbidang'; the unit type stays 'seksi'. */
function bidangBadan(name: string, subbidang: readonly string[], field?: Field): UnitSpec {
  return bidang(
    name,
    subbidang.map((s) => `Subbidang ${s}`),
    field,
  );
}

function sekretariat(pdName: string, ketiga = 'Subbagian Perencanaan dan Pelaporan'): UnitSpec {
  return {
    name: 'Sekretariat',
    type: 'bagian',
    level: 'eselon_3',
    headTitle: `Sekretaris ${pdName}`,
    field: 'umum',
    children: [
      subbagian('Subbagian Umum dan Kepegawaian'),
      subbagian('Subbagian Keuangan', 'ekonomi'),
      subbagian(ketiga),
    ],
  };
}

const upt = (name: string, field?: Field, staff?: readonly string[]): UnitSpec => ({
  name,
  type: 'upt',
  level: 'eselon_4',
  headTitle: `Kepala ${name}`,
  field,
  staff,
});

interface PdOptions {
  headTitle?: string;
  staff?: readonly string[];
  upts?: readonly UnitSpec[];
}

function perangkat(
  type: 'dinas' | 'badan',
  name: string,
  shortName: string,
  field: Field,
  bidangs: readonly UnitSpec[],
  opts: PdOptions = {},
): UnitSpec {
  return {
    name,
    type,
    level: 'eselon_2',
    shortName,
    headTitle: opts.headTitle,
    field,
    staff: opts.staff,
    children: [sekretariat(name), ...bidangs, ...(opts.upts ?? [])],
  };
}

type PdArgs = [
  name: string,
  shortName: string,
  field: Field,
  bidangs: readonly UnitSpec[],
  opts?: PdOptions,
];
const dinas = (...args: PdArgs): UnitSpec => perangkat('dinas', ...args);
const badan = (...args: PdArgs): UnitSpec => perangkat('badan', ...args);

const KECAMATAN_NAMES = [
  'Contoh Utara',
  'Contoh Selatan',
  'Contoh Barat',
  'Contoh Timur',
  'Contoh Tengah',
  'Tanjung Harapan',
  'Bukit Damai',
  'Teluk Mutiara',
] as const;

function kecamatan(nama: string): UnitSpec {
  const name = `Kecamatan ${nama}`;
  return {
    name,
    type: 'kecamatan',
    level: KECAMATAN_LEVEL,
    headTitle: `Camat ${name}`,
    field: 'pemerintahan',
    staff: ['Pengadministrasi Perkantoran', 'Penata Layanan Operasional'],
    children: [
      {
        name: 'Sekretariat Kecamatan',
        type: 'bagian',
        level: 'eselon_3',
        headTitle: `Sekretaris ${name}`,
        children: [
          subbagian('Subbagian Umum dan Kepegawaian'),
          subbagian('Subbagian Perencanaan dan Keuangan', 'ekonomi'),
        ],
      },
      ...[
        'Seksi Pemerintahan',
        'Seksi Ketenteraman dan Ketertiban Umum',
        'Seksi Pemberdayaan Masyarakat',
        'Seksi Pelayanan Umum',
      ].map(es4('seksi')),
    ],
  };
}

const PUSKESMAS = KECAMATAN_NAMES.filter((_, i) => i % 2 === 0).map((k) =>
  upt(`UPT Puskesmas ${k}`, 'kesehatan', ['Dokter Ahli Pertama', 'Bidan Terampil']),
);

const PERANGKAT_DAERAH: readonly UnitSpec[] = [
  {
    name: 'Sekretariat Daerah',
    type: 'sekretariat_daerah',
    level: 'eselon_2',
    shortName: 'Setda',
    headTitle: 'Sekretaris Daerah',
    field: 'pemerintahan',
    staff: ['Analis Kebijakan Ahli Madya', 'Pengadministrasi Perkantoran'],
    children: [
      bagian('Bagian Tata Pemerintahan', [
        'Subbagian Pemerintahan Umum',
        'Subbagian Otonomi Daerah',
        'Subbagian Kerja Sama',
      ]),
      bagian(
        'Bagian Hukum',
        [
          'Subbagian Perundang-undangan',
          'Subbagian Bantuan Hukum',
          'Subbagian Dokumentasi dan Informasi Hukum',
        ],
        'hukum',
      ),
      bagian('Bagian Organisasi', [
        'Subbagian Kelembagaan dan Analisis Jabatan',
        'Subbagian Pelayanan Publik dan Tata Laksana',
        'Subbagian Kinerja dan Reformasi Birokrasi',
      ]),
      bagian(
        'Bagian Perekonomian dan Sumber Daya Alam',
        ['Subbagian Perekonomian', 'Subbagian Sumber Daya Alam'],
        'ekonomi',
      ),
      bagian('Bagian Pengadaan Barang dan Jasa', [
        'Subbagian Pengelolaan Pengadaan Barang dan Jasa',
        'Subbagian Pengelolaan Layanan Pengadaan Secara Elektronik',
        'Subbagian Pembinaan dan Advokasi Pengadaan Barang dan Jasa',
      ]),
      bagian('Bagian Umum', [
        'Subbagian Tata Usaha dan Kepegawaian',
        'Subbagian Keuangan',
        'Subbagian Rumah Tangga dan Perlengkapan',
      ]),
      bagian('Bagian Protokol dan Komunikasi Pimpinan', [
        'Subbagian Protokol',
        'Subbagian Komunikasi Pimpinan',
        'Subbagian Dokumentasi Pimpinan',
      ]),
      bagian(
        'Bagian Kesejahteraan Rakyat',
        ['Subbagian Bina Mental dan Spiritual', 'Subbagian Kesejahteraan Sosial'],
        'sosial',
      ),
    ],
  },
  {
    name: 'Sekretariat DPRD',
    type: 'sekretariat_dprd',
    level: 'eselon_2',
    shortName: 'Setwan',
    headTitle: 'Sekretaris DPRD',
    field: 'pemerintahan',
    staff: ['Analis Kebijakan Ahli Muda'],
    children: [
      bagian('Bagian Umum dan Keuangan', [
        'Subbagian Tata Usaha dan Kepegawaian',
        'Subbagian Keuangan',
        'Subbagian Perencanaan',
      ]),
      bagian(
        'Bagian Persidangan dan Perundang-undangan',
        ['Subbagian Persidangan dan Risalah', 'Subbagian Perundang-undangan'],
        'hukum',
      ),
      bagian('Bagian Fasilitasi Penganggaran dan Pengawasan', [
        'Subbagian Fasilitasi Penganggaran',
        'Subbagian Fasilitasi Pengawasan',
      ]),
    ],
  },
  {
    name: 'Inspektorat Daerah',
    type: 'inspektorat',
    level: 'eselon_2',
    shortName: 'Inspektorat',
    headTitle: 'Inspektur',
    field: 'ekonomi',
    staff: ['Auditor Ahli Madya', 'Pengawas Penyelenggaraan Urusan Pemerintahan Daerah Ahli Madya'],
    children: [
      sekretariat('Inspektorat Daerah', 'Subbagian Perencanaan, Evaluasi dan Pelaporan'),
      ...['I', 'II', 'III', 'IV'].map(
        (n): UnitSpec => ({
          name: `Inspektur Pembantu ${n}`,
          type: 'bidang',
          level: 'eselon_3',
          shortName: `Irban ${n}`,
          headTitle: `Inspektur Pembantu ${n}`,
          staff: [
            'Auditor Ahli Muda',
            'Pengawas Penyelenggaraan Urusan Pemerintahan Daerah Ahli Muda',
          ],
        }),
      ),
    ],
  },
  badan(
    'Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah',
    'Bappeda',
    'ekonomi',
    [
      bidangBadan('Bidang Perencanaan, Pengendalian dan Evaluasi Pembangunan', [
        'Perencanaan dan Pendanaan',
        'Pengendalian dan Evaluasi',
        'Data dan Informasi Pembangunan',
      ]),
      bidangBadan(
        'Bidang Pemerintahan dan Pembangunan Manusia',
        ['Pemerintahan', 'Pembangunan Manusia'],
        'pemerintahan',
      ),
      bidangBadan(
        'Bidang Perekonomian, Infrastruktur dan Kewilayahan',
        ['Perekonomian dan Sumber Daya Alam', 'Infrastruktur dan Kewilayahan'],
        'teknik',
      ),
      bidangBadan('Bidang Penelitian dan Pengembangan', [
        'Penelitian dan Pengembangan',
        'Inovasi dan Teknologi',
      ]),
    ],
    { staff: ['Perencana Ahli Madya', 'Perencana Ahli Muda'] },
  ),
  badan(
    'Badan Pengelolaan Keuangan dan Aset Daerah',
    'BPKAD',
    'ekonomi',
    [
      bidangBadan('Bidang Anggaran', ['Penyusunan Anggaran', 'Pengendalian Anggaran']),
      bidangBadan('Bidang Perbendaharaan', ['Pengelolaan Kas', 'Penatausahaan Belanja']),
      bidangBadan('Bidang Akuntansi dan Pelaporan', ['Akuntansi', 'Pelaporan Keuangan']),
      bidangBadan('Bidang Aset', [
        'Perencanaan dan Penatausahaan Aset',
        'Pemanfaatan dan Pengamanan Aset',
      ]),
    ],
    { staff: ['Analis Keuangan Pusat dan Daerah Ahli Muda'] },
  ),
  badan('Badan Pendapatan Daerah', 'Bapenda', 'ekonomi', [
    bidangBadan('Bidang Pendataan dan Penetapan', ['Pendataan', 'Penetapan']),
    bidangBadan('Bidang Penagihan dan Keberatan', ['Penagihan', 'Keberatan dan Pengurangan']),
    bidangBadan('Bidang Pajak Bumi dan Bangunan dan BPHTB', [
      'Pajak Bumi dan Bangunan',
      'Bea Perolehan Hak atas Tanah dan Bangunan',
    ]),
  ]),
  badan(
    'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    'BKPSDM',
    'sosial',
    [
      bidangBadan('Bidang Pengadaan, Pemberhentian dan Informasi', [
        'Pengadaan Pegawai',
        'Pemberhentian dan Pensiun',
        'Data dan Informasi Kepegawaian',
      ]),
      bidangBadan('Bidang Mutasi dan Promosi', ['Mutasi', 'Promosi dan Kepangkatan']),
      bidangBadan('Bidang Pengembangan Kompetensi', [
        'Pengembangan Kompetensi Manajerial',
        'Pengembangan Kompetensi Teknis dan Fungsional',
      ]),
      bidangBadan('Bidang Penilaian Kinerja dan Penghargaan', [
        'Penilaian Kinerja',
        'Disiplin dan Penghargaan',
      ]),
    ],
    { staff: ['Analis Sumber Daya Manusia Aparatur Ahli Muda'] },
  ),
  badan(
    'Badan Penanggulangan Bencana Daerah',
    'BPBD',
    'teknik',
    [
      bidang('Bidang Pencegahan dan Kesiapsiagaan', ['Seksi Pencegahan', 'Seksi Kesiapsiagaan']),
      bidang('Bidang Kedaruratan dan Logistik', ['Seksi Kedaruratan', 'Seksi Logistik']),
      bidang('Bidang Rehabilitasi dan Rekonstruksi', ['Seksi Rehabilitasi', 'Seksi Rekonstruksi']),
    ],
    { headTitle: 'Kepala Pelaksana Badan Penanggulangan Bencana Daerah' },
  ),
  badan(
    'Badan Kesatuan Bangsa dan Politik',
    'Kesbangpol',
    'pemerintahan',
    [
      bidangBadan('Bidang Ideologi dan Wawasan Kebangsaan', [
        'Ideologi dan Wawasan Kebangsaan',
        'Karakter Bangsa',
      ]),
      bidangBadan('Bidang Politik Dalam Negeri dan Organisasi Kemasyarakatan', [
        'Politik Dalam Negeri',
        'Organisasi Kemasyarakatan',
      ]),
      bidangBadan('Bidang Ketahanan Sosial dan Penanganan Konflik', [
        'Ketahanan Ekonomi, Sosial dan Budaya',
        'Kewaspadaan Nasional dan Penanganan Konflik',
      ]),
    ],
    { staff: ['Analis Kebijakan Ahli Muda'] },
  ),
  dinas(
    'Dinas Pendidikan dan Kebudayaan',
    'Disdikbud',
    'pendidikan',
    [
      bidang('Bidang Pembinaan Sekolah Dasar', [
        'Seksi Kurikulum dan Penilaian Sekolah Dasar',
        'Seksi Peserta Didik dan Pembangunan Karakter Sekolah Dasar',
        'Seksi Sarana dan Prasarana Sekolah Dasar',
      ]),
      bidang('Bidang Pembinaan Sekolah Menengah Pertama', [
        'Seksi Kurikulum dan Penilaian Sekolah Menengah Pertama',
        'Seksi Peserta Didik dan Pembangunan Karakter Sekolah Menengah Pertama',
        'Seksi Sarana dan Prasarana Sekolah Menengah Pertama',
      ]),
      bidang('Bidang Pembinaan PAUD dan Pendidikan Nonformal', [
        'Seksi Kelembagaan dan Sarana Prasarana PAUD',
        'Seksi Pendidikan Masyarakat dan Kesetaraan',
      ]),
      bidang('Bidang Kebudayaan', [
        'Seksi Cagar Budaya dan Permuseuman',
        'Seksi Kesenian dan Tradisi',
      ]),
    ],
    { staff: ['Pengawas Sekolah Ahli Madya', 'Perencana Ahli Muda'] },
  ),
  dinas(
    'Dinas Kesehatan',
    'Dinkes',
    'kesehatan',
    [
      bidang('Bidang Kesehatan Masyarakat', [
        'Seksi Kesehatan Keluarga dan Gizi',
        'Seksi Promosi dan Pemberdayaan Masyarakat',
        'Seksi Kesehatan Lingkungan, Kesehatan Kerja dan Olahraga',
      ]),
      bidang('Bidang Pencegahan dan Pengendalian Penyakit', [
        'Seksi Surveilans dan Imunisasi',
        'Seksi Pencegahan dan Pengendalian Penyakit Menular',
        'Seksi Pencegahan dan Pengendalian Penyakit Tidak Menular dan Kesehatan Jiwa',
      ]),
      bidang('Bidang Pelayanan dan Sumber Daya Kesehatan', [
        'Seksi Pelayanan Kesehatan Primer dan Rujukan',
        'Seksi Kefarmasian dan Alat Kesehatan',
        'Seksi Sumber Daya Manusia Kesehatan',
      ]),
    ],
    {
      staff: ['Epidemiolog Kesehatan Ahli Muda', 'Administrator Kesehatan Ahli Muda'],
      upts: [...PUSKESMAS, upt('UPT Laboratorium Kesehatan Daerah', 'kesehatan')],
    },
  ),
  dinas(
    'Dinas Pekerjaan Umum dan Penataan Ruang',
    'Dinas PUPR',
    'teknik',
    [
      bidang('Bidang Bina Marga', [
        'Seksi Pembangunan Jalan dan Jembatan',
        'Seksi Pemeliharaan Jalan dan Jembatan',
      ]),
      bidang('Bidang Sumber Daya Air', [
        'Seksi Irigasi dan Drainase',
        'Seksi Sungai, Pantai dan Pengendalian Banjir',
      ]),
      bidang('Bidang Cipta Karya', [
        'Seksi Bangunan Gedung',
        'Seksi Air Minum dan Penyehatan Lingkungan',
      ]),
      bidang('Bidang Penataan Ruang', [
        'Seksi Perencanaan Tata Ruang',
        'Seksi Pemanfaatan dan Pengendalian Pemanfaatan Ruang',
      ]),
    ],
    {
      staff: ['Teknik Jalan dan Jembatan Ahli Muda', 'Penata Ruang Ahli Muda'],
      upts: [upt('UPT Pengelolaan Alat Berat', 'teknik')],
    },
  ),
  dinas('Dinas Perumahan dan Kawasan Permukiman', 'Disperkim', 'teknik', [
    bidang('Bidang Perumahan', [
      'Seksi Pendataan dan Perencanaan Perumahan',
      'Seksi Pembangunan dan Rehabilitasi Rumah',
    ]),
    bidang('Bidang Kawasan Permukiman', [
      'Seksi Peningkatan Kualitas Permukiman Kumuh',
      'Seksi Prasarana, Sarana dan Utilitas Umum',
    ]),
    bidang('Bidang Pertamanan dan Penerangan Jalan Umum', [
      'Seksi Pertamanan dan Ruang Terbuka Hijau',
      'Seksi Penerangan Jalan Umum',
    ]),
    bidang('Bidang Pertanahan', [
      'Seksi Penatagunaan Tanah',
      'Seksi Pengadaan Tanah dan Penyelesaian Sengketa',
    ]),
  ]),
  dinas(
    'Dinas Sosial',
    'Dinsos',
    'sosial',
    [
      bidang('Bidang Rehabilitasi Sosial', [
        'Seksi Rehabilitasi Sosial Anak dan Lanjut Usia',
        'Seksi Rehabilitasi Sosial Penyandang Disabilitas dan Tuna Sosial',
      ]),
      bidang('Bidang Perlindungan dan Jaminan Sosial', [
        'Seksi Perlindungan Sosial Korban Bencana',
        'Seksi Jaminan Sosial Keluarga',
      ]),
      bidang('Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin', [
        'Seksi Pemberdayaan Sosial',
        'Seksi Penanganan Fakir Miskin',
        'Seksi Data dan Informasi Kesejahteraan Sosial',
      ]),
    ],
    { staff: ['Pekerja Sosial Ahli Muda'] },
  ),
  dinas(
    'Dinas Kependudukan dan Pencatatan Sipil',
    'Disdukcapil',
    'pemerintahan',
    [
      bidang('Bidang Pelayanan Pendaftaran Penduduk', [
        'Seksi Identitas Penduduk',
        'Seksi Pindah Datang Penduduk',
        'Seksi Pendataan Penduduk',
      ]),
      bidang('Bidang Pelayanan Pencatatan Sipil', [
        'Seksi Kelahiran',
        'Seksi Perkawinan dan Perceraian',
        'Seksi Perubahan Status Anak, Pewarganegaraan dan Kematian',
      ]),
      bidang(
        'Bidang Pengelolaan Informasi Administrasi Kependudukan',
        [
          'Seksi Sistem Informasi Administrasi Kependudukan',
          'Seksi Pengolahan dan Penyajian Data Kependudukan',
        ],
        'komputer',
      ),
      bidang('Bidang Pemanfaatan Data dan Inovasi Pelayanan', [
        'Seksi Kerja Sama dan Pemanfaatan Data',
        'Seksi Inovasi Pelayanan',
      ]),
    ],
    { staff: ['Administrator Database Kependudukan Ahli Muda'] },
  ),
  dinas(
    'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    'DPMPTSP',
    'ekonomi',
    [
      bidang('Bidang Perencanaan dan Promosi Penanaman Modal', [
        'Seksi Perencanaan Penanaman Modal',
        'Seksi Promosi Penanaman Modal',
      ]),
      bidang(
        'Bidang Pelayanan Perizinan dan Nonperizinan',
        ['Seksi Pelayanan Perizinan Berusaha', 'Seksi Pelayanan Nonperizinan'],
        'hukum',
      ),
      bidang('Bidang Pengendalian dan Pengaduan', [
        'Seksi Pengendalian Pelaksanaan Penanaman Modal',
        'Seksi Pengaduan dan Informasi Layanan',
      ]),
    ],
    { staff: ['Analis Kebijakan Ahli Muda'] },
  ),
  dinas(
    'Dinas Komunikasi dan Informatika',
    'Diskominfo',
    'komputer',
    [
      bidang(
        'Bidang Informasi dan Komunikasi Publik',
        ['Seksi Pengelolaan Informasi Publik', 'Seksi Layanan Komunikasi Publik'],
        'sosial',
      ),
      bidang('Bidang Aplikasi Informatika', [
        'Seksi Pengembangan Aplikasi',
        'Seksi Tata Kelola Sistem Pemerintahan Berbasis Elektronik',
      ]),
      bidang('Bidang Infrastruktur Teknologi Informasi dan Komunikasi', [
        'Seksi Infrastruktur Jaringan',
        'Seksi Pengelolaan Pusat Data',
      ]),
      bidang('Bidang Statistik dan Persandian', [
        'Seksi Statistik Sektoral',
        'Seksi Persandian dan Keamanan Informasi',
      ]),
    ],
    { staff: ['Pranata Komputer Ahli Muda', 'Pranata Hubungan Masyarakat Ahli Muda'] },
  ),
  dinas(
    'Dinas Perhubungan',
    'Dishub',
    'perhubungan',
    [
      bidang('Bidang Lalu Lintas', [
        'Seksi Manajemen dan Rekayasa Lalu Lintas',
        'Seksi Pengendalian dan Ketertiban Lalu Lintas',
      ]),
      bidang('Bidang Angkutan', ['Seksi Angkutan Orang', 'Seksi Angkutan Barang dan Terminal']),
      bidang('Bidang Sarana dan Prasarana', [
        'Seksi Pengujian Kendaraan Bermotor',
        'Seksi Perlengkapan Jalan',
      ]),
    ],
    { upts: [upt('UPT Perparkiran', 'perhubungan')] },
  ),
  dinas(
    'Dinas Lingkungan Hidup',
    'DLH',
    'lingkungan',
    [
      bidang('Bidang Tata Lingkungan', [
        'Seksi Perencanaan dan Kajian Dampak Lingkungan',
        'Seksi Pemeliharaan Lingkungan Hidup',
      ]),
      bidang('Bidang Pengelolaan Sampah dan Limbah B3', [
        'Seksi Pengurangan Sampah',
        'Seksi Penanganan Sampah',
        'Seksi Pengelolaan Limbah B3',
      ]),
      bidang('Bidang Pengendalian Pencemaran dan Kerusakan Lingkungan', [
        'Seksi Pemantauan Kualitas Lingkungan',
        'Seksi Pengaduan dan Penegakan Hukum Lingkungan',
      ]),
    ],
    {
      staff: ['Pengendali Dampak Lingkungan Ahli Muda'],
      upts: [upt('UPT Tempat Pemrosesan Akhir Sampah', 'lingkungan')],
    },
  ),
  dinas(
    'Dinas Koperasi, Usaha Kecil dan Menengah dan Perdagangan',
    'Diskumdag',
    'ekonomi',
    [
      bidang('Bidang Koperasi', [
        'Seksi Kelembagaan dan Pengawasan Koperasi',
        'Seksi Pemberdayaan Koperasi',
      ]),
      bidang('Bidang Usaha Kecil dan Menengah', [
        'Seksi Pemberdayaan Usaha Mikro',
        'Seksi Pengembangan Usaha Kecil dan Menengah',
      ]),
      bidang('Bidang Perdagangan', [
        'Seksi Bina Usaha Perdagangan',
        'Seksi Stabilisasi Harga dan Distribusi',
      ]),
    ],
    {
      staff: ['Pengawas Koperasi Ahli Muda'],
      upts: [
        upt('UPT Pasar Tradisional'),
        upt('UPT Metrologi Legal', 'teknik', ['Penera Ahli Muda']),
      ],
    },
  ),
  dinas(
    'Dinas Ketahanan Pangan dan Pertanian',
    'DKPP',
    'pertanian',
    [
      bidang('Bidang Ketahanan Pangan', [
        'Seksi Ketersediaan dan Distribusi Pangan',
        'Seksi Konsumsi dan Keamanan Pangan',
      ]),
      bidang('Bidang Tanaman Pangan dan Hortikultura', [
        'Seksi Produksi Tanaman Pangan dan Hortikultura',
        'Seksi Perlindungan Tanaman',
      ]),
      bidang('Bidang Peternakan dan Kesehatan Hewan', [
        'Seksi Produksi Peternakan',
        'Seksi Kesehatan Hewan dan Kesehatan Masyarakat Veteriner',
      ]),
      bidang('Bidang Penyuluhan dan Sarana Prasarana Pertanian', [
        'Seksi Penyuluhan Pertanian',
        'Seksi Sarana dan Prasarana Pertanian',
      ]),
    ],
    {
      staff: ['Penyuluh Pertanian Ahli Muda', 'Analis Ketahanan Pangan Ahli Muda'],
      upts: [upt('UPT Rumah Potong Hewan', 'pertanian')],
    },
  ),
  dinas(
    'Dinas Pariwisata',
    'Dispar',
    'pariwisata',
    [
      bidang('Bidang Destinasi Pariwisata', [
        'Seksi Pengembangan Destinasi',
        'Seksi Pengelolaan Daya Tarik Wisata',
      ]),
      bidang('Bidang Pemasaran Pariwisata', [
        'Seksi Promosi Pariwisata',
        'Seksi Kemitraan dan Penyelenggaraan Event',
      ]),
      bidang('Bidang Ekonomi Kreatif dan Sumber Daya Pariwisata', [
        'Seksi Ekonomi Kreatif',
        'Seksi Pengembangan Sumber Daya Manusia Pariwisata',
      ]),
    ],
    { staff: ['Adyatama Kepariwisataan dan Ekonomi Kreatif Ahli Muda'] },
  ),
  dinas('Dinas Pemuda dan Olahraga', 'Dispora', 'olahraga', [
    bidang('Bidang Kepemudaan', [
      'Seksi Pemberdayaan Pemuda',
      'Seksi Kepemimpinan dan Kewirausahaan Pemuda',
    ]),
    bidang('Bidang Keolahragaan', [
      'Seksi Pembudayaan Olahraga',
      'Seksi Peningkatan Prestasi Olahraga',
    ]),
    bidang('Bidang Sarana dan Prasarana Olahraga', [
      'Seksi Pembangunan Prasarana Olahraga',
      'Seksi Pemeliharaan dan Pemanfaatan Sarana Olahraga',
    ]),
  ]),
  dinas(
    'Dinas Tenaga Kerja',
    'Disnaker',
    'hukum',
    [
      bidang('Bidang Pelatihan dan Produktivitas Tenaga Kerja', [
        'Seksi Pelatihan Kerja',
        'Seksi Produktivitas Tenaga Kerja',
      ]),
      bidang('Bidang Penempatan dan Perluasan Kesempatan Kerja', [
        'Seksi Penempatan Tenaga Kerja',
        'Seksi Perluasan Kesempatan Kerja',
      ]),
      bidang('Bidang Hubungan Industrial dan Jaminan Sosial Tenaga Kerja', [
        'Seksi Hubungan Industrial dan Persyaratan Kerja',
        'Seksi Pengupahan dan Jaminan Sosial Tenaga Kerja',
      ]),
    ],
    {
      staff: ['Pengantar Kerja Ahli Muda', 'Mediator Hubungan Industrial Ahli Muda'],
      upts: [upt('UPT Balai Latihan Kerja')],
    },
  ),
  dinas(
    'Dinas Perpustakaan dan Kearsipan',
    'Dispusip',
    'perpustakaan',
    [
      bidang('Bidang Layanan dan Pembudayaan Gemar Membaca', [
        'Seksi Layanan Perpustakaan',
        'Seksi Pembudayaan Gemar Membaca',
      ]),
      bidang('Bidang Pengolahan dan Pelestarian Bahan Pustaka', [
        'Seksi Pengolahan Bahan Pustaka',
        'Seksi Deposit dan Pelestarian',
      ]),
      bidang('Bidang Kearsipan', [
        'Seksi Pengelolaan Arsip',
        'Seksi Pembinaan dan Pengawasan Kearsipan',
      ]),
    ],
    { staff: ['Pustakawan Ahli Muda', 'Arsiparis Ahli Muda'] },
  ),
  dinas(
    'Dinas Pemberdayaan Perempuan dan Perlindungan Anak',
    'DP3A',
    'sosial',
    [
      bidang('Bidang Kesetaraan Gender dan Pemberdayaan Perempuan', [
        'Seksi Pengarusutamaan Gender',
        'Seksi Peningkatan Kualitas Hidup Perempuan',
      ]),
      bidang('Bidang Perlindungan Perempuan dan Anak', [
        'Seksi Perlindungan Hak Perempuan',
        'Seksi Perlindungan Khusus Anak',
      ]),
      bidang('Bidang Pemenuhan Hak Anak', [
        'Seksi Pemenuhan Hak Sipil dan Partisipasi Anak',
        'Seksi Kualitas Keluarga dan Data Gender',
      ]),
    ],
    { upts: [upt('UPT Perlindungan Perempuan dan Anak', 'sosial')] },
  ),
  dinas(
    'Dinas Pemadam Kebakaran dan Penyelamatan',
    'Disdamkar',
    'teknik',
    [
      bidang('Bidang Pencegahan Kebakaran', [
        'Seksi Pencegahan dan Inspeksi',
        'Seksi Pemberdayaan Masyarakat',
      ]),
      bidang('Bidang Pemadaman dan Penyelamatan', [
        'Seksi Operasi Pemadaman',
        'Seksi Penyelamatan dan Evakuasi',
      ]),
      bidang('Bidang Sarana dan Prasarana', [
        'Seksi Pengelolaan Sarana dan Prasarana',
        'Seksi Pemeliharaan Peralatan',
      ]),
    ],
    { staff: ['Analis Kebakaran Ahli Muda'] },
  ),
  dinas(
    'Dinas Pengendalian Penduduk dan Keluarga Berencana',
    'DPPKB',
    'sosial',
    [
      bidang('Bidang Pengendalian Penduduk dan Informasi Keluarga', [
        'Seksi Pengendalian Penduduk',
        'Seksi Data dan Informasi Keluarga',
      ]),
      bidang('Bidang Keluarga Berencana', [
        'Seksi Pelayanan Keluarga Berencana dan Kesehatan Reproduksi',
        'Seksi Advokasi dan Penggerakan Keluarga Berencana',
      ]),
      bidang('Bidang Ketahanan dan Kesejahteraan Keluarga', [
        'Seksi Ketahanan Keluarga Balita, Anak dan Lanjut Usia',
        'Seksi Pemberdayaan Ekonomi Keluarga',
      ]),
    ],
    { staff: ['Penyuluh Keluarga Berencana Ahli Muda'] },
  ),
  dinas(
    'Dinas Perikanan',
    'Diskan',
    'perikanan',
    [
      bidang('Bidang Perikanan Tangkap', [
        'Seksi Sarana dan Prasarana Perikanan Tangkap',
        'Seksi Pemberdayaan Nelayan Kecil',
      ]),
      bidang('Bidang Perikanan Budidaya', [
        'Seksi Produksi Perikanan Budidaya',
        'Seksi Kesehatan Ikan dan Lingkungan',
      ]),
      bidang('Bidang Pengolahan dan Pemasaran Hasil Perikanan', [
        'Seksi Pengolahan dan Mutu Hasil Perikanan',
        'Seksi Pemasaran Hasil Perikanan',
      ]),
    ],
    {
      staff: ['Penyuluh Perikanan Ahli Muda'],
      upts: [upt('UPT Pangkalan Pendaratan Ikan')],
    },
  ),
  dinas(
    'Satuan Polisi Pamong Praja',
    'Satpol PP',
    'hukum',
    [
      bidang('Bidang Penegakan Peraturan Daerah', [
        'Seksi Pembinaan, Pengawasan dan Penyuluhan',
        'Seksi Penyelidikan dan Penyidikan',
      ]),
      bidang('Bidang Ketertiban Umum dan Ketenteraman Masyarakat', [
        'Seksi Operasi dan Pengendalian',
        'Seksi Kerja Sama',
      ]),
      bidang('Bidang Perlindungan Masyarakat', [
        'Seksi Satuan Perlindungan Masyarakat',
        'Seksi Bina Potensi Masyarakat',
      ]),
    ],
    { staff: ['Polisi Pamong Praja Ahli Muda'] },
  ),
  {
    name: 'Rumah Sakit Umum Daerah Kota Contoh',
    type: 'rsud',
    level: 'eselon_2',
    shortName: 'RSUD Kota Contoh',
    headTitle: 'Direktur RSUD Kota Contoh',
    field: 'medis',
    staff: ['Dokter Ahli Madya', 'Administrator Kesehatan Ahli Muda'],
    children: [
      bagian(
        'Bagian Tata Usaha',
        [
          'Subbagian Umum dan Kepegawaian',
          'Subbagian Keuangan',
          'Subbagian Perencanaan, Evaluasi dan Rekam Medik',
        ],
        'umum',
      ),
      bidang('Bidang Pelayanan Medik', ['Seksi Pelayanan Medik', 'Seksi Penunjang Medik']),
      bidang(
        'Bidang Keperawatan',
        ['Seksi Asuhan Keperawatan', 'Seksi Etika dan Mutu Keperawatan'],
        'keperawatan',
      ),
    ],
  },
  ...KECAMATAN_NAMES.map(kecamatan),
];

/** First code segment per PD type. */
const CODE_GROUP: Partial<Record<UnitType, number>> = {
  sekretariat_daerah: 1,
  sekretariat_dprd: 1,
  inspektorat: 1,
  badan: 2,
  dinas: 3,
  rsud: 4,
  kecamatan: 5,
};

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

type Tier =
  | 'kepala_daerah'
  | 'sekda'
  | 'jpt'
  | 'administrator'
  | 'pengawas'
  | 'fungsional'
  | 'pelaksana';
type Jenjang = 'terampil' | 'pertama' | 'muda' | 'madya';

interface PersonRequest {
  tier: Tier;
  field: Field;
  title: string;
  /** For fungsional / pelaksana: may this person be a PPPK? */
  allowPppk: boolean;
}

function jenjangOf(title: string): Jenjang | null {
  if (/\bAhli Madya\b/.test(title)) return 'madya';
  if (/\bAhli Muda\b/.test(title)) return 'muda';
  if (/\bAhli Pertama\b/.test(title)) return 'pertama';
  if (/\b(Terampil|Mahir|Penyelia)\b/.test(title)) return 'terampil';
  return null;
}

const staffKind = (title: string): PositionKind =>
  jenjangOf(title) === null ? 'pelaksana' : 'fungsional';

const PNS_GRADES: Record<Tier | Jenjang, readonly (readonly [string, number])[]> = {
  kepala_daerah: [],
  sekda: [
    ['IV/c', 1],
    ['IV/d', 1],
  ],
  jpt: [
    ['IV/b', 4],
    ['IV/c', 5],
    ['IV/d', 1],
  ],
  administrator: [
    ['III/d', 1],
    ['IV/a', 2],
    ['IV/b', 1],
  ],
  pengawas: [
    ['III/c', 4],
    ['III/d', 5],
  ],
  madya: [
    ['IV/a', 3],
    ['IV/b', 2],
    ['IV/c', 1],
  ],
  muda: [
    ['III/c', 1],
    ['III/d', 1],
  ],
  pertama: [
    ['III/a', 1],
    ['III/b', 1],
  ],
  terampil: [
    ['II/c', 2],
    ['II/d', 2],
    ['III/a', 1],
    ['III/b', 1],
  ],
  fungsional: [],
  pelaksana: [
    ['II/c', 2],
    ['II/d', 3],
    ['III/a', 3],
    ['III/b', 2],
  ],
};

const PPPK_GRADES: Record<Jenjang | 'pelaksana', readonly string[]> = {
  terampil: ['VII'],
  pertama: ['IX'],
  muda: ['X'],
  madya: ['XI'],
  pelaksana: ['V', 'VII', 'IX'],
};

/** Birth-year ranges so that grade, age and retirement age stay plausible. */
const BIRTH_YEARS: Record<Tier | Jenjang, readonly [number, number]> = {
  kepala_daerah: [1966, 1985],
  sekda: [1967, 1972],
  jpt: [1967, 1978],
  administrator: [1969, 1983],
  pengawas: [1972, 1990],
  madya: [1968, 1980],
  muda: [1974, 1988],
  pertama: [1985, 1998],
  terampil: [1980, 1998],
  fungsional: [1975, 1995],
  pelaksana: [1975, 2000],
};

/** Rough minimum years since TMT CPNS to reach a grade (regular promotion every ~4 years). */
const MIN_SERVICE_YEARS: Record<string, number> = {
  'II/d': 3,
  'III/b': 3,
  'III/c': 6,
  'III/d': 9,
  'IV/a': 13,
  'IV/b': 17,
  'IV/c': 20,
  'IV/d': 23,
};

const FEMALE_SHARE: Record<Tier, number> = {
  kepala_daerah: 0.25,
  sekda: 0.3,
  jpt: 0.3,
  administrator: 0.4,
  pengawas: 0.48,
  fungsional: 0.55,
  pelaksana: 0.5,
};

type Education = 'sma' | 'd3' | 's1' | 's2';

class PeopleFactory {
  readonly people: DemoPerson[] = [];
  private readonly names = new Set<string>();
  private readonly emails = new Set<string>();
  private readonly nips = new Set<string>();

  constructor(private readonly rng: Rng) {}

  create(req: PersonRequest): DemoPerson {
    const { rng } = this;
    const field = TITLE_FIELDS.find(([re]) => re.test(req.title))?.[1] ?? req.field;
    const jenjang = req.tier === 'fungsional' ? (jenjangOf(req.title) ?? 'muda') : null;
    const slot: Tier | Jenjang = jenjang ?? req.tier;

    let femaleShare = FEMALE_SHARE[req.tier];
    if (['kesehatan', 'keperawatan', 'medis', 'pendidikan'].includes(field)) femaleShare += 0.15;
    if (field === 'kebidanan') femaleShare = 1;
    const gender: 'L' | 'P' = rng.chance(femaleShare) ? 'P' : 'L';

    let employeeType: EmployeeType = 'pns';
    if (req.tier === 'kepala_daerah') employeeType = 'pejabat_negara';
    else if (req.allowPppk && rng.chance(0.06)) employeeType = 'pppk';

    let grade: string | null = null;
    if (employeeType === 'pns') grade = rng.weighted(PNS_GRADES[slot]);
    if (employeeType === 'pppk') grade = rng.pick(PPPK_GRADES[jenjang ?? 'pelaksana']);

    // A PNS needs years of service for a grade: the latest plausible TMT CPNS bounds the
    // birth year from above. PPPK were all appointed 2022-2025.
    const [fromYear, toYear] = BIRTH_YEARS[employeeType === 'pppk' ? 'fungsional' : slot];
    const latestTmt =
      employeeType === 'pppk' ? rng.int(2022, 2025) : 2025 - (MIN_SERVICE_YEARS[grade ?? ''] ?? 0);
    const birthYear = rng.int(fromYear, Math.min(toYear, latestTmt - 21));
    const tmtYear =
      employeeType === 'pppk' ? latestTmt : Math.min(birthYear + rng.int(21, 28), latestTmt);
    const nip = employeeType === 'pejabat_negara' ? null : this.nip(birthYear, tmtYear, gender);

    const name = this.uniqueName(gender);
    const education = this.education(req.tier, jenjang, employeeType, grade);
    const { front, back } = this.titles(req.tier, req.title, field, education, birthYear);
    const email = rng.chance(0.88) ? this.email(name) : null;

    const person: DemoPerson = {
      key: `p-${pad(this.people.length + 1, 4)}`,
      nip,
      frontTitle: front,
      name,
      backTitle: back,
      gender,
      employeeType,
      grade,
      email,
    };
    this.people.push(person);
    return person;
  }

  private nip(birthYear: number, tmtYear: number, gender: 'L' | 'P'): string {
    const { rng } = this;
    const birthMonth = rng.int(1, 12);
    const birth = isoDate(birthYear, birthMonth, rng.int(1, daysInMonth(birthYear, birthMonth)));
    const tmtMonth = rng.pick([1, 2, 3, 3, 4, 12]);
    const sex = gender === 'L' ? '1' : '2';
    const prefix = `${birth.replaceAll('-', '')}${tmtYear}${pad(tmtMonth)}${sex}`;
    let seq = rng.int(1, 120);
    while (this.nips.has(`${prefix}${pad(seq, 3)}`)) seq = (seq % 999) + 1;
    const nip = `${prefix}${pad(seq, 3)}`;
    this.nips.add(nip);
    return nip;
  }

  private uniqueName(gender: 'L' | 'P'): string {
    const { rng } = this;
    for (;;) {
      const group = rng.weighted(NAME_GROUPS.map((g) => [g, g.weight] as const));
      const first = rng.pick(gender === 'L' ? group.male : group.female);
      const lasts = group.last.concat((gender === 'L' ? group.lastMale : group.lastFemale) ?? []);
      const last = rng.pick(lasts);
      const middles =
        (gender === 'L' ? group.middleMale : group.middleFemale) ??
        (gender === 'L' ? group.male : group.female);
      const candidates = [`${first} ${last}`];
      for (let i = 0; i < 3; i += 1) {
        const middle = rng.pick(middles);
        if (middle !== first) candidates.push(`${first} ${middle} ${last}`);
      }
      const name = candidates.find((c) => !this.names.has(c));
      if (name !== undefined) {
        this.names.add(name);
        return name;
      }
    }
  }

  private email(name: string): string {
    const tokens = name
      .toLowerCase()
      .split(' ')
      .filter((t) => t !== 'i' && t !== 'ni')
      .map((t) => t.replace(/[^a-z]/g, ''));
    const base = tokens.join('.');
    let local = base;
    for (let n = 2; this.emails.has(local); n += 1) local = `${base}${n}`;
    this.emails.add(local);
    return `${local}@${EMAIL_DOMAIN}`;
  }

  private education(
    tier: Tier,
    jenjang: Jenjang | null,
    type: EmployeeType,
    grade: string | null,
  ): Education {
    const { rng } = this;
    if (type === 'pppk') {
      if (grade === 'V') return 'sma';
      if (grade === 'VII') return 'd3';
      return grade === 'IX' ? 's1' : 's2';
    }
    switch (tier) {
      case 'kepala_daerah':
        return rng.chance(0.7) ? 's2' : 's1';
      case 'sekda':
      case 'jpt':
        return rng.chance(0.95) ? 's2' : 's1';
      case 'administrator':
        return rng.chance(0.7) ? 's2' : 's1';
      case 'pengawas':
        return rng.chance(0.35) ? 's2' : 's1';
      case 'fungsional': {
        if (jenjang === 'terampil') return 'd3';
        const s2 = { madya: 0.7, muda: 0.35, pertama: 0.1 }[jenjang ?? 'muda'];
        return rng.chance(s2) ? 's2' : 's1';
      }
      case 'pelaksana':
        if (grade?.startsWith('II/')) return rng.chance(0.5) ? 'sma' : 'd3';
        return rng.chance(0.8) ? 's1' : 'd3';
    }
  }

  private titles(
    tier: Tier,
    title: string,
    field: Field,
    education: Education,
    birthYear: number,
  ): { front: string | null; back: string | null } {
    const { rng } = this;
    const senior = tier === 'sekda' || tier === 'jpt' || tier === 'kepala_daerah';

    // Physicians: 'dr.' (or 'drg.') in front, specialist / master degree behind. Heads of
    // medical units and jabatan fungsional Dokter are physicians, other health heads sometimes.
    const graduate = education === 's1' || education === 's2';
    const head = senior || tier === 'administrator' || tier === 'pengawas';
    let doctorShare = 0;
    if (field === 'medis' && (head || title.startsWith('Dokter '))) doctorShare = 1;
    if (field === 'kesehatan' && head) {
      doctorShare = senior ? 1 : tier === 'administrator' ? 0.5 : 0.2;
    }
    if (graduate && doctorShare > 0 && rng.chance(doctorShare)) {
      const front = field === 'medis' || rng.chance(0.85) ? 'dr.' : 'drg.';
      const pool = field === 'medis' ? DEGREES.medis.s2 : ['M.Kes.', 'M.K.M.'];
      return { front, back: education === 's2' ? rng.pick(pool) : null };
    }

    const degrees = DEGREES[field === 'medis' ? 'kesehatan' : field];

    const parts: string[] = [];
    let front: string | null = null;
    if (education === 'd3') parts.push(rng.pick(degrees.d3));
    if (education === 's1' || education === 's2') {
      const ir = (field === 'teknik' || field === 'pertanian') && birthYear < 1978;
      if (ir && rng.chance(0.5)) front = 'Ir.';
      else parts.push(rng.pick(degrees.s1));
    }
    if (education === 's2') {
      parts.push(rng.pick(degrees.s2));
      const doctorate = senior ? 0.12 : tier === 'administrator' ? 0.03 : 0;
      if (rng.chance(doctorate)) front = front === null ? 'Dr.' : `Dr. ${front}`;
    }
    return { front, back: parts.length > 0 ? parts.join(', ') : null };
  }
}

// ---------------------------------------------------------------------------------------------
// Tree construction
// ---------------------------------------------------------------------------------------------

interface PositionMeta {
  tier: Tier;
  field: Field;
  allowPppk: boolean;
}

const HEAD_KIND: Record<UnitLevel, PositionKind> = {
  eselon_2: 'jpt_pratama',
  eselon_3: 'administrator',
  eselon_4: 'pengawas',
};

const HEAD_TIER: Record<UnitLevel, Tier> = {
  eselon_2: 'jpt',
  eselon_3: 'administrator',
  eselon_4: 'pengawas',
};

function defaultHeadTitle(spec: UnitSpec): string {
  switch (spec.type) {
    case 'kecamatan':
      return `Camat ${spec.name}`;
    case 'rsud':
      return `Direktur ${spec.name}`;
    default:
      return `Kepala ${spec.name}`;
  }
}

class TreeBuilder {
  readonly meta = new Map<string, PositionMeta>();

  constructor(private readonly rng: Rng) {}

  unit(spec: UnitSpec, code: string, parentField: Field): DemoUnit {
    const field = spec.field ?? parentField;
    const positions: DemoPosition[] = [];
    const addPosition = (
      title: string,
      kind: PositionKind,
      headsUnit: boolean,
      m: PositionMeta,
    ) => {
      const key = `j-${code}-${pad(positions.length + 1)}`;
      positions.push({ key, title, kind, headsUnit, holders: [] });
      this.meta.set(key, m);
    };

    const headTier = spec.type === 'sekretariat_daerah' ? 'sekda' : HEAD_TIER[spec.level];
    addPosition(spec.headTitle ?? defaultHeadTitle(spec), HEAD_KIND[spec.level], true, {
      tier: headTier,
      field,
      allowPppk: false,
    });

    for (const title of this.staffTitles(spec, code)) {
      const kind = staffKind(title);
      addPosition(title, kind, false, {
        tier: kind === 'fungsional' ? 'fungsional' : 'pelaksana',
        field,
        allowPppk: true,
      });
    }

    const children = (spec.children ?? []).map((child, i) =>
      this.unit(child, `${code}.${pad(i + 1)}`, field),
    );
    return {
      key: `u-${code}`,
      name: spec.name,
      shortName: spec.shortName ?? null,
      type: spec.type,
      level: spec.level,
      code,
      children,
      positions,
    };
  }

  private staffTitles(spec: UnitSpec, code: string): readonly string[] {
    if (spec.staff !== undefined) return spec.staff;
    const topLevel = !code.includes('.', code.indexOf('.') + 1);
    if (topLevel) return DEFAULT_PD_STAFF.slice(0, this.rng.int(1, 2));
    if (spec.level !== 'eselon_4') return [];
    const count = this.rng.weighted([
      [0, 25],
      [1, 45],
      [2, 30],
    ] as const);
    const pool: string[] = [...PELAKSANA_TITLES];
    const titles: string[] = [];
    for (let i = 0; i < count; i += 1) {
      titles.push(...pool.splice(this.rng.int(0, pool.length - 1), 1));
    }
    return titles;
  }
}

function buildUnits(builder: TreeBuilder): DemoUnit[] {
  const counters = new Map<number, number>();
  return PERANGKAT_DAERAH.map((spec) => {
    const group = CODE_GROUP[spec.type];
    if (group === undefined) throw new Error(`no code group for ${spec.type}`);
    const n = (counters.get(group) ?? 0) + 1;
    counters.set(group, n);
    return builder.unit(spec, `${group}.${pad(n)}`, spec.field ?? 'umum');
  });
}

// ---------------------------------------------------------------------------------------------
// Lookups and scenarios
// ---------------------------------------------------------------------------------------------

function* walk(units: readonly DemoUnit[]): Generator<DemoUnit> {
  for (const unit of units) {
    yield unit;
    yield* walk(unit.children);
  }
}

function findUnit(units: readonly DemoUnit[], name: string): DemoUnit {
  const unit = units.find((u) => u.name === name);
  if (unit === undefined) throw new Error(`unit not found: ${name}`);
  return unit;
}

function headOf(unit: DemoUnit): DemoPosition {
  const head = unit.positions.find((p) => p.headsUnit);
  if (head === undefined) throw new Error(`no head in ${unit.name}`);
  return head;
}

/** Head of the Sekretariat (Sekretaris Dinas / Badan / Kecamatan) of a PD. */
function sekretarisOf(pd: DemoUnit): DemoPosition {
  const sekretariat = pd.children.find((c) => c.name.startsWith('Sekretariat'));
  if (sekretariat === undefined) throw new Error(`no Sekretariat in ${pd.name}`);
  return headOf(sekretariat);
}

function definitifOf(position: DemoPosition): DemoHolder {
  const holder = position.holders.find((h) => h.kind === 'definitif' && h.end === null);
  if (holder === undefined) throw new Error(`no current holder for ${position.title}`);
  return holder;
}

/** PD whose head is held by its Sekretaris as Plt, with the Plt start date. */
const PLT_HEADS: readonly (readonly [string, string])[] = [
  ['Dinas Perhubungan', '2025-08-04'],
  ['Dinas Pariwisata', '2025-10-01'],
  [`Kecamatan ${KECAMATAN_NAMES[7]}`, '2025-11-17'],
];
/** Kepala BPKAD on leave: Sekretaris BPKAD is Plh for two weeks. */
const PLH_HEAD = [
  'Badan Pengelolaan Keuangan dan Aset Daerah',
  '2026-01-12',
  '2026-01-23',
] as const;
/** A Kepala Seksi post left vacant after a retirement. */
const VACANT = ['Dinas Sosial', 'Seksi Jaminan Sosial Keluarga'] as const;
/** Head whose previous definitif holder retired: [PD, previous start, previous end, new start]. */
const HISTORY_HEAD = [
  'Dinas Pendidikan dan Kebudayaan',
  '2019-01-07',
  '2023-05-31',
  '2023-06-12',
] as const;

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

export function buildKotaContoh(): DemoOrganisation {
  const rng = new Rng(SEED);
  const factory = new PeopleFactory(rng);
  const builder = new TreeBuilder(rng);

  // Kepala daerah: elected in Pilkada 2024, inaugurated 2025-02-20. The previous Wali Kota
  // (2021-2025) is kept as history.
  const leaderReq = { tier: 'kepala_daerah', field: 'umum', allowPppk: false } as const;
  const walikota = factory.create({ ...leaderReq, title: 'Wali Kota' });
  const wakil = factory.create({ ...leaderReq, title: 'Wakil Wali Kota' });
  const leaders: DemoPosition[] = [
    {
      key: 'j-walikota',
      title: 'Wali Kota Contoh',
      kind: 'kepala_daerah',
      headsUnit: false,
      holders: [{ personKey: walikota.key, kind: 'definitif', start: '2025-02-20', end: null }],
    },
    {
      key: 'j-wakil-walikota',
      title: 'Wakil Wali Kota Contoh',
      kind: 'wakil_kepala_daerah',
      headsUnit: false,
      holders: [{ personKey: wakil.key, kind: 'definitif', start: '2025-02-20', end: null }],
    },
  ];

  const units = buildUnits(builder);

  // Positions that do not get a fresh definitif holder, and Sekretaris who will also act as
  // Plt / Plh head (appointed to their own post well before that).
  const skip = new Set<string>();
  const early = new Set<string>();
  for (const [pdName] of PLT_HEADS) skip.add(headOf(findUnit(units, pdName)).key);
  for (const pdName of [...PLT_HEADS.map(([name]) => name), PLH_HEAD[0]]) {
    early.add(sekretarisOf(findUnit(units, pdName)).key);
  }
  const vacantUnit = findUnit(
    findUnit(units, VACANT[0]).children.flatMap((c) => c.children),
    VACANT[1],
  );
  skip.add(headOf(vacantUnit).key);

  for (const unit of walk(units)) {
    for (const position of unit.positions) {
      if (skip.has(position.key)) continue;
      const meta = builder.meta.get(position.key);
      if (meta === undefined) throw new Error(`no meta for ${position.key}`);
      const person = factory.create({ ...meta, title: position.title });
      position.holders.push({
        personKey: person.key,
        kind: 'definitif',
        start: laterOf(randomDate(rng, 2021, early.has(position.key) ? 2024 : 2025), tmtOf(person)),
        end: null,
      });
    }
  }

  // Plt: the Sekretaris holds the vacant head post in addition to their own.
  for (const [pdName, start] of PLT_HEADS) {
    const pd = findUnit(units, pdName);
    const sekretaris = definitifOf(sekretarisOf(pd));
    headOf(pd).holders.push({
      personKey: sekretaris.personKey,
      kind: 'plt',
      start: laterOf(start, sekretaris.start),
      end: null,
    });
  }

  // Plh: short-term stand-in while the definitif head is on leave.
  {
    const [pdName, start, end] = PLH_HEAD;
    const pd = findUnit(units, pdName);
    const sekretaris = definitifOf(sekretarisOf(pd));
    headOf(pd).holders.push({ personKey: sekretaris.personKey, kind: 'plh', start, end });
  }

  // History: previous definitif holders that have since left.
  const previousWalikota = factory.create({ ...leaderReq, title: 'Wali Kota' });
  at(leaders, 0).holders.unshift({
    personKey: previousWalikota.key,
    kind: 'definitif',
    start: '2021-02-26',
    end: '2025-02-19',
  });
  {
    const [pdName, prevStart, prevEnd, newStart] = HISTORY_HEAD;
    const head = headOf(findUnit(units, pdName));
    const meta = builder.meta.get(head.key);
    if (meta === undefined) throw new Error(`no meta for ${head.key}`);
    const previous = factory.create({ ...meta, title: head.title });
    definitifOf(head).start = newStart;
    head.holders.unshift({
      personKey: previous.key,
      kind: 'definitif',
      start: prevStart,
      end: prevEnd,
    });
  }

  return {
    tenant: {
      name: 'Pemerintah Kota Contoh',
      shortName: 'Kota Contoh',
      type: 'kota',
      regionCode: REGION_CODE,
      timeZone: 'Asia/Makassar',
    },
    leaders,
    units,
    people: factory.people,
  };
}

/**
 * Demo-only NIP check: birth date YYYYMMDD (real date, 1965-2000) + TMT CPNS YYYYMM (real month,
 * on or after the 18th birthday, not after 2025-12) + sex digit (1/2) + sequence 001-999.
 */
export function isValidDemoNip(nip: string): boolean {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{4})(\d{2})([12])(\d{3})$/.exec(nip);
  if (m === null) return false;
  const [by, bm, bd, ty, tm, , seq] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (by < 1965 || by > 2000 || bm < 1 || bm > 12 || bd < 1 || bd > daysInMonth(by, bm)) {
    return false;
  }
  if (tm < 1 || tm > 12 || ty * 100 + tm > 202512) return false;
  if (isoDate(ty, tm, 1) < isoDate(by + 18, bm, bd)) return false;
  return seq >= 1 && seq <= 999;
}
