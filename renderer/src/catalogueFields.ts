// Chinese names for the fields of a catalogue document, so a 值班长 can read an import error
// ("材料第1项 · 形式") while the raw path stays visible for whoever edits the JSON.
const FIELD_LABEL: Record<string, string> = {
  code: '编码',
  name: '名称',
  departmentCode: '实施部门',
  type: '事项类型',
  serveTargets: '服务对象',
  levels: '办理层级',
  legalDays: '法定时限',
  promisedDays: '承诺时限',
  fee: '收费',
  conditions: '受理条件',
  location: '办理地点',
  immediateTier: '立等可取档次',
  subCenterCode: '分中心',
  keywords: '关键词',
  situations: '情形',
  materials: '材料',
  options: '选项',
  question: '问题',
  form: '形式',
  copies: '份数',
  medium: '载体',
  necessity: '必要性',
  source: '来源',
  requiredWhen: '适用情形',
  note: '说明',
  sampleRef: '样表',
  departments: '部门',
  subCenters: '分中心',
  offices: '中心',
  windows: '窗口',
  items: '事项',
  version: '目录版本',
  schemaVersion: '格式版本',
  publishedAt: '发布时间',
};

/** 'materials[0].form' → '材料第1项 · 形式'; unknown segments are kept as they are. */
export function fieldLabel(path: string): string {
  return path
    .split('.')
    .map((seg) => {
      const m = /^([^[]+)((?:\[\d+\])*)$/.exec(seg);
      if (!m) return seg;
      const indexes = [...m[2].matchAll(/\[(\d+)\]/g)].map((x) => `第${Number(x[1]) + 1}项`).join('');
      return `${FIELD_LABEL[m[1]] ?? m[1]}${indexes}`;
    })
    .join(' · ');
}
