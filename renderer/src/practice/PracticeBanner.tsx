// The band across the top of every screen while practice mode is on, sign-in included, in a
// colour no ordinary message uses: nothing done here may be taken for a real case.
import { useEffect, useState, type ReactNode } from 'react';
import { Button } from 'antd';
import { PracticeAuthDialog } from './PracticeAuthDialog';
import './practice.css';

export const PRACTICE_BANNER_TEXT = '练习模式 · 所有办件均为练习，不具效力';

/** Wraps a screen under the banner; `leave` offers 退出练习 in the band itself (the sign-in screen has no header). */
export function PracticeFrame({ leave, onChanged, children }: { leave: boolean; onChanged: () => void; children: ReactNode }) {
  const [leaving, setLeaving] = useState(false);
  // Dialogs live outside the frame (portals in <body>); this class moves them below the band.
  useEffect(() => {
    document.body.classList.add('practice-on');
    return () => document.body.classList.remove('practice-on');
  }, []);
  return (
    <div className="practice-frame">
      <div className="practice-banner" role="status" data-testid="practice-banner">
        <span className="practice-banner-text">{PRACTICE_BANNER_TEXT}</span>
        {leave && (
          <Button size="small" className="practice-banner-leave" onClick={() => setLeaving(true)} data-testid="practice-banner-leave">
            退出练习
          </Button>
        )}
      </div>
      <div className="practice-content">{children}</div>
      {leaving && (
        <PracticeAuthDialog
          mode="leave"
          onCancel={() => setLeaving(false)}
          onDone={() => {
            setLeaving(false);
            onChanged();
          }}
        />
      )}
    </div>
  );
}
