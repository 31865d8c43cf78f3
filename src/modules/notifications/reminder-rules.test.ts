import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, periodsAround } from './due-reports.js';
import { backoffMs, MAX_ATTEMPTS, withPublicLinks } from './mail/send-outbox.js';
import { mailBody } from './notify.js';
import { stageOf } from './reminders/schedule-reminders.js';

const rules = { reminderDaysBefore: [7, 3, 1], escalateAfterDaysLate: 1 };
const settings = { monitoring: { deadlineWorkingDays: 10 } };

describe('reminder stages', () => {
  // TW II 2026 is due on 2026-07-14.
  it.each([
    ['2026-07-06', null],
    ['2026-07-07', { kind: 'reminder', days: 7, daysLeft: 7 }],
    ['2026-07-10', { kind: 'reminder', days: 7, daysLeft: 4 }],
    ['2026-07-11', { kind: 'reminder', days: 3, daysLeft: 3 }],
    ['2026-07-12', { kind: 'reminder', days: 3, daysLeft: 2 }],
    ['2026-07-13', { kind: 'reminder', days: 1, daysLeft: 1 }],
    ['2026-07-14', { kind: 'reminder', days: 1, daysLeft: 0 }],
    ['2026-07-15', { kind: 'escalation', daysLate: 1 }],
    ['2026-12-31', { kind: 'escalation', daysLate: 170 }],
  ])('on %s', (today, stage) => {
    expect(stageOf('2026-07-14', today, rules)).toEqual(stage);
  });

  it('reads the tenant rules: custom days, unsorted, later escalation, none on the deadline', () => {
    const custom = { reminderDaysBefore: [2, 10], escalateAfterDaysLate: 3 };
    expect(stageOf('2026-07-14', '2026-07-04', custom)).toMatchObject({ days: 10 });
    expect(stageOf('2026-07-14', '2026-07-12', custom)).toMatchObject({ days: 2 });
    expect(stageOf('2026-07-14', '2026-07-16', custom)).toBeNull();
    expect(stageOf('2026-07-14', '2026-07-17', custom)).toMatchObject({ kind: 'escalation' });
    const zero = { reminderDaysBefore: [], escalateAfterDaysLate: 0 };
    expect(stageOf('2026-07-14', '2026-07-14', zero)).toBeNull();
    expect(stageOf('2026-07-14', '2026-07-15', zero)).toMatchObject({ daysLate: 1 });
  });

  it('asks about the quarters of this and last year with their deadlines', () => {
    const periods = periodsAround('2027-01-05', settings);
    expect(periods).toHaveLength(8);
    expect(periods[0]).toEqual({
      year: 2026,
      quarter: 1,
      end: '2026-03-31',
      deadline: '2026-04-14',
    });
    expect(periods[7]).toEqual({
      year: 2027,
      quarter: 4,
      end: '2027-12-31',
      deadline: '2028-01-14',
    });
  });

  it('counts calendar days across months and years', () => {
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2027-01-02', '2026-12-30')).toBe(-3);
    expect(addDays('2026-06-30', -15)).toBe('2026-06-15');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});

describe('mail', () => {
  it('backs off 1, 5, 30, 120, 360 minutes and gives up after 6 attempts', () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffMs(a) / 60_000)).toEqual([1, 5, 30, 120, 360]);
    expect(backoffMs(9) / 60_000).toBe(360);
    expect(MAX_ATTEMPTS).toBe(6);
  });

  it('writes an Indonesian body whose link becomes absolute with PUBLIC_URL', () => {
    const body = mailBody({ title: 'Judul', body: 'Isi pesan.', link: '/realisasi/abc' });
    expect(body).toContain('Buka: /realisasi/abc');
    expect(withPublicLinks(body, 'https://sakip.kota.go.id/')).toContain(
      'Buka: https://sakip.kota.go.id/realisasi/abc',
    );
    expect(withPublicLinks(body, undefined)).toBe(body);
    // Only the link line: text that merely mentions "Buka: /x" inside a sentence is kept.
    expect(withPublicLinks('Kata Buka: /x di tengah', 'https://a.b')).toBe(
      'Kata Buka: /x di tengah',
    );
  });
});
