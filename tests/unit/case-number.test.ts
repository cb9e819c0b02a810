import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCaseNumber, formatPracticeCaseNumber, parseCaseNumber, type CaseNumberParts } from '../../shared/caseNumber';
import { AppError } from '../../shared/errors';

const example: CaseNumberParts = { officeCode: '210100', windowCode: '01', date: '2026-11-28', sequence: 7 };

const partsArb: fc.Arbitrary<CaseNumberParts> = fc.record({
  officeCode: fc.stringMatching(/^\d{6,12}$/),
  windowCode: fc.stringMatching(/^[0-9A-Z]{2}$/),
  date: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  sequence: fc.integer({ min: 1, max: 9999 }),
});

describe('formatCaseNumber', () => {
  it('writes office-window-date-sequence-check', () => {
    expect(formatCaseNumber(example)).toBe('210100-01-20261128-0007-H');
    expect(formatPracticeCaseNumber(example)).toBe('LX-210100-01-20261128-0007-1');
  });

  it.each([
    [{ ...example, sequence: 0 }, '序号从 1 开始'],
    [{ ...example, sequence: 10000 }, '本窗口当日序号已用完（最多 9999）'],
    [{ ...example, officeCode: '21010' }, '中心编码应为 6–12 位数字'],
    [{ ...example, windowCode: 'a1' }, '窗口编码应为 2 位数字或大写字母'],
    [{ ...example, date: '2026-02-30' }, '日期应为有效的 YYYY-MM-DD 日期'],
  ])('refuses bad parts %j', (parts, message) => {
    try {
      formatCaseNumber(parts);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('invalid_input');
      expect((e as AppError).details?.map((d) => d.message)).toEqual([message]);
    }
  });
});

describe('parseCaseNumber', () => {
  const ok = { ok: true, parts: example, practice: false, value: '210100-01-20261128-0007-H' };
  it.each([
    '210100-01-20261128-0007-H',
    '210100-01-20261128-0007-h',
    ' 210100 01 20261128 0007 H ',
    '21010001202611280007H',
    '２１０１００－０１－２０２６１１２８－０００７－Ｈ',
    '210100—01—20261128—0007—H',
  ])('reads %j', (input) => {
    expect(parseCaseNumber(input)).toEqual(ok);
  });

  it.each([
    ['', '请输入办件编号'],
    ['210100-01-20261128-0007', '办件编号格式不正确'],
    ['210100-01-20261128-0007-H-1', '办件编号格式不正确'],
    ['21010-01-20261128-0007-H', '办件编号格式不正确'],
    ['210100-001-20261128-0007-H', '办件编号格式不正确'],
    ['210100-01-20261131-0007-H', '办件编号格式不正确'],
    ['210100-01-20261128-0000-H', '办件编号格式不正确'],
    ['210100-01-20261128-007-H', '办件编号格式不正确'],
    ['2101000120261128007H', '办件编号格式不正确'],
    ['210100-01-20261128-0007-#', '办件编号格式不正确'],
    ['210100-01-20261128-0008-H', '办件编号校验位错误，请核对'],
    ['210100-01-20261128-0007-K', '办件编号校验位错误，请核对'],
    ['LX-210100-01-20261128-0007-1', '练习办件编号不能用于真实业务'],
    ['lx21010001202611280007 1', '练习办件编号不能用于真实业务'],
  ])('refuses %j with “%s”', (input, message) => {
    expect(parseCaseNumber(input)).toEqual({ ok: false, message });
  });

  it('in practice mode reads practice numbers and refuses real ones', () => {
    expect(parseCaseNumber('LX-210100-01-20261128-0007-1', { practice: true })).toEqual({ ok: true, parts: example, practice: true, value: 'LX-210100-01-20261128-0007-1' });
    expect(parseCaseNumber('210100-01-20261128-0007-H', { practice: true })).toEqual({ ok: false, message: '真实办件编号不能用于练习模式' });
  });
});

describe('case number properties', () => {
  it('every formatted number parses back to the same parts', () => {
    fc.assert(fc.property(partsArb, (parts) => {
      expect(parseCaseNumber(formatCaseNumber(parts))).toEqual({ ok: true, parts, practice: false, value: formatCaseNumber(parts) });
      expect(parseCaseNumber(formatCaseNumber(parts).replace(/-/g, ''))).toMatchObject({ ok: true, parts });
      expect(parseCaseNumber(formatPracticeCaseNumber(parts), { practice: true })).toMatchObject({ ok: true, parts, practice: true });
    }));
  });

  it('any single-character change is detected', () => {
    const alphabet = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-'];
    fc.assert(fc.property(partsArb, fc.boolean(), fc.nat(), fc.constantFrom(...alphabet), (parts, practice, pos, c) => {
      const n = practice ? formatPracticeCaseNumber(parts) : formatCaseNumber(parts);
      const i = pos % n.length;
      fc.pre(n[i] !== c);
      expect(parseCaseNumber(n.slice(0, i) + c + n.slice(i + 1), { practice }).ok).toBe(false);
      expect(parseCaseNumber(n.slice(0, i) + c + n.slice(i + 1), { practice: !practice }).ok).toBe(false);
    }));
  });

  it('a practice number with its prefix cut off is not a valid real number', () => {
    fc.assert(fc.property(partsArb, (parts) => {
      expect(parseCaseNumber(formatPracticeCaseNumber(parts).slice(3))).toEqual({ ok: false, message: '办件编号校验位错误，请核对' });
    }));
  });
});
