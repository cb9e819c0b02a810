// 月度报告: the centre's figures for a period on A4 (print CSS: @page A4, no console chrome),
// printed from the browser (打印 / 另存为 PDF). The same API and figures as 中心统计.
import { useEffect, useState } from 'react';
import { Alert, Button, Spin } from 'antd';
import type { CentreStatsResponse } from '../../../shared/sync/centreStats';
import type { GroupFigures, OverdueLine, SupplementLine } from '../../../shared/stats/centre';
import { IMMEDIATE_TIERS, TIER_LABEL } from '../../../shared/domain/catalogue';
import { DECISION_LABEL, DECISIONS } from '../../../shared/domain/checklist';
import { api, ApiFailure } from './api';
import { formatDay } from './labels';
import { pct } from './CentreDashboard';

export function MonthReport({ from, to, officeCode, departmentCode, onBack }: { from: string; to: string; officeCode?: string; departmentCode?: string; onBack: () => void }) {
  const [data, setData] = useState<CentreStatsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { api.centreStats({ from, to, groupBy: 'office', officeCode, departmentCode }).then(setData, (e) => setError(e instanceof ApiFailure ? e.message : '加载失败')); }, [from, to, officeCode, departmentCode]);
  useEffect(() => {
    document.body.classList.add('printing-report');
    return () => document.body.classList.remove('printing-report');
  }, []);
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!data) return <Spin />;
  const t = data.total as unknown as GroupFigures;
  const name = (kind: string, key: string) => data.names[`${kind}:${key}`] ?? key;
  return (
    <div className="report" data-testid="month-report">
      <div className="report-tools">
        <Button onClick={onBack}>返回</Button>
        <Button type="primary" onClick={() => window.print()} data-testid="report-print">打印 / 另存为 PDF</Button>
      </div>
      <h1>政务服务中心办件统计报告</h1>
      <p className="report-period">统计期间：{formatDay(from)} 至 {formatDay(to)}
        {officeCode && `　中心：${name('office', officeCode)}`}{departmentCode && `　部门：${name('department', departmentCode)}`}</p>
      <h2>一、总体情况</h2>
      <table className="report-table"><tbody>
        <tr><th>办件总数</th><td>{t.decisions.total} 件</td><th>一次性告知率</th><td>{pct(t.decisions.notifyRate)}</td></tr>
        <tr><th>容缺受理率</th><td>{pct(t.decisions.deferralRate)}</td><th>承诺件按期办结率</th><td>{pct(t.promised.onTimeRate)}</td></tr>
        <tr><th>重复跑动率</th><td>{pct(data.repeat.rate)}（{data.repeat.repeated}/{data.repeat.notified}）</td><th>好评率</th><td>{pct(t.ratings.goodRate)}（已评价 {t.ratings.rated} 件）</td></tr>
        <tr><th>超期办件</th><td>{data.overdue.length} 件</td><th>差评</th><td>{t.ratings.byClass.bad} 件</td></tr>
      </tbody></table>
      <h2>二、各类决定</h2>
      <table className="report-table"><thead><tr>{DECISIONS.map((d) => <th key={d}>{DECISION_LABEL[d]}</th>)}</tr></thead>
        <tbody><tr>{DECISIONS.map((d) => <td key={d}>{t.decisions.byDecision[d]}</td>)}</tr></tbody></table>
      <h2>三、立等可取按时办结</h2>
      <table className="report-table"><thead><tr><th>档次</th><th>办件</th><th>按时</th><th>超时</th><th>办理中</th><th>按时率</th></tr></thead>
        <tbody>{IMMEDIATE_TIERS.map((k) => { const f = t.immediate[k]; return <tr key={k}><td>{TIER_LABEL[k]}</td><td>{f.cases}</td><td>{f.onTime}</td><td>{f.late}</td><td>{f.open}</td><td>{pct(f.onTimeRate)}</td></tr>; })}</tbody></table>
      <h2>四、各中心</h2>
      <table className="report-table"><thead><tr><th>中心</th><th>办件</th><th>一次性告知率</th><th>承诺件按期率</th><th>补正率</th><th>好评率</th></tr></thead>
        <tbody>{(data.groups as unknown as GroupFigures[]).map((g) => <tr key={g.key}><td>{name('office', g.key)}</td><td>{g.decisions.total}</td><td>{pct(g.decisions.notifyRate)}</td><td>{pct(g.promised.onTimeRate)}</td><td>{pct(g.supplementRate)}</td><td>{pct(g.ratings.goodRate)}</td></tr>)}</tbody></table>
      <h2>五、补正率较高的事项</h2>
      <table className="report-table"><thead><tr><th>事项</th><th>办件</th><th>需补正</th><th>补正率</th></tr></thead>
        <tbody>{(data.supplementByItem as unknown as SupplementLine[]).slice(0, 10).map((s) => <tr key={s.key}><td>{name('item', s.key)}</td><td>{s.cases}</td><td>{s.supplements}</td><td>{pct(s.rate)}</td></tr>)}</tbody></table>
      <h2>六、超期办件</h2>
      {data.overdue.length ? (
        <table className="report-table"><thead><tr><th>受理编号</th><th>事项</th><th>承诺办结日期</th><th>超期</th></tr></thead>
          <tbody>{(data.overdue as unknown as OverdueLine[]).map((o) => <tr key={o.caseId}><td>{o.caseNumber}</td><td>{name('item', o.itemCode)}</td><td>{formatDay(o.promisedDate)}</td><td>{o.daysOverdue} 个工作日</td></tr>)}</tbody></table>
      ) : <p>无超期办件。</p>}
    </div>
  );
}
