// The header's practice actions: 练习模式 to enter, 退出练习 to leave (both verified by a
// trainer's or the clerk's own password), and 练习管理 for a trainer, in practice mode or not.
import { useState } from 'react';
import { Button } from 'antd';
import type { WorkstationContext } from '../../../shared/contract';
import { PracticeAuthDialog, type PracticeSwitch } from './PracticeAuthDialog';
import { TrainerConsole } from './TrainerConsole';
import './practice.css';

export function PracticeHeaderActions({ context, onChanged }: { context: WorkstationContext; onChanged: () => void }) {
  const [auth, setAuth] = useState<PracticeSwitch | null>(null);
  const [managing, setManaging] = useState(false);
  const trainer = context.clerk?.role === 'trainer';
  return (
    <>
      {trainer && (
        <Button size="small" className="practice-header-button" onClick={() => setManaging(true)} data-testid="practice-manage">
          练习管理
        </Button>
      )}
      <Button size="small" className="practice-header-button" onClick={() => setAuth(context.practice ? 'leave' : 'enter')} data-testid="practice-switch">
        {context.practice ? '退出练习' : '练习模式'}
      </Button>
      {auth && (
        <PracticeAuthDialog
          mode={auth}
          onCancel={() => setAuth(null)}
          onDone={() => {
            setAuth(null);
            onChanged();
          }}
        />
      )}
      {managing && <TrainerConsole onClose={() => setManaging(false)} />}
    </>
  );
}
