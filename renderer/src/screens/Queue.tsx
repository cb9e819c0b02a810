// 今日办件: every case of today (and every open one from earlier days) with its status; the
// 立等可取 ones count down against their tier on the server's clock; 待补正 ones show their
// deadline, overdue in red. A case number typed or scanned into the lookup box opens it; a
// name, ID number or credit code lists that applicant's cases of any day (case.find).
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Input, Table, Tag, type InputRef } from 'antd';
import type { CaseSummary } from '../../../shared/domain/case';
import { CASE_STATUS_LABEL } from '../../../shared/domain/case';
import { DECISION_LABEL } from '../../../shared/domain/checklist';
import { invoke } from '../api';
import { STATUS_COLOR, cnTime, reviewLabel } from '../cases/labels';
import { elapsedText, serverOffset } from '../cases/clock';
import { useServerNow } from '../cases/useServerNow';
import { Countdown } from '../components/Countdown';
import { cnDate } from '../components/DecisionDialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { CaseView } from './CaseView';
import { onSynced } from '../sync/syncEvents';
import { useDeadlines } from '../deadlines/useDeadlines';
import { DeadlinePanel } from '../deadlines/DeadlinePanel';
import { DEADLINE_BAND_LABEL } from '../../../shared/domain/timeliness';
import { CASE_QUERY_LABEL } from '../../../shared/search/caseQuery';
import { ExportButton } from '../components/ExportButton';

/** Background refresh: back-office statuses arrive through sync while the clerk watches. */
const REFRESH_MS = 30_000;

function TimeCell({ s, nowMs, onTerminate }: { s: CaseSummary; nowMs: number; onTerminate: () => void }) {
  if (s.tier && s.dueAt && s.status === 'accepted') return <Countdown dueAt={s.dueAt} tier={s.tier} nowMs={nowMs} pausedAt={s.clockPausedAt} />;
  if (s.elapsedSeconds !== null) {
    const e = elapsedText(s.elapsedSeconds, s.tier);
    return <span className={e.within ? 'clock-done' : 'clock-over'}>{e.text}</span>;
  }
  if (s.status === 'awaitingSupplement' && s.supplementDeadline) {
    const overdue = s.actions.includes('terminate'); // the handler's rule: the deadline has passed
    return (
      <span className={overdue ? 'clock-over' : ''} data-testid="supplement-deadline" data-overdue={overdue}>
        补正期限 {cnDate(s.supplementDeadline)}
        {overdue && (
          <>
            {' '}
            · 已逾期{' '}
            <Button
              size="small"
              danger
              onClick={(e) => {
                e.stopPropagation();
                onTerminate();
              }}
              data-testid="queue-terminate"
            >
              终止
            </Button>
          </>
        )}
      </span>
    );
  }
  if (s.promisedDate && (s.status === 'accepted' || s.status === 'awaitingSupplement')) return <span>承诺 {cnDate(s.promisedDate)}</span>;
  return null;
}

export function Queue({ openCaseId, onOpenCase }: { openCaseId: string | null; onOpenCase: (id: string | null) => void }) {
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [offsetMs, setOffsetMs] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [lookup, setLookup] = useState('');
  const [lookupError, setLookupError] = useState<unknown>(null);
  const [found, setFound] = useState<{ query: string; kind: keyof typeof CASE_QUERY_LABEL; cases: CaseSummary[]; truncated: boolean } | null>(null);
  const lookupRef = useRef<InputRef>(null);
  const nowMs = useServerNow(offsetMs);
  const deadlines = useDeadlines(cases);
  const bands = new Map((deadlines?.alerts ?? []).map((a) => [a.caseId, a.band]));

  const refresh = useCallback(() => {
    invoke('case.queue', {}).then((r) => {
      setCases(r.cases);
      setOffsetMs(serverOffset(r.now));
      setError(null);
    }, setError);
  }, []);
  useEffect(() => {
    refresh();
    const t = window.setInterval(refresh, REFRESH_MS);
    // A finished sync may have brought back-office decisions: show them at once.
    const off = onSynced(refresh);
    return () => {
      window.clearInterval(t);
      off();
    };
  }, [refresh]);
  useEffect(() => {
    if (!openCaseId) lookupRef.current?.focus();
  }, [openCaseId]);

  const find = async (value: string) => {
    const v = value.trim();
    if (!v) {
      setFound(null);
      return;
    }
    setLookupError(null);
    try {
      const r = await invoke('case.find', { query: v });
      if (r.kind === 'caseNumber' && r.cases.length === 1) {
        setLookup('');
        setFound(null);
        onOpenCase(r.cases[0].id);
      } else {
        setFound({ query: v, ...r });
      }
    } catch (e) {
      setLookupError(e);
    }
  };

  if (openCaseId) return <CaseView key={openCaseId} caseId={openCaseId} offsetMs={offsetMs} onBack={() => onOpenCase(null)} onChanged={refresh} />;

  const fresh = (cases ?? []).filter((c) => c.attention).length;
  return (
    <div className="queue" data-testid="queue">
      <div className="queue-head">
        <h2>今日办件</h2>
        <span className="queue-count">
          共 {cases?.length ?? 0} 件
          {(deadlines?.overdue ?? 0) > 0 && <span className="clock-over" data-testid="queue-overdue">，本窗口 {deadlines!.overdue} 件已超时</span>}
          {(deadlines?.dueSoon ?? 0) > 0 && <span className="queue-fresh" data-testid="queue-due-soon">，{deadlines!.dueSoon} 件即将超时</span>}
          {fresh > 0 && <span className="queue-fresh" data-testid="queue-fresh">，{fresh} 件后台需补正或待取件，请处理</span>}
        </span>
        <ExportButton table="queue" onError={setError} testId="queue-export" />
        <div className="queue-lookup">
          <Input.Search
            ref={lookupRef}
            size="large"
            placeholder="办件编号（可扫描）、申请人姓名、身份证号或信用代码，Enter 查找"
            aria-label="查找办件"
            enterButton="查询"
            value={lookup}
            onChange={(e) => setLookup(e.target.value)}
            onSearch={find}
            data-testid="case-lookup"
          />
        </div>
      </div>
      <ErrorAlert error={lookupError} testId="lookup-error" />
      {found ? (
        <div className="find-head" data-testid="find-head">
          查找「{found.query}」（按{CASE_QUERY_LABEL[found.kind]}）：{found.cases.length ? `${found.cases.length} 件办件，含以往各日` : '没有找到办件'}
          {found.truncated && '，只列出最近 50 件'}
          <Button
            size="small"
            onClick={() => {
              setFound(null);
              setLookup('');
            }}
            data-testid="find-clear"
          >
            返回今日办件
          </Button>
        </div>
      ) : (
        <DeadlinePanel deadlines={deadlines} onOpenCase={onOpenCase} />
      )}
      <ErrorAlert error={error} />
      <Table<CaseSummary>
        size="middle"
        rowKey="id"
        loading={cases === null}
        dataSource={found ? found.cases : (cases ?? [])}
        pagination={false}
        sticky
        locale={{ emptyText: found ? '没有找到办件' : '今天还没有办件' }}
        onRow={(r) => ({ onClick: () => onOpenCase(r.id), className: `queue-row${r.attention ? ' queue-row-attention' : ''}`, 'data-case-number': r.caseNumber, 'data-attention': r.attention ?? undefined } as object)}
        columns={[
          { title: '编号', dataIndex: 'caseNumber', width: 220, render: (v: string) => <span className="case-number-cell">{v}</span> },
          { title: '事项', dataIndex: 'itemName', ellipsis: true },
          { title: '申请人', dataIndex: 'applicantName', width: 230, ellipsis: true },
          { title: '决定', dataIndex: 'decision', width: 110, render: (d: CaseSummary['decision']) => DECISION_LABEL[d] },
          {
            title: '状态',
            dataIndex: 'status',
            width: 170,
            render: (_: unknown, s) => (
              <>
                <Tag color={STATUS_COLOR[s.status]} data-testid="queue-status">
                  {CASE_STATUS_LABEL[s.status]}
                </Tag>
                {bands.has(s.id) && (
                  <Tag color={bands.get(s.id) === 'overdue' ? 'red' : 'gold'} data-testid="queue-deadline">
                    {DEADLINE_BAND_LABEL[bands.get(s.id)!]}
                  </Tag>
                )}
                {reviewLabel(s.reviewStatus) && (
                  <Tag color={s.attention ? 'volcano' : 'geekblue'} data-testid={s.attention ? 'queue-attention' : undefined}>
                    {s.attention ? '新：' : ''}
                    {reviewLabel(s.reviewStatus)}
                  </Tag>
                )}
              </>
            ),
          },
          { title: '时间', dataIndex: 'acceptedAt', width: found ? 120 : 70, render: (v: string) => cnTime(v, found !== null) },
          { title: '时限', key: 'time', width: 290, render: (_: unknown, s) => <TimeCell s={s} nowMs={nowMs} onTerminate={() => onOpenCase(s.id)} /> },
        ]}
      />
    </div>
  );
}
