// Which marks the clerk is offered for a material. The checklist engine accepts any mark and
// turns a wrong one into 'missing'/'defective'; the screen simply does not offer marks that
// can never be right for the material, so a stray keystroke cannot record nonsense.
import type { Material } from '../../../shared/domain/catalogue';
import { MARKS, type Mark } from '../../../shared/domain/checklist';

export function offeredMarks(m: Material): Mark[] {
  return MARKS.filter((mark) => {
    switch (mark) {
      case 'copyReceived':
        return m.form === '复印件';
      case 'eCert':
        return m.source === '电子证照' || m.medium !== '纸质';
      case 'pledged':
        return m.source === '告知承诺';
      case 'deferred':
        return m.necessity === '可容缺';
      default:
        return true;
    }
  });
}

/** Digit key of a mark: fixed positions 1–7 (MARKS order), so muscle memory holds across materials. */
export const markKey = (mark: Mark): string => String(MARKS.indexOf(mark) + 1);
export const markForKey = (key: string): Mark | undefined => MARKS[Number(key) - 1];

/** 缺失 and 不符合法定形式 are printed on 一次性告知书 with the clerk's reason. */
export const needsReason = (mark: Mark | undefined): boolean => mark === 'missing' || mark === 'defective';
