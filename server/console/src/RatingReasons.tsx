// 评价原因清单 (admins): the coded reasons the applicant ticks, per class 好评 / 中评 / 差评, in
// the order the 评价器 shows them. The whole list is checked with the same schema the server
// uses (EditedRatingReasons: code format, unique codes, words, every class offered) before it is
// sent, each problem shown at its row in Chinese; the server's own refusal is shown the same
// way. Saving publishes the next catalogue version (windows get the list with their next
// catalogue sync); 恢复全国通用清单 drops the centre's list.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Input, Popconfirm, Spin, Table, Tag } from 'antd';
import { RATING_CLASS_LABEL, RATING_CLASSES, type RatingClass, type RatingReason } from '../../../shared/domain/ratingReasons';
import { EditedRatingReasons, type RatingReasonsResponse } from '../../../shared/sync/ratingReasons';
import { api, ApiFailure } from './api';

type Row = RatingReason & { key: number };
type Problems = { rows: Map<number, Partial<Record<'code' | 'text', string>>>; list: string[] };
let nextKey = 1;
const rowsOf = (reasons: readonly RatingReason[]): Row[] => reasons.map((r) => ({ ...r, key: nextKey++ }));
/** The list to send: classes in order 好评, 中评, 差评, each in the order shown. */
const listOf = (rows: Row[]): RatingReason[] =>
  RATING_CLASSES.flatMap((c) => rows.filter((r) => r.ratingClass === c).map(({ code, ratingClass, text }) => ({ code: code.trim(), ratingClass, text: text.trim() })));

/** Problems located by row: `reasons[i].code` (server) or [i, 'code'] (schema) over listOf's order. */
function problemsOf(rows: Row[], issues: { path: (string | number)[]; message: string }[]): Problems {
  const ordered = RATING_CLASSES.flatMap((c) => rows.filter((r) => r.ratingClass === c));
  const out: Problems = { rows: new Map(), list: [] };
  for (const i of issues) {
    const [index, field] = i.path;
    const row = typeof index === 'number' ? ordered[index] : undefined;
    if (row && (field === 'code' || field === 'text')) out.rows.set(row.key, { ...out.rows.get(row.key), [field]: i.message });
    else out.list.push(i.message);
  }
  return out;
}
const serverPath = (p: string): (string | number)[] => p.replace(/^reasons/, '').split(/[[\].]+/).filter(Boolean).map((x) => (/^\d+$/.test(x) ? Number(x) : x));

export function RatingReasons() {
  const [loaded, setLoaded] = useState<RatingReasonsResponse | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [problems, setProblems] = useState<Problems | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const show = useCallback((r: RatingReasonsResponse) => { setLoaded(r); setRows(rowsOf(r.reasons)); setProblems(null); }, []);
  const load = useCallback(() => api.ratingReasons().then(show, (e) => setError(e instanceof ApiFailure ? e.message : '加载失败')), [show]);
  useEffect(() => { void load(); }, [load]);
  const changed = useMemo(() => !!loaded && JSON.stringify(listOf(rows)) !== JSON.stringify(loaded.reasons), [loaded, rows]);

  const edit = (key: number, patch: Partial<RatingReason>) => { setSaved(null); setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r))); };
  const move = (key: number, by: -1 | 1) => setRows((rs) => {
    const row = rs.find((r) => r.key === key)!;
    const same = rs.filter((r) => r.ratingClass === row.ratingClass);
    const to = same[same.indexOf(row) + by];
    if (!to) return rs;
    return rs.map((r) => (r.key === key ? to : r.key === to.key ? row : r));
  });
  const add = (c: RatingClass) => { setSaved(null); setRows((rs) => [...rs, { key: nextKey++, code: '', ratingClass: c, text: '' }]); };
  const remove = (key: number) => { setSaved(null); setRows((rs) => rs.filter((r) => r.key !== key)); };

  const publish = async (reasons: RatingReason[] | null) => {
    if (!loaded) return;
    setError(null);
    if (reasons) {
      const checked = EditedRatingReasons.safeParse(reasons);
      if (!checked.success) {
        setProblems(problemsOf(rows, checked.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message }))));
        return;
      }
    }
    setBusy(true);
    try {
      const r = await api.setRatingReasons(loaded.catalogueVersion, reasons);
      show(r);
      setSaved(`已随事项目录第 ${r.catalogueVersion} 版发布，各窗口下次同步目录时使用新清单`);
    } catch (e) {
      if (e instanceof ApiFailure && e.details.length) setProblems(problemsOf(rows, e.details.map((d) => ({ path: serverPath(d.path), message: d.message }))));
      setError(e instanceof ApiFailure ? e.message : '保存失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  if (!loaded) return error ? <Alert type="error" showIcon title={error} data-testid="reasons-error" /> : <Spin />;
  return (
    <div data-testid="rating-reasons">
      <div className="page-head">
        <h2 className="page-title">评价原因清单</h2>
        <span>
          {loaded.custom ? <Tag color="blue" data-testid="reasons-source">本中心清单</Tag> : <Tag data-testid="reasons-source">全国通用清单</Tag>}
          <span className="muted">事项目录第 {loaded.catalogueVersion} 版</span>
        </span>
      </div>
      <Alert type="info" showIcon style={{ marginBottom: 12 }}
        title="申请人评价时按此清单勾选原因（差评至少选一项）。保存后随事项目录发布新版本，各窗口下次同步目录时使用；已作出的评价保留当时的原因。" />
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} data-testid="reasons-error" />}
      {problems && problems.list.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={problems.list.join('；')} data-testid="reasons-list-problem" />
      )}
      <div className="reasons-grid">
        {RATING_CLASSES.map((c) => {
          const mine = rows.filter((r) => r.ratingClass === c);
          return (
            <section className="panel" key={c} data-testid={`reasons-${c}`}>
              <h3>{RATING_CLASS_LABEL[c]}（{mine.length} 条）</h3>
              <Table<Row> size="small" rowKey="key" pagination={false} dataSource={mine} locale={{ emptyText: `没有${RATING_CLASS_LABEL[c]}原因` }}
                columns={[
                  { title: '编码', key: 'code', width: 84, render: (_: unknown, r) => <Field value={r.code} problem={problems?.rows.get(r.key)?.code} maxLength={20}
                    onChange={(v) => edit(r.key, { code: v })} testId="reason-code" /> },
                  { title: '原因', key: 'text', render: (_: unknown, r) => <Field value={r.text} problem={problems?.rows.get(r.key)?.text} maxLength={60}
                    onChange={(v) => edit(r.key, { text: v })} testId="reason-text" multiline /> },
                  { title: '', key: 'ops', width: 104, render: (_: unknown, r, i) => (
                    <span className="nowrap">
                      <Button size="small" type="text" disabled={i === 0} onClick={() => move(r.key, -1)} aria-label="上移" title="上移">↑</Button>
                      <Button size="small" type="text" disabled={i === mine.length - 1} onClick={() => move(r.key, 1)} aria-label="下移" title="下移">↓</Button>
                      <Button size="small" type="link" danger style={{ padding: '0 4px' }} onClick={() => remove(r.key)} data-testid="reason-remove">删除</Button>
                    </span>
                  ) },
                ]} />
              <Button size="small" style={{ marginTop: 8 }} onClick={() => add(c)} data-testid={`reason-add-${c}`}>添加{RATING_CLASS_LABEL[c]}原因</Button>
            </section>
          );
        })}
      </div>
      <div className="reasons-actions">
        <Button type="primary" loading={busy} disabled={!changed} onClick={() => void publish(listOf(rows))} data-testid="reasons-save">保存并发布</Button>
        <Button disabled={!changed || busy} onClick={() => { show(loaded); setSaved(null); }} data-testid="reasons-undo">撤销修改</Button>
        {loaded.custom && (
          <Popconfirm title="恢复为全国通用清单？本中心的清单将不再使用。" okText="恢复" cancelText="取消" onConfirm={() => void publish(null)}>
            <Button disabled={busy} data-testid="reasons-national">恢复全国通用清单</Button>
          </Popconfirm>
        )}
        {saved && <span className="muted" data-testid="reasons-saved">{saved}</span>}
      </div>
    </div>
  );
}

function Field({ value, problem, maxLength, onChange, testId, multiline }: { value: string; problem?: string; maxLength: number; onChange: (v: string) => void; testId: string; multiline?: boolean }) {
  const status = problem ? 'error' : undefined;
  return (
    <>
      {multiline
        // The words wrap, so a reason is read whole in a narrow column.
        ? <Input.TextArea size="small" autoSize={{ minRows: 1, maxRows: 3 }} value={value} maxLength={maxLength} status={status} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
        : <Input size="small" value={value} maxLength={maxLength} status={status} onChange={(e) => onChange(e.target.value)} data-testid={testId} />}
      {problem && <div className="field-problem" data-testid="reason-problem">{problem}</div>}
    </>
  );
}
