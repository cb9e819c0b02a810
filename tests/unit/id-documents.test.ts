// Applicants without a mainland ID card (shared/validate/idDocument.ts): each document checked
// by its rule, the 2023 permanent-residence ID by the GB 11643 check character.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateIdDocument } from '../../shared/validate/idDocument';
import { idCardCheckChar } from '../../shared/validate/idcard';
import { PersonApplicant, Agent } from '../../shared/domain/applicant';

const NOW = new Date('2026-12-01T00:00:00Z');
const fpr = (body17: string) => body17 + idCardCheckChar(body17);
const CHECK_CHARS = '0123456789X';

describe('外国人永久居留身份证', () => {
  it('2023 edition: 18 characters from 9, province, nationality, birth date, sequence and the MOD 11-2 check', () => {
    const birth = fc.date({ min: new Date('1920-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''));
    fc.assert(
      fc.property(fc.constantFrom('11', '31', '44', '21'), fc.integer({ min: 0, max: 999 }), birth, fc.integer({ min: 0, max: 999 }), (prov, nat, b, seq) => {
        const body = `9${prov}${String(nat).padStart(3, '0')}${b}${String(seq).padStart(3, '0')}`;
        const good = fpr(body);
        if (!validateIdDocument('foreignPermanentResident', good, NOW).ok) return false;
        // Any other last character is refused with the check message.
        return [...CHECK_CHARS].filter((c) => c !== good[17]).every((c) => {
          const r = validateIdDocument('foreignPermanentResident', body + c, NOW);
          return !r.ok && r.message.includes('校验位');
        });
      }),
    );
  });

  it('refuses a bad province, a bad birth date and a wrong length, in Chinese', () => {
    expect(validateIdDocument('foreignPermanentResident', fpr('99984019850312001'), NOW)).toMatchObject({ ok: false, message: expect.stringContaining('省级行政区划代码') });
    expect(validateIdDocument('foreignPermanentResident', fpr('91184019851332001'), NOW)).toMatchObject({ ok: false, message: expect.stringContaining('出生日期') });
    expect(validateIdDocument('foreignPermanentResident', '9118401985', NOW)).toMatchObject({ ok: false, message: expect.stringContaining('18 位') });
    // Full-width digits and a lower-case x are normalised, as on the resident ID.
    const good = fpr('91184019850312001');
    expect(validateIdDocument('foreignPermanentResident', good.replace(/1/g, '１').toLowerCase(), NOW)).toEqual({ ok: true, value: good });
  });

  it('2017 edition: 3-letter nationality code, province and a real birth date', () => {
    expect(validateIdDocument('foreignPermanentResident', 'USA110503120011', NOW).ok).toBe(true);
    expect(validateIdDocument('foreignPermanentResident', 'USA111399120011', NOW)).toMatchObject({ ok: false, message: expect.stringContaining('出生日期') });
    expect(validateIdDocument('foreignPermanentResident', 'US1110503120011', NOW).ok).toBe(false);
  });
});

describe('travel permits and passports', () => {
  it('港澳居民来往内地通行证: H or M and 8 digits (10 on the old booklet)', () => {
    for (const v of ['H12345678', 'M87654321', 'h1234567890', 'Ｈ１２３４５６７８']) expect(validateIdDocument('hkMacaoPermit', v).ok, v).toBe(true);
    for (const v of ['12345678', 'H1234567', 'K12345678']) expect(validateIdDocument('hkMacaoPermit', v)).toMatchObject({ ok: false, message: expect.stringContaining('H 或 M') });
  });
  it('台湾居民来往大陆通行证: 8 digits', () => {
    expect(validateIdDocument('taiwanPermit', '0012 3456')).toEqual({ ok: true, value: '00123456' });
    expect(validateIdDocument('taiwanPermit', 'T1234567')).toMatchObject({ ok: false, message: '台湾居民来往大陆通行证号码应为 8 位数字' });
  });
  it('护照: 5–17 letters and digits; a Chinese one is E and 8 digits or E, a letter and 7 digits', () => {
    for (const v of ['E12345678', 'EA1234567', '533380006', 'X1234567', 'P12345AB']) expect(validateIdDocument('passport', v).ok, v).toBe(true);
    expect(validateIdDocument('passport', 'EI1234567')).toMatchObject({ ok: false, message: expect.stringContaining('中国护照') });
    expect(validateIdDocument('passport', 'A12')).toMatchObject({ ok: false, message: '护照号码应为 5–17 位字母或数字' });
  });
});

describe('the applicant schema', () => {
  it('a person shows a resident ID by default and another document when the clerk says so', () => {
    expect(PersonApplicant.parse({ kind: 'person', name: '王小明', idNumber: '11010519491231002x', phone: '13800138000' })).toMatchObject({ idType: 'residentId', idNumber: '11010519491231002X' });
    const p = PersonApplicant.parse({ kind: 'person', name: 'John Smith', idType: 'passport', idNumber: 'p 1234 5678', phone: '13800138000' });
    expect(p).toMatchObject({ idType: 'passport', idNumber: 'P12345678' });
    const bad = PersonApplicant.safeParse({ kind: 'person', name: '陈大文', idType: 'hkMacaoPermit', idNumber: '12345678', phone: '13800138000' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]).toMatchObject({ path: ['idNumber'], message: expect.stringContaining('H 或 M') });
    expect(Agent.safeParse({ name: '李', idType: 'residentId', idNumber: '110105194912310021', phone: '13800138000' }).error!.issues[0].message).toContain('校验位');
  });
});
