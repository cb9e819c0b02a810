import { useCallback, useEffect, useState } from 'react';
import { Alert, Spin } from 'antd';
import type { WorkstationContext } from '../../shared/contract';
import { invoke } from './api';
import { SignIn } from './screens/SignIn';
import { Workbench } from './screens/Workbench';
import { PracticeFrame } from './practice/PracticeBanner';
import { onSynced } from './sync/syncEvents';
import { releaseKeys } from './intake/typeAhead';

const sameContext = (a: WorkstationContext, b: WorkstationContext) =>
  a.office.code === b.office.code &&
  a.window.code === b.window.code &&
  a.catalogueVersion === b.catalogueVersion &&
  a.itemCount === b.itemCount &&
  a.clerk?.staffNo === b.clerk?.staffNo &&
  a.practice === b.practice;

export function App() {
  const [context, setContext] = useState<WorkstationContext | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    invoke('app.context', {}).then(setContext, (e: Error) => {
      releaseKeys(false); // keys held for the workbench (SignIn.tsx) have nowhere to go
      setError(e.message);
    });
  }, []);
  useEffect(refresh, [refresh]);
  // A sync may bring a new catalogue or move this device to another window: take the new
  // context then (only when it differs, so screens in use are not re-rendered for nothing).
  useEffect(
    () =>
      onSynced(() => {
        invoke('app.context', {}).then(
          (next) => setContext((cur) => (cur && sameContext(cur, next) ? cur : next)),
          () => undefined, // the next sync tries again
        );
      }),
    [],
  );

  if (error) return <Alert type="error" showIcon title="无法启动工作站" description={error} style={{ margin: 48 }} />;
  if (!context) return <Spin fullscreen description="正在启动…" />;
  const screen = context.clerk ? <Workbench context={context} onSignedOut={refresh} onContextChanged={refresh} /> : <SignIn context={context} onSignedIn={refresh} />;
  // The practice banner sits above every screen, sign-in included, for as long as practice is on.
  return context.practice ? (
    <PracticeFrame leave={!context.clerk} onChanged={refresh}>
      {screen}
    </PracticeFrame>
  ) : (
    screen
  );
}
