// Validates a catalogue document as a whole: schema first, then the cross-references a
// schema cannot see. Every error is located (item code, field, reason) so whoever made the
// file can fix all of them in one pass; nothing is applied unless there are none.
import { Catalogue, type Catalogue as CatalogueT } from '../domain/catalogue';
import { jsonSyntaxMessage, plainIssue } from '../text/plainErrors';
import { stripBom } from '../text/decodeFile';

export interface CatalogueError {
  /** 实施编码 of the item the error is in, when it is inside an item. */
  itemCode?: string;
  field: string;
  reason: string;
}

export type CatalogueValidation = { ok: true; catalogue: CatalogueT } | { ok: false; errors: CatalogueError[] };

function pathToField(path: PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(根)';
}

export function parseCatalogueJson(json: string): CatalogueValidation {
  let data: unknown;
  const text = stripBom(json);
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ field: '(文件)', reason: jsonSyntaxMessage(text, e) }] };
  }
  return validateCatalogue(data);
}

export function validateCatalogue(data: unknown): CatalogueValidation {
  const parsed = Catalogue.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const items = (data as { items?: unknown[] } | null)?.items;
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const [head, index, ...rest] = issue.path;
        if (head === 'items' && typeof index === 'number') {
          const code = (Array.isArray(items) ? (items[index] as { code?: unknown } | undefined)?.code : undefined);
          return { itemCode: typeof code === 'string' ? code : `第${index + 1}项`, field: pathToField(rest), reason: plainIssue(issue) };
        }
        return { field: pathToField(issue.path), reason: plainIssue(issue) };
      }),
    };
  }
  const errors = crossReferenceErrors(parsed.data);
  return errors.length ? { ok: false, errors } : { ok: true, catalogue: parsed.data };
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(values.filter((v) => seen.has(v) || !seen.add(v)))];
}

function crossReferenceErrors(c: CatalogueT): CatalogueError[] {
  const errors: CatalogueError[] = [];
  const departments = new Set(c.departments.map((d) => d.code));
  const subCenters = new Set(c.subCenters.map((s) => s.code));
  const offices = new Set(c.offices.map((o) => o.code));
  for (const d of duplicates(c.items.map((i) => i.code))) errors.push({ itemCode: d, field: 'code', reason: '实施编码重复' });
  for (const d of duplicates(c.departments.map((x) => x.code))) errors.push({ field: 'departments', reason: `部门编码重复：${d}` });
  for (const d of duplicates(c.offices.map((x) => x.code))) errors.push({ field: 'offices', reason: `中心编码重复：${d}` });
  for (const d of duplicates(c.windows.map((w) => `${w.officeCode}/${w.code}`))) errors.push({ field: 'windows', reason: `窗口编码重复：${d}` });
  for (const o of c.offices) {
    if (o.parentCode !== null && !offices.has(o.parentCode)) errors.push({ field: `offices.${o.code}.parentCode`, reason: `上级中心 ${o.parentCode} 不存在` });
  }
  for (const w of c.windows) {
    if (!offices.has(w.officeCode)) errors.push({ field: `windows.${w.code}.officeCode`, reason: `中心 ${w.officeCode} 不存在` });
  }
  for (const item of c.items) {
    const at = (field: string, reason: string) => errors.push({ itemCode: item.code, field, reason });
    if (!departments.has(item.departmentCode)) at('departmentCode', `部门 ${item.departmentCode} 不存在`);
    if (item.subCenterCode !== null && !subCenters.has(item.subCenterCode)) at('subCenterCode', `分中心 ${item.subCenterCode} 不存在`);
    if (item.immediateTier !== null && item.promisedDays !== 0) at('promisedDays', '立等可取事项的承诺时限应为 0（当场办结）');
    if (item.promisedDays > item.legalDays && item.legalDays > 0) at('promisedDays', '承诺时限不能长于法定时限');
    for (const d of duplicates(item.materials.map((m) => m.id))) at('materials', `材料编号重复：${d}`);
    for (const d of duplicates(item.situations.map((s) => s.id))) at('situations', `情形编号重复：${d}`);
    const situations = new Map(item.situations.map((s) => [s.id, new Set(s.options.map((o) => o.value))]));
    item.materials.forEach((m, i) => {
      for (const [sid, values] of Object.entries(m.requiredWhen ?? {})) {
        const options = situations.get(sid);
        if (!options) at(`materials[${i}].requiredWhen`, `引用了不存在的情形「${sid}」`);
        else for (const v of values) if (!options.has(v)) at(`materials[${i}].requiredWhen.${sid}`, `情形「${sid}」没有选项「${v}」`);
      }
    });
  }
  return errors;
}
