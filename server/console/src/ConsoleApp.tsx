// Shell of the console: sign-in, then the case list (#/) or one case (#/cases/<id>).
import { useEffect, useState } from 'react';
import { Button } from 'antd';
import { clearSession, loadSession, saveSession, type StaffSession } from './session';
import { SignIn } from './SignIn';
import { CaseList } from './CaseList';
import { CaseView } from './CaseView';

const caseIdFromHash = () => /^#\/cases\/([0-9a-f-]{36})$/i.exec(location.hash)?.[1] ?? null;

export function ConsoleApp() {
  const [session, setSession] = useState<StaffSession | null>(loadSession);
  const [caseId, setCaseId] = useState<string | null>(caseIdFromHash);
  /** Set when the server refused the stored token, shown on the sign-in page. */
  const [signInNote, setSignInNote] = useState<string | null>(null);

  useEffect(() => {
    const onHash = () => setCaseId(caseIdFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const signOut = (note: string | null = null) => {
    clearSession();
    setSession(null);
    setSignInNote(note);
  };

  return (
    <>
      <header className="console-header">
        <h1>一窗 · 后台分类审批</h1>
        {session && (
          <div className="who">
            <span data-testid="staff-name">审批人：{session.name}</span>
            <Button size="small" onClick={() => signOut()}>退出登录</Button>
          </div>
        )}
      </header>
      <main className="console-main">
        {!session ? (
          <SignIn note={signInNote} onSignedIn={(s) => { saveSession(s); setSignInNote(null); setSession(s); }} />
        ) : caseId ? (
          <CaseView caseId={caseId} session={session} onForbidden={signOut} onBack={() => { location.hash = '#/'; }} />
        ) : (
          <CaseList onForbidden={signOut} onOpen={(id) => { location.hash = `#/cases/${id}`; }} />
        )}
      </main>
    </>
  );
}
