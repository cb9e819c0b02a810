// 窗口统计: today's or this week's figures of this window, offline, as the handler computes them
// (shared/stats): cases per decision, 立等可取 per tier against its promise, the intake time,
// ratings, 容缺 supplements due; and the 交接班 sheet for the next shift. 导出 Excel writes every
// table of the screen (one sheet each) for the chosen period.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Segmented, Spin, Table, Tag } from 'antd';
import type { WindowDashboard, WindowPeriod } from '../../../shared/stats/window';
import { WINDOW_PERIOD_LABEL } from '../../../shared/stats/window';
import { DECISION_LABEL, DECISIONS } from '../../../shared/domain/checklist';
import { IMMEDIATE_TIERS, TIER_LABEL, TIER_MINUTES } from '../../../shared/domain/catalogue';
import { RATING_LABEL, RATING_LEVELS } from '../../../shared/domain/case';
import { invoke } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { cnDate } from '../components/DecisionDialog';
import { Chart, type ChartOption } from './Chart';
import { HandoverDialog } from './HandoverDialog';
import { BadRatings } from './BadRatings';
import { ExportButton } from '../components/ExportButton';
import { percent, minutesText } from './format';
import './stats.css';

export function WindowStats({ onOpenCase }: { onOpenCase: (caseId: string) => void }) {
  const [period, setPeriod] = useState<WindowPeriod>('today');
  const [data, setData] = useState<WindowDashboard | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [handover, setHandover] = useState(false);

  useEffect(() => {
    let live = true;
    setError(null);
    invoke('stats.window', { period }).then((d) => live && setData(d), (e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [period]);

  const charts = useMemo(() => (data ? chartOptions(data) : null), [data]);

  return (
    <div className="window-stats" data-testid="window-stats">
      <div className="stats-head">
        <h2>窗口统计</h2>
        <Segmented
          value={period}
          onChange={(v) => setPeriod(v as WindowPeriod)}
          options={(['today', 'week'] as const).map((p) => ({ value: p, label: WINDOW_PERIOD_LABEL[p] }))}
          data-testid="stats-period"
        />
        <Button onClick={() => setHandover(true)} data-testid="open-handover">
          交接班清单
        </Button>
        <ExportButton table="windowStats" period={period} onError={setError} testId="stats-export" />
      </div>
      <ErrorAlert error={error} testId="stats-error" />
      {!data || !charts ? (
        !error && <Spin />
      ) : (
        <>
          <div className="stats-cards" data-testid="stats-cards">
            <Card label={`${WINDOW_PERIOD_LABEL[data.period]}办件`} value={`${data.decisions.total} 件`} testId="card-total" />
            <Card label="一次性告知率" value={percent(data.decisions.notifyRate)} testId="card-notify" />
            <Card label="容缺受理率" value={percent(data.decisions.deferralRate)} testId="card-deferral" />
            <Card label="平均受理用时" value={minutesText(data.intakeSeconds)} hint="从开始受理到作出决定" testId="card-intake" />
            <Card label="好评率" value={percent(data.ratings.goodRate)} hint={`已评价 ${data.ratings.rated} 件`} testId="card-good" />
          </div>
          <div className="stats-grid">
            <section className="stats-panel">
              <h3>各类决定</h3>
              <Chart option={charts.decisions} testId="chart-decisions" />
            </section>
            <section className="stats-panel">
              <h3>立等可取按时办结</h3>
              <Chart option={charts.immediate} testId="chart-immediate" />
              <table className="stats-table" data-testid="immediate-table">
                <thead>
                  <tr>
                    <th>档次</th>
                    <th>办件</th>
                    <th>按时</th>
                    <th>超时</th>
                    <th>办理中</th>
                    <th>按时率</th>
                    <th>平均用时</th>
                  </tr>
                </thead>
                <tbody>
                  {IMMEDIATE_TIERS.map((t) => {
                    const f = data.immediate[t];
                    return (
                      <tr key={t} data-tier={t}>
                        <td>
                          {TIER_LABEL[t]}（{TIER_MINUTES[t]} 分钟）
                        </td>
                        <td>{f.cases}</td>
                        <td>{f.onTime}</td>
                        <td className={f.late ? 'clock-over' : ''}>{f.late}</td>
                        <td>{f.open}</td>
                        <td>{percent(f.onTimeRate)}</td>
                        <td>{minutesText(f.avgSeconds)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
            <section className="stats-panel">
              <h3>好差评</h3>
              <Chart option={charts.ratings} testId="chart-ratings" />
            </section>
            <section className="stats-panel">
              <h3>容缺待补正</h3>
              {data.supplementsDue.length ? (
                <Table
                  size="small"
                  pagination={false}
                  rowKey="caseId"
                  dataSource={data.supplementsDue}
                  onRow={(r) => ({ onClick: () => onOpenCase(r.caseId), style: { cursor: 'pointer' } })}
                  data-testid="supplements-due"
                  columns={[
                    { title: '办件编号', dataIndex: 'caseNumber', render: (n: string) => <span className="case-number-cell">{n}</span> },
                    { title: '申请人', dataIndex: 'applicantName' },
                    { title: '事项', dataIndex: 'itemName' },
                    {
                      title: '补正期限',
                      dataIndex: 'deadline',
                      render: (d: string, r) => (
                        <span>
                          {cnDate(d)} {r.overdue ? <Tag color="red">已逾期</Tag> : r.dueSoon ? <Tag color="gold">即将到期</Tag> : null}
                        </span>
                      ),
                    },
                  ]}
                />
              ) : (
                <Alert type="success" showIcon title="没有待补正的容缺办件" />
              )}
            </section>
          </div>
          <section className="stats-panel stats-wide">
            <h3>本窗口差评及整改情况</h3>
            <BadRatings onOpenCase={onOpenCase} />
          </section>
        </>
      )}
      {handover && <HandoverDialog onClose={() => setHandover(false)} />}
    </div>
  );
}

function Card({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <div className="stats-card" data-testid={testId}>
      <div className="stats-card-label">{label}</div>
      <div className="stats-card-value">{value}</div>
      {hint && <div className="stats-card-hint">{hint}</div>}
    </div>
  );
}

const GREEN = '#389e0d';
const RED = '#cf1322';
const GREY = '#bfbfbf';

function chartOptions(d: WindowDashboard): { decisions: ChartOption; immediate: ChartOption; ratings: ChartOption } {
  return {
    decisions: {
      grid: { left: 90, right: 30, top: 10, bottom: 20 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: DECISIONS.map((x) => DECISION_LABEL[x]) },
      series: [{ type: 'bar', data: DECISIONS.map((x) => d.decisions.byDecision[x]), itemStyle: { color: '#1f4e96' }, label: { show: true, position: 'right' } }],
    },
    immediate: {
      grid: { left: 60, right: 20, top: 30, bottom: 20 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: IMMEDIATE_TIERS.map((t) => TIER_LABEL[t]) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '按时', type: 'bar', stack: 'all', data: IMMEDIATE_TIERS.map((t) => d.immediate[t].onTime), itemStyle: { color: GREEN } },
        { name: '超时', type: 'bar', stack: 'all', data: IMMEDIATE_TIERS.map((t) => d.immediate[t].late), itemStyle: { color: RED } },
        { name: '办理中', type: 'bar', stack: 'all', data: IMMEDIATE_TIERS.map((t) => d.immediate[t].open), itemStyle: { color: GREY } },
      ],
    },
    ratings: {
      grid: { left: 90, right: 30, top: 10, bottom: 20 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: RATING_LEVELS.map((l) => RATING_LABEL[l]) },
      series: [
        {
          type: 'bar',
          label: { show: true, position: 'right' },
          data: RATING_LEVELS.map((l, i) => ({ value: d.ratings.byLevel[l], itemStyle: { color: i < 2 ? GREEN : i === 2 ? '#d48806' : RED } })),
        },
      ],
    },
  };
}
