// The clerk's screen: header (office · window · clerk · 退出), the views a role may use, and
// the intake view: search on the left, the item being taken in on the right. F2 returns to
// the search box from anywhere; F3 opens 今日办件; F4 closes the current case and starts the
// next applicant.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Badge, Button, Empty, Tag, type InputRef } from 'antd';
import type { WorkstationContext } from '../../../shared/contract';
import { ROLE_LABEL } from '../../../shared/domain/clerk';
import { invoke } from '../api';
import { SearchPanel } from '../components/SearchPanel';
import { IntakeView } from './IntakeView';
import { discardOpenDrafts } from '../scans/draftId';
import { CatalogueAdmin } from './CatalogueAdmin';
import { Queue } from './Queue';
import { WindowStats } from '../stats/WindowStats';
import { PracticeHeaderActions } from '../practice/PracticeHeaderActions';
import { PracticeSide } from '../practice/PracticeSide';
import { SyncStatus } from '../sync/SyncStatus';
import { useReviewAlerts } from '../cases/useReviewAlerts';

type View = 'intake' | 'queue' | 'stats' | 'catalogue';

export function Workbench({ context, onSignedOut, onContextChanged }: { context: WorkstationContext; onSignedOut: () => void; onContextChanged: () => void }) {
  const [view, setView] = useState<View>('intake');
  const [code, setCode] = useState<string | null>(null);
  // A new key per case remounts the search panel: empty box, focused, nothing left over.
  const [caseNo, setCaseNo] = useState(0);
  const search = useRef<InputRef>(null);
  const [openCaseId, setOpenCaseId] = useState<string | null>(null);
  const clerk = context.clerk!;

  const focusSearch = useCallback(() => window.setTimeout(() => search.current?.focus({ cursor: 'all' })), []);
  const nextApplicant = useCallback(() => {
    discardOpenDrafts();
    setCode(null);
    setCaseNo((n) => n + 1);
    setView('intake');
    focusSearch();
  }, [focusSearch]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F2') {
        e.preventDefault();
        setView('intake');
        focusSearch();
      } else if (e.key === 'F3') {
        e.preventDefault();
        setOpenCaseId(null);
        setView('queue');
      } else if (e.key === 'F4') {
        e.preventDefault();
        nextApplicant();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [focusSearch, nextApplicant]);
  useEffect(() => {
    focusSearch();
  }, [focusSearch]);
  // A practice scenario puts a new applicant at the window, maybe at an office of another level.
  const startPractice = () => {
    nextApplicant();
    onContextChanged();
  };

  const alerts = useReviewAlerts(openCaseId);
  const views: Array<{ key: View; label: string }> = [
    { key: 'intake', label: '综合受理' },
    { key: 'queue', label: '今日办件' },
    { key: 'stats', label: '窗口统计' },
  ];
  const openCase = (caseId: string) => {
    setOpenCaseId(caseId);
    setView('queue');
  };
  if (clerk.role === 'supervisor') views.push({ key: 'catalogue', label: '目录管理' });

  return (
    <div className="workbench">
      <header className="app-header">
        <span className="app-name">一窗</span>
        <span className="app-place" data-testid="header-place">
          {context.office.name} · {context.window.name}
        </span>
        {context.practice && <Tag color="magenta">练习模式</Tag>}
        <nav className="app-nav" aria-label="功能">
          {views.map((v) => (
            <button
              key={v.key}
              type="button"
              className={view === v.key ? 'active' : ''}
              aria-current={view === v.key ? 'page' : undefined}
              onClick={() => {
                setView(v.key);
                if (v.key === 'queue') setOpenCaseId(null);
              }}
              data-testid={`nav-${v.key}`}
            >
              {v.label}
              {v.key === 'queue' && alerts > 0 && (
                <Badge count={alerts} size="small" offset={[4, -2]} title={`${alerts} 件办件后台已需补正或待取件`} data-testid="queue-alerts" />
              )}
            </button>
          ))}
        </nav>
        <div className="app-status" data-testid="header-status">
          <SyncStatus canEnrol={clerk.role === 'supervisor'} onEnrolled={onContextChanged} />
        </div>
        <span className="app-clerk" data-testid="header-clerk">
          {clerk.name}（{clerk.staffNo}）· {ROLE_LABEL[clerk.role]}
        </span>
        <PracticeHeaderActions context={context} onChanged={onContextChanged} />
        <Button size="small" ghost onClick={() => invoke('session.signOut', {}).then(onSignedOut)}>
          退出
        </Button>
      </header>
      {/* Kept mounted while another view shows: a half-taken-in applicant is never lost. */}
      <div className="intake-layout" style={view === 'intake' ? undefined : { display: 'none' }}>
        <aside className="search-side" aria-label="事项搜索">
          <SearchPanel key={caseNo} officeLevel={context.office.level} inputRef={search} onPick={setCode} />
        </aside>
        <main className="intake-area">
          {code ? (
            <IntakeView key={`${caseNo}/${code}`} context={context} code={code} onNext={nextApplicant} onOpenCase={openCase} />
          ) : (
            <Empty
              className="intake-empty"
              description={
                <>
                  在左侧搜索框输入事项名称、拼音首字母（如 spjyxk）或实施编码，Enter 打开事项。
                  <br />
                  <span data-testid="workbench-catalogue">
                    目录版本 {context.catalogueVersion} · 共 {context.itemCount} 项事项
                  </span>
                </>
              }
            />
          )}
        </main>
        {context.practice && <PracticeSide onStarted={startPractice} />}
      </div>
      {view === 'queue' ? (
        <main className="admin-area">
          <Queue openCaseId={openCaseId} onOpenCase={setOpenCaseId} />
        </main>
      ) : view === 'stats' ? (
        <main className="admin-area">
          <WindowStats onOpenCase={openCase} />
        </main>
      ) : view === 'catalogue' ? (
        <main className="admin-area">
          <CatalogueAdmin context={context} onChanged={onContextChanged} />
        </main>
      ) : null}
    </div>
  );
}
