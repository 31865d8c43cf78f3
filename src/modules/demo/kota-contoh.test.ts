import { describe, expect, it } from 'vitest';
import {
  buildKotaContoh,
  type DemoHolder,
  type DemoPosition,
  type DemoUnit,
  isValidDemoNip,
  type PositionKind,
  type UnitLevel,
} from './kota-contoh.js';

const org = buildKotaContoh();

function flatten(units: readonly DemoUnit[]): DemoUnit[] {
  return units.flatMap((u) => [u, ...flatten(u.children)]);
}

const units = flatten(org.units);
const unitPositions = units.flatMap((u) => u.positions);
const positions: DemoPosition[] = [...org.leaders, ...unitPositions];
const holders: DemoHolder[] = positions.flatMap((p) => p.holders);
const peopleByKey = new Map(org.people.map((p) => [p.key, p]));

const duplicates = (values: readonly string[]): string[] =>
  values.filter((v, i) => values.indexOf(v) !== i);

const HEAD_KIND: Record<UnitLevel, PositionKind> = {
  eselon_2: 'jpt_pratama',
  eselon_3: 'administrator',
  eselon_4: 'pengawas',
};
const PNS_GRADES = ['II/c', 'II/d', 'III/a', 'III/b', 'III/c', 'III/d'].concat([
  'IV/a',
  'IV/b',
  'IV/c',
  'IV/d',
  'IV/e',
]);
const PPPK_GRADE = /^(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI|XVII)$/;

describe('buildKotaContoh', () => {
  it('describes the fictional tenant', () => {
    expect(org.tenant).toEqual({
      name: 'Pemerintah Kota Contoh',
      shortName: 'Kota Contoh',
      type: 'kota',
      regionCode: '71.79',
      timeZone: 'Asia/Makassar',
    });
    expect(org.tenant.regionCode).toMatch(/^\d{2}\.\d{2}$/);
  });

  it('has counts within the agreed ranges', () => {
    expect(org.units.length).toBeGreaterThanOrEqual(38);
    expect(org.units.length).toBeLessThanOrEqual(42);
    expect(units.length).toBeGreaterThanOrEqual(350);
    expect(units.length).toBeLessThanOrEqual(600);
    expect(org.people.length).toBeGreaterThanOrEqual(700);
    expect(org.people.length).toBeLessThanOrEqual(1400);
  });

  it('has the expected kinds of Perangkat Daerah', () => {
    const count = (type: DemoUnit['type']) => org.units.filter((u) => u.type === type).length;
    expect(count('sekretariat_daerah')).toBe(1);
    expect(count('sekretariat_dprd')).toBe(1);
    expect(count('inspektorat')).toBe(1);
    expect(count('rsud')).toBe(1);
    expect(count('kecamatan')).toBe(8);
    expect(count('badan')).toBeGreaterThanOrEqual(6);
    expect(count('dinas')).toBeGreaterThanOrEqual(18);
    const names = org.units.map((u) => u.name);
    expect(names).toContain('Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah');
    expect(names).toContain('Satuan Polisi Pamong Praja');
    const setda = org.units.find((u) => u.type === 'sekretariat_daerah');
    expect(setda?.children.filter((c) => c.type === 'bagian')).toHaveLength(8);
  });

  it('gives every unit exactly one head whose kind matches the level', () => {
    for (const unit of units) {
      const heads = unit.positions.filter((p) => p.headsUnit);
      expect(heads, unit.code).toHaveLength(1);
      const [head] = heads;
      if (unit.level !== null) expect(head?.kind, unit.code).toBe(HEAD_KIND[unit.level]);
      for (const p of unit.positions.filter((q) => !q.headsUnit)) {
        expect(['fungsional', 'pelaksana'], p.key).toContain(p.kind);
      }
    }
  });

  it('nests levels and codes consistently', () => {
    for (const unit of units) {
      for (const child of unit.children) {
        expect(child.code.startsWith(`${unit.code}.`), child.code).toBe(true);
      }
    }
    const eselon2 = org.units.filter((u) => u.level === 'eselon_2');
    for (const pd of eselon2) {
      const staff = pd.positions.filter((p) => !p.headsUnit);
      expect(staff.length, pd.name).toBeGreaterThanOrEqual(1);
      expect(staff.length, pd.name).toBeLessThanOrEqual(2);
    }
    const sekda = org.units.find((u) => u.type === 'sekretariat_daerah')?.positions[0];
    const sekdaHolder = sekda?.holders[0];
    expect(sekda?.title).toBe('Sekretaris Daerah');
    expect(['IV/c', 'IV/d']).toContain(peopleByKey.get(sekdaHolder?.personKey ?? '')?.grade);
  });

  it('uses unique unit codes, unit keys and position keys', () => {
    expect(duplicates(units.map((u) => u.code))).toEqual([]);
    expect(duplicates(units.map((u) => u.key))).toEqual([]);
    expect(duplicates(positions.map((p) => p.key))).toEqual([]);
  });

  it('uses unique person keys, NIPs, names and e-mail addresses', () => {
    expect(duplicates(org.people.map((p) => p.key))).toEqual([]);
    expect(duplicates(org.people.flatMap((p) => (p.nip === null ? [] : [p.nip])))).toEqual([]);
    expect(duplicates(org.people.map((p) => p.name))).toEqual([]);
    expect(duplicates(org.people.flatMap((p) => (p.email === null ? [] : [p.email])))).toEqual([]);
    for (const p of org.people) {
      if (p.email !== null) expect(p.email).toMatch(/^[a-z0-9.]+@kotacontoh\.go\.id$/);
    }
  });

  it('draws names from a varied pool', () => {
    const given = new Set(org.people.map((p) => p.name.split(' ')[0]));
    const family = new Set(org.people.map((p) => p.name.split(' ').at(-1)));
    expect(given.size).toBeGreaterThanOrEqual(60);
    expect(family.size).toBeGreaterThanOrEqual(80);
  });

  it('links holders and people both ways', () => {
    for (const h of holders) expect(peopleByKey.has(h.personKey), h.personKey).toBe(true);
    const referenced = new Set(holders.map((h) => h.personKey));
    for (const p of org.people) expect(referenced.has(p.key), p.key).toBe(true);
  });

  it('gives valid NIPs whose sex digit matches the gender', () => {
    for (const p of org.people) {
      if (p.employeeType === 'pejabat_negara') {
        expect(p.nip).toBeNull();
        expect(p.grade).toBeNull();
        continue;
      }
      expect(p.nip, p.key).not.toBeNull();
      const nip = p.nip ?? '';
      expect(isValidDemoNip(nip), nip).toBe(true);
      expect(nip[14], nip).toBe(p.gender === 'L' ? '1' : '2');
      if (p.employeeType === 'pns') expect(PNS_GRADES, p.key).toContain(p.grade);
      else expect(p.grade ?? '', p.key).toMatch(PPPK_GRADE);
    }
    expect(org.people.some((p) => p.employeeType === 'pppk')).toBe(true);
  });

  it('validates NIPs strictly', () => {
    expect(isValidDemoNip('198503122010011001')).toBe(true);
    expect(isValidDemoNip('19850312201001100')).toBe(false); // 17 digits
    expect(isValidDemoNip('198502302010011001')).toBe(false); // 30 February
    expect(isValidDemoNip('196412312000011001')).toBe(false); // born before 1965
    expect(isValidDemoNip('200101012025011001')).toBe(false); // born after 2000
    expect(isValidDemoNip('198503122010131001')).toBe(false); // TMT month 13
    expect(isValidDemoNip('198503122026011001')).toBe(false); // TMT after 2025-12
    expect(isValidDemoNip('198503122003021001')).toBe(false); // TMT before 18th birthday
    expect(isValidDemoNip('198503122010013001')).toBe(false); // sex digit 3
    expect(isValidDemoNip('198503122010011000')).toBe(false); // sequence 000
  });

  it('never overlaps definitif holders of one position', () => {
    for (const p of positions) {
      const definitif = p.holders
        .filter((h) => h.kind === 'definitif')
        .sort((a, b) => a.start.localeCompare(b.start));
      for (let i = 1; i < definitif.length; i += 1) {
        const prev = definitif[i - 1];
        const next = definitif[i];
        expect(prev?.end, p.key).not.toBeNull();
        expect((prev?.end ?? '') < (next?.start ?? ''), p.key).toBe(true);
      }
      for (const h of p.holders) {
        expect(h.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (h.end !== null) expect(h.end >= h.start, p.key).toBe(true);
      }
    }
    const withHistory = positions.filter(
      (p) => p.holders.filter((h) => h.kind === 'definitif').length > 1,
    );
    expect(withHistory.length).toBeGreaterThanOrEqual(2);
  });

  it('includes Plt, Plh and vacant positions', () => {
    const plt = holders.filter((h) => h.kind === 'plt');
    const plh = holders.filter((h) => h.kind === 'plh');
    const vacant = unitPositions.filter((p) => p.holders.length === 0);
    expect(plt.length).toBeGreaterThanOrEqual(3);
    expect(plh.length).toBeGreaterThanOrEqual(1);
    expect(vacant.length).toBeGreaterThanOrEqual(1);
    for (const p of vacant) expect(p.kind).toBe('pengawas');
    for (const p of plh) expect(p.end?.startsWith('2026-')).toBe(true);

    // A Plt/Plh is someone who also holds a definitif post elsewhere.
    const definitifHolders = new Set(
      holders.filter((h) => h.kind === 'definitif' && h.end === null).map((h) => h.personKey),
    );
    for (const h of [...plt, ...plh]) expect(definitifHolders.has(h.personKey)).toBe(true);
  });

  it('has exactly one Wali Kota and one Wakil Wali Kota', () => {
    expect(org.leaders.filter((p) => p.kind === 'kepala_daerah')).toHaveLength(1);
    expect(org.leaders.filter((p) => p.kind === 'wakil_kepala_daerah')).toHaveLength(1);
    for (const leader of org.leaders) {
      expect(leader.headsUnit).toBe(false);
      for (const h of leader.holders) {
        expect(peopleByKey.get(h.personKey)?.employeeType).toBe('pejabat_negara');
      }
    }
  });

  it('is deterministic', () => {
    expect(buildKotaContoh()).toEqual(org);
    expect(JSON.stringify(buildKotaContoh())).toBe(JSON.stringify(buildKotaContoh()));
  });
});
