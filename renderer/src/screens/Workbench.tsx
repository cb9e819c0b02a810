// The clerk's screen: header (office · window · clerk · 退出), the views a role may use, and
// the intake view: search on the left, the item being taken in on the right. F2 returns to
// the search box from anywhere; F3 opens 今日办件; F4 closes the current case and starts the
// next applicant. Leaving an intake that has something typed asks first; a draft left by a
// reload, a crash or the last sign-in is offered again (useDraftOffer).
// Type-ahead: every screen switch commits synchronously (flushSync) and focuses the search box
// in the same key event, so the letters typed right after F2/F4 land in it, none dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { App as AntApp, Badge, Button, Empty, Tag, type InputRef } from 'antd';
import type { SavedDraft } from '../../../shared/domain/intakeDraft';
import type { WorkstationContext } from '../../../shared/contract';
import { ROLE_LABEL } from '../../../shared/domain/clerk';
import { invoke } from '../api';
import { SearchPanel } from '../components/SearchPanel';
import { IntakeView, type IntakeHandle } from './IntakeView';
import { useDraftOffer } from '../intake/useDraftOffer';
import { catchStrayTyping, holdKeys, releaseKeys } from '../intake/typeAhead';
import { discardOpenDrafts } from '../scans/draftId';
import { CatalogueAdmin } from './CatalogueAdmin';
import { Queue } from './Queue';
import { WindowStats } from '../stats/WindowStats';
import { PracticeHeaderActions } from '../practice/PracticeHeaderActions';
import { PracticeSide } from '../practice/PracticeSide';
import { SyncStatus } from '../sync/SyncStatus';
import { useReviewAlerts } from '../cases/useReviewAlerts';
import { useDeadlines } from '../deadlines/useDeadlines';
import { DeadlineBanner } from '../deadlines/DeadlineBanner';

type View = 'intake' | 'queue' | 'stats' | 'catalogue';

export function Workbench({ context, onSignedOut, onContextChanged }: { context: WorkstationContext; onSignedOut: () => void; onContextChanged: () => void }) {
  const [view, setView] = useState<View>('intake');
  const [code, setCode] = useState<string | null>(null);
  // A new key per case remounts the search panel: empty box, focused, nothing left over.
  const [caseNo, setCaseNo] = useState(0);
  const search = useRef<InputRef>(null);
  const [openCaseId, setOpenCaseId] = useState<string | null>(null);
  const [restored, setRestored] = useState<SavedDraft | null>(null);
  const intake = useRef<IntakeHandle | null>(null);
  const registerIntake = useCallback((h: IntakeHandle | null) => {
    intake.current = h;
  }, []);
  const { modal } = AntApp.useApp();
  const asking = useRef(false);
  const clerk = context.clerk!;

  // Synchronous: the box is in the DOM and focused before the next key event is dispatched.
  const focusSearch = useCallback(() => search.current?.focus({ cursor: 'all' }), []);
  const startNext = useCallback(() => {
    // The scans taken so far belonged to the applicant before (scans/draftId.ts).
    discardOpenDrafts();
    releaseKeys(false);
    flushSync(() => {
      setCode(null);
      setRestored(null);
      setCaseNo((n) => n + 1);
      setView('intake');
    });
    focusSearch();
  }, [focusSearch]);

  /** Runs `then` once the intake on screen may be left: at once when nothing is typed, else after the clerk confirms dropping it. */
  const leaveIntake = useCallback(
    (then: () => void, refocus: () => void) => {
      const h = intake.current;
      if (!h || !h.unsaved()) return then();
      if (asking.current) return;
      asking.current = true;
      modal.confirm({
        title: '放弃未完成的受理？',
        content: `${h.describe()} 尚未作出决定。放弃后已填写的内容（情形、材料、申请人）将被删除。`,
        okText: '放弃并继续',
        cancelText: '返回继续受理',
        okButtonProps: { danger: true, 'data-testid': 'leave-confirm' },
        cancelButtonProps: { 'data-testid': 'leave-cancel' },
        onCancel: () => releaseKeys(false), // staying: keys typed for the other item are not replayed here
        onOk: async () => {
          await h.discard().catch(() => undefined); // not deleted: it is offered again later, never lost
          then();
        },
        // Focus goes where the next step puts it (the search box, the new item), not back to the old intake.
        focusTriggerAfterClose: false,
        afterClose: () => {
          asking.current = false;
          // The dialog leaves the DOM just after this: refocus once it has, unless something else took the keyboard.
          window.setTimeout(() => {
            const a = document.activeElement;
            if (!a || a === document.body || a.closest('.ant-modal-root')) refocus();
          });
        },
      });
    },
    [modal],
  );
  const nextApplicant = useCallback(() => leaveIntake(startNext, focusSearch), [leaveIntake, startNext, focusSearch]);
  const pickItem = useCallback(
    (next: string) => {
      if (next === code) return releaseKeys(false);
      leaveIntake(
        () => {
          // Keys typed from here until the item is on screen are held for it (typeAhead.ts).
          holdKeys();
          setRestored(null);
          setCode(next);
        },
        () => document.querySelector<HTMLElement>('.situations input[type=radio], [data-testid=checklist] [role=listitem][tabindex="0"]')?.focus(),
      );
    },
    [code, leaveIntake],
  );
  const signOut = () => {
    const h = intake.current;
    const out = () => invoke('session.signOut', {}).then(onSignedOut);
    if (!h || !h.unsaved()) return void out();
    modal.confirm({
      title: '退出登录？',
      content: `${h.describe()} 尚未作出决定。草稿已保存在本机，下次登录后可继续受理。`,
      okText: '退出',
      cancelText: '返回',
      okButtonProps: { 'data-testid': 'signout-confirm' },
      onOk: async () => {
        await h.flush().catch(() => undefined);
        await out();
      },
    });
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F2') {
        e.preventDefault();
        releaseKeys(false); // the clerk left the opening item: keys go to the search box again
        flushSync(() => setView('intake'));
        focusSearch();
      } else if (e.key === 'F3') {
        e.preventDefault();
        releaseKeys(false);
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
    // Keys typed since Enter in the sign-in form go into the box now (SignIn.tsx).
    releaseKeys(true);
  }, [focusSearch]);
  // Letters typed while nothing has the keyboard (between screens) go to the search box.
  useEffect(() => catchStrayTyping(() => (view === 'intake' ? search.current : null)), [view]);
  // A draft left by a reload, a crash or the last sign-in: offered once, Enter continues it.
  useDraftOffer(context, (d) => {
    flushSync(() => {
      setCaseNo((n) => n + 1);
      setRestored(d);
      setCode(d.itemCode);
      setView('intake');
    });
  });
  // A practice scenario puts a new applicant at the window, maybe at an office of another level.
  const startPractice = () => {
    nextApplicant();
    onContextChanged();
  };

  const alerts = useReviewAlerts(openCaseId);
  const deadlines = useDeadlines(`${openCaseId}/${caseNo}/${view}`);
  const late = deadlines ? deadlines.overdue + deadlines.dueSoon : 0;
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
              {v.key === 'queue' && late > 0 && (
                <Badge
                  count={late}
                  size="small"
                  offset={[6, -2]}
                  color={deadlines!.overdue > 0 ? '#cf1322' : '#d48806'}
                  title={`${deadlines!.overdue} 件已超时，${deadlines!.dueSoon} 件即将超时`}
                  data-testid="queue-deadlines"
                />
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
        <Button size="small" ghost onClick={signOut} data-testid="sign-out">
          退出
        </Button>
      </header>
      {/* Kept mounted while another view shows: a half-taken-in applicant is never lost. */}
      <div className="intake-layout" style={view === 'intake' ? undefined : { display: 'none' }}>
        <aside className="search-side" aria-label="事项搜索">
          <SearchPanel key={caseNo} officeLevel={context.office.level} inputRef={search} onPick={pickItem} />
        </aside>
        <main className="intake-area">
          <DeadlineBanner deadlines={deadlines} onOpenCase={openCase} />
          {code ? (
            <IntakeView
              key={`${caseNo}/${code}`}
              context={context}
              code={code}
              restored={restored?.itemCode === code ? restored : null}
              onNext={nextApplicant}
              onOpenCase={openCase}
              handle={registerIntake}
            />
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
