// 中心统计 for heads (their departments at their offices) and admins (every centre): a date
// range (this month by default) and a grouping (中心, 窗口, 窗口人员, 部门, 事项); the cards, the
// trend, 立等可取 on time per tier and the ratings as ECharts charts, and the tables — groups,
// 补正 per item and per material, overdue cases. Definitions: docs/statistics.md.
// 中心 and 部门 filters offer what /directory returns: every centre and department for an
// admin, a head's own only (the server scopes the figures anyway, so the choice is a narrowing).
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Input, Segmented, Select, Spin, Table } from 'antd';
import type { CentreStatsResponse } from '../../../shared/sync/centreStats';
import type { DirectoryResponse } from '../../../shared/sync/backoffice';
import { GROUP_BY_LABEL, GROUP_BYS, type GroupBy, type GroupFigures, type MaterialLine, type OverdueLine, type SupplementLine } from '../../../shared/stats/centre';
import { IMMEDIATE_TIERS, TIER_LABEL } from '../../../shared/domain/catalogue';
import { DECISION_LABEL, DECISIONS } from '../../../shared/domain/checklist';
import { chinaDay } from '../../../shared/time';
import { api, ApiFailure } from './api';
import { Chart, type ChartOption } from './Chart';
import { formatDay } from './labels';

export const pct = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`);
const monthStart = (day: string) => `${day.slice(0, 8)}01`;

export function CentreDashboard() {
  const today = chinaDay(new Date());
  const [from, setFrom] = useState(monthStart(today));
  const [to, setTo] = useState(today);
  const [groupBy, setGroupBy] = useState<GroupBy>('office');
  const [officeCode, setOfficeCode] = useState('');
  const [departmentCode, setDepartmentCode] = useState('');
  const [dir, setDir] = useState<DirectoryResponse | null>(null);
  const [data, setData] = useState<CentreStatsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = useMemo(() => ({ from, to, groupBy, officeCode, departmentCode }), [from, to, groupBy, officeCode, departmentCode]);
  useEffect(() => { api.directory().then(setDir, () => undefined); }, []);
  useEffect(() => {
    let live = true;
    setError(null);
    api.centreStats(query).then((d) => live && setData(d), (e) => live && setError(e instanceof ApiFailure ? e.message : '加载失败'));
    return () => { live = false; };
  }, [query]);
  const name = (kind: string, key: string) => data?.names[`${kind}:${key}`] ?? key;
  const groupName = (key: string) => (groupBy === 'clerk' ? `工号 ${key}` : name(groupBy, key));
  const charts = useMemo(() => (data ? chartOptions(data) : null), [data]);
  const total = data?.total as unknown as GroupFigures | undefined;

  return (
    <div data-testid="centre-dashboard">
      <div className="page-head">
        <h2 className="page-title">中心统计</h2>
        <span>
          <Input type="date" value={from} max={to} onChange={(e) => e.target.value && setFrom(e.target.value)} style={{ width: 160 }} data-testid="stats-from" /> 至{' '}
          <Input type="date" value={to} min={from} onChange={(e) => e.target.value && setTo(e.target.value)} style={{ width: 160 }} data-testid="stats-to" />
          <a href={api.centreStatsXlsxUrl(query)} download style={{ marginLeft: 12 }} data-testid="export-xlsx"><Button>导出 Excel</Button></a>
          <a href={`#/stats/report?${new URLSearchParams({ from, to, ...(officeCode ? { office: officeCode } : {}), ...(departmentCode ? { department: departmentCode } : {}) })}`} style={{ marginLeft: 8 }} data-testid="open-report"><Button>月度报告（A4）</Button></a>
        </span>
      </div>
      <div className="filters">
        <Select aria-label="中心" data-testid="stats-office" value={officeCode} onChange={setOfficeCode}
          options={[{ value: '', label: dir && dir.offices.length > 1 ? '全部中心' : '本人负责的中心' }, ...(dir?.offices ?? []).map((o) => ({ value: o.code, label: o.name }))]} />
        <Select aria-label="部门" data-testid="stats-department" value={departmentCode} onChange={setDepartmentCode}
          options={[{ value: '', label: '全部部门' }, ...(dir?.departments ?? []).map((d) => ({ value: d.code, label: d.name }))]} />
        <Segmented value={groupBy} onChange={(v) => setGroupBy(v as GroupBy)} options={GROUP_BYS.map((g) => ({ value: g, label: `按${GROUP_BY_LABEL[g]}` }))} data-testid="stats-group-by" />
      </div>
      {error && <Alert type="error" showIcon title={error} data-testid="centre-stats-error" />}
      {!data || !total || !charts ? (
        !error && <Spin />
      ) : (
        <>
          <div className="stats-cards" data-testid="centre-cards">
            <Card label="办件" value={`${total.decisions.total} 件`} testId="card-total" />
            <Card label="一次性告知率" value={pct(total.decisions.notifyRate)} testId="card-notify" />
            <Card label="容缺受理率" value={pct(total.decisions.deferralRate)} testId="card-deferral" />
            <Card label="承诺件按期办结率" value={pct(total.promised.onTimeRate)} hint={`按期 ${total.promised.onTime} · 超期 ${total.promised.late} · 在办 ${total.promised.open}`} testId="card-promised" />
            <Card label="重复跑动率" value={pct(data.repeat.rate)} hint={`一次性告知 ${data.repeat.notified} 件，30 日内再来 ${data.repeat.repeated} 件`} testId="card-repeat" />
            <Card label="好评率" value={pct(total.ratings.goodRate)} hint={`已评价 ${total.ratings.rated} 件`} testId="card-good" />
          </div>
          <div className="stats-grid">
            <section className="panel"><h3>每日办件与评价</h3><Chart option={charts.trend} testId="chart-trend" /></section>
            <section className="panel"><h3>立等可取按时办结率</h3><Chart option={charts.tiers} testId="chart-tiers" /></section>
            <section className="panel"><h3>好差评</h3><Chart option={charts.ratings} testId="chart-ratings" /></section>
            <section className="panel">
              <h3>超期办件（{data.overdue.length} 件）</h3>
              <Table<OverdueLine> size="small" rowKey="caseId" pagination={{ pageSize: 6 }} dataSource={data.overdue as unknown as OverdueLine[]} data-testid="overdue-table"
                locale={{ emptyText: '没有超期办件' }}
                columns={[
                  { title: '受理编号', dataIndex: 'caseNumber' },
                  { title: '事项', dataIndex: 'itemCode', render: (c: string) => name('item', c) },
                  { title: '承诺办结日期', dataIndex: 'promisedDate', render: formatDay },
                  { title: '超期', dataIndex: 'daysOverdue', render: (d: number) => <b className="overdue">{d} 个工作日</b> },
                ]} />
            </section>
          </div>
          <section className="panel" style={{ marginTop: 12 }}>
            <h3>按{GROUP_BY_LABEL[groupBy]}</h3>
            <Table<GroupFigures> size="small" rowKey="key" pagination={false} dataSource={data.groups as unknown as GroupFigures[]} data-testid="groups-table"
              onRow={(g) => ({ 'data-key': g.key }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: GROUP_BY_LABEL[groupBy], dataIndex: 'key', render: groupName },
                { title: '办件', key: 'total', render: (_: unknown, g) => g.decisions.total },
                ...DECISIONS.map((d) => ({ title: DECISION_LABEL[d], key: d, render: (_: unknown, g: GroupFigures) => g.decisions.byDecision[d] })),
                ...IMMEDIATE_TIERS.map((t) => ({ title: `${TIER_LABEL[t]}按时率`, key: t, render: (_: unknown, g: GroupFigures) => pct(g.immediate[t].onTimeRate) })),
                { title: '承诺件按期率', key: 'promised', render: (_: unknown, g) => pct(g.promised.onTimeRate) },
                { title: '补正率', key: 'supplement', render: (_: unknown, g) => pct(g.supplementRate) },
                { title: '好评率', key: 'good', render: (_: unknown, g) => pct(g.ratings.goodRate) },
              ]} />
          </section>
          <div className="stats-grid" style={{ marginTop: 12 }}>
            <section className="panel">
              <h3>各事项补正率</h3>
              <Table<SupplementLine> size="small" rowKey="key" pagination={{ pageSize: 8 }} dataSource={data.supplementByItem as unknown as SupplementLine[]} data-testid="supplement-table"
                columns={[
                  { title: '事项', dataIndex: 'key', render: (c: string) => name('item', c) },
                  { title: '办件', dataIndex: 'cases' },
                  { title: '需补正', dataIndex: 'supplements' },
                  { title: '补正率', dataIndex: 'rate', render: pct },
                ]} />
            </section>
            <section className="panel">
              <h3>最常出问题的材料</h3>
              <Table<MaterialLine> size="small" rowKey={(m) => `${m.itemCode}:${m.materialId}`} pagination={{ pageSize: 8 }} dataSource={(data.failingMaterials as unknown as MaterialLine[]).filter((m) => m.failed > 0)} data-testid="materials-table"
                locale={{ emptyText: '没有缺失或不合格的材料' }}
                columns={[
                  { title: '材料', key: 'm', render: (_: unknown, m) => <>{name('material', `${m.itemCode}:${m.materialId}`)}<div className="muted">{name('item', m.itemCode)}</div></> },
                  { title: '收件', dataIndex: 'cases' },
                  { title: '缺失/不合格/容缺', dataIndex: 'failed' },
                  { title: '比例', dataIndex: 'rate', render: pct },
                ]} />
            </section>
          </div>
        </>
      )}
    </div>
  );
}

export function Card({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <div className="stats-card" data-testid={testId}>
      <div className="stats-card-label">{label}</div>
      <div className="stats-card-value">{value}</div>
      {hint && <div className="muted">{hint}</div>}
    </div>
  );
}

function chartOptions(d: CentreStatsResponse): Record<'trend' | 'tiers' | 'ratings', ChartOption> {
  const total = d.total as unknown as GroupFigures;
  return {
    trend: {
      tooltip: { trigger: 'axis' }, legend: { top: 0, data: ['办件', '好评', '差评'] }, grid: { left: 40, right: 16, top: 36, bottom: 24 },
      xAxis: { type: 'category', data: d.daily.map((x) => x.day.slice(5)) }, yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '办件', type: 'line', data: d.daily.map((x) => x.decided), itemStyle: { color: '#1f5fa8' } },
        { name: '好评', type: 'line', data: d.daily.map((x) => x.good), itemStyle: { color: '#389e0d' } },
        { name: '差评', type: 'line', data: d.daily.map((x) => x.bad), itemStyle: { color: '#cf1322' } },
      ],
    },
    tiers: {
      tooltip: {}, grid: { left: 48, right: 16, top: 16, bottom: 24 },
      xAxis: { type: 'category', data: IMMEDIATE_TIERS.map((t) => TIER_LABEL[t]) }, yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [{ type: 'bar', barMaxWidth: 48, label: { show: true, position: 'top', formatter: (p: { value: number | null }) => (p.value === null ? '—' : `${p.value}%`) },
        data: IMMEDIATE_TIERS.map((t) => (total.immediate[t].onTimeRate === null ? null : Math.round(total.immediate[t].onTimeRate! * 1000) / 10)), itemStyle: { color: '#1f5fa8' } }],
    },
    ratings: {
      tooltip: {}, grid: { left: 48, right: 16, top: 16, bottom: 24 },
      xAxis: { type: 'category', data: ['好评', '中评', '差评'] }, yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', barMaxWidth: 48, label: { show: true, position: 'top' },
        data: [
          { value: total.ratings.byClass.good, itemStyle: { color: '#389e0d' } },
          { value: total.ratings.byClass.neutral, itemStyle: { color: '#faad14' } },
          { value: total.ratings.byClass.bad, itemStyle: { color: '#cf1322' } },
        ] }],
    },
  };
}
