// Shell of the console: sign-in, then by role — reviewers and heads: the queues (#/queue/<q>)
// and one case (#/cases/<id>), heads also 延期审批 (#/extensions); the centre's admin: 账号管理
// (#/staff), 审计日志 (#/audit) and 评价原因 (#/rating-reasons); heads and admins 差评整改 (#/rectifications). A session that ends on the server returns here to sign-in.
import { useCallback, useEffect, useState } from 'react';
import { Button, Menu, Spin, Tag } from 'antd';
import { setCurrentSession, type StaffSession } from './session';
import { api, ApiFailure, whenSignedOut } from './api';
import { SignIn } from './SignIn';
import { ChangePassword } from './ChangePassword';
import { CaseList } from './CaseList';
import { CaseView } from './CaseView';
import { ExtensionRequests } from './ExtensionRequests';
import { StaffAdmin } from './StaffAdmin';
import { AuditLog } from './AuditLog';
import { Rectifications } from './Rectifications';
import { CentreDashboard } from './CentreDashboard';
import { MonthReport } from './MonthReport';
import { RatingReasons } from './RatingReasons';
import { STAFF_ROLE_LABEL } from './labels';
import { QUEUES, type Queue } from '../../../shared/sync/review';

type Route = { page: 'queue'; queue: Queue } | { page: 'case'; caseId: string } | { page: 'extensions' } | { page: 'staff' } | { page: 'audit' } | { page: 'rectifications' } | { page: 'stats' } | { page: 'ratingReasons' } | { page: 'report'; from: string; to: string; officeCode?: string; departmentCode?: string };

function routeFromHash(): Route | null {
  const h = location.hash;
  const c = /^#\/cases\/([0-9a-f-]{36})$/i.exec(h);
  if (c) return { page: 'case', caseId: c[1] };
  const q = /^#\/queue\/(\w+)$/.exec(h);
  if (q && (QUEUES as readonly string[]).includes(q[1])) return { page: 'queue', queue: q[1] as Queue };
  if (h === '#/extensions') return { page: 'extensions' };
  if (h === '#/staff') return { page: 'staff' };
  if (h === '#/audit') return { page: 'audit' };
  if (h === '#/rectifications') return { page: 'rectifications' };
  if (h === '#/stats') return { page: 'stats' };
  if (h === '#/rating-reasons') return { page: 'ratingReasons' };
  const r = /^#\/stats\/report\?(.*)$/.exec(h);
  if (r) {
    const p = new URLSearchParams(r[1]);
    const day = (k: string) => (/^\d{4}-\d{2}-\d{2}$/.test(p.get(k) ?? '') ? p.get(k)! : null);
    const from = day('from');
    const to = day('to');
    if (from && to) return { page: 'report', from, to, officeCode: p.get('office') || undefined, departmentCode: p.get('department') || undefined };
  }
  return null;
}
const go = (hash: string) => { location.hash = hash; };

export function ConsoleApp() {
  const [session, setSession] = useState<StaffSession | null | 'loading'>('loading');
  const [route, setRoute] = useState<Route | null>(routeFromHash);
  /** Why the tab is at the sign-in page (time-out, signed out elsewhere …). */
  const [signInNote, setSignInNote] = useState<string | null>(null);
  const [changing, setChanging] = useState(false);

  const signedIn = useCallback((s: StaffSession | null) => {
    setCurrentSession(s);
    setSession(s);
  }, []);

  useEffect(() => {
    whenSignedOut((message) => { signedIn(null); setSignInNote(message); });
    // A reload keeps the session (the cookie): ask the server who this is.
    api.session().then(signedIn, (e) => { signedIn(null); if (e instanceof ApiFailure && e.code === 'session_expired') setSignInNote(e.message); });
    const onHash = () => setRoute(routeFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [signedIn]);

  const signOut = async () => {
    await api.signOut().catch(() => undefined);
    signedIn(null);
    setSignInNote(null);
    // The next person starts at their own first page (a time-out keeps the page to come back to).
    history.replaceState(null, '', location.pathname);
    setRoute(null);
  };

  if (session === 'loading') return <Spin style={{ margin: 80 }} />;
  const role = session?.staff.role;
  const admin = role === 'admin';
  // Each role lands on its own page; a page of another role is not offered.
  const page: Route = !session ? { page: 'queue', queue: 'unclaimed' }
    : admin ? (route?.page === 'audit' || route?.page === 'rectifications' || route?.page === 'stats' || route?.page === 'report' || route?.page === 'ratingReasons' ? route : { page: 'staff' })
    : route && route.page !== 'staff' && route.page !== 'audit' && route.page !== 'ratingReasons' && ((route.page !== 'extensions' && route.page !== 'rectifications' && route.page !== 'stats' && route.page !== 'report') || role === 'head') ? route : { page: 'queue', queue: 'unclaimed' };
  const menu = admin
    ? [{ key: 'staff', label: '账号管理' }, { key: 'audit', label: '审计日志' }, { key: 'rectifications', label: '差评整改' }, { key: 'stats', label: '中心统计' }, { key: 'rating-reasons', label: '评价原因' }]
    : [{ key: 'queue', label: '办件审批' }, ...(role === 'head' ? [{ key: 'extensions', label: '延期审批' }, { key: 'rectifications', label: '差评整改' }, { key: 'stats', label: '中心统计' }] : [])];
  const selected = page.page === 'case' ? 'queue' : page.page === 'report' ? 'stats' : page.page === 'ratingReasons' ? 'rating-reasons' : page.page;

  return (
    <>
      <header className="console-header">
        <h1>一窗 · 后台分类审批</h1>
        {session && (
          <>
            <Menu mode="horizontal" theme="dark" className="console-nav" selectedKeys={[selected]} items={menu}
              onClick={({ key }) => go(key === 'queue' ? '#/queue/unclaimed' : `#/${key}`)} data-testid="console-nav" />
            <div className="who">
              <span data-testid="staff-name">{session.staff.name}（工号 {session.staff.staffNo}）</span>
              <Tag color="blue" data-testid="staff-role">{STAFF_ROLE_LABEL[session.staff.role]}</Tag>
              <Button size="small" onClick={() => setChanging(true)} data-testid="open-change-password">修改密码</Button>
              <Button size="small" onClick={() => void signOut()} data-testid="sign-out">退出登录</Button>
            </div>
          </>
        )}
      </header>
      <main className="console-main">
        {!session ? (
          <SignIn note={signInNote} onSignedIn={(s) => { setSignInNote(null); signedIn(s); }} />
        ) : page.page === 'case' ? (
          <CaseView caseId={page.caseId} session={session} onBack={() => history.length > 1 ? history.back() : go('#/queue/unclaimed')} />
        ) : page.page === 'queue' ? (
          <CaseList queue={page.queue} onQueue={(q) => go(`#/queue/${q}`)} onOpen={(id) => go(`#/cases/${id}`)} />
        ) : page.page === 'extensions' ? (
          <ExtensionRequests onOpen={(id) => go(`#/cases/${id}`)} />
        ) : page.page === 'report' ? (
          <MonthReport from={page.from} to={page.to} officeCode={page.officeCode} departmentCode={page.departmentCode} onBack={() => go('#/stats')} />
        ) : page.page === 'stats' ? (
          <CentreDashboard />
        ) : page.page === 'rectifications' ? (
          <Rectifications admin={admin} onOpenCase={(id) => go(`#/cases/${id}`)} />
        ) : page.page === 'ratingReasons' ? (
          <RatingReasons />
        ) : page.page === 'staff' ? (
          <StaffAdmin me={session.staff.staffNo} />
        ) : (
          <AuditLog />
        )}
        {session && (changing || session.staff.mustChangePassword) && (
          <ChangePassword required={session.staff.mustChangePassword} onCancel={() => setChanging(false)}
            onDone={() => { setChanging(false); void api.session().then(signedIn); }} />
        )}
      </main>
    </>
  );
}
