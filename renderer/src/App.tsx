import { useCallback, useEffect, useState } from 'react';
import { Alert, Spin } from 'antd';
import type { WorkstationContext } from '../../shared/contract';
import { invoke } from './api';
import { SignIn } from './screens/SignIn';
import { Workbench } from './screens/Workbench';
import { PracticeFrame } from './practice/PracticeBanner';

export function App() {
  const [context, setContext] = useState<WorkstationContext | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    invoke('app.context', {}).then(setContext, (e: Error) => setError(e.message));
  }, []);
  useEffect(refresh, [refresh]);

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
