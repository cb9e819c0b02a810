// 练习管理, for a trainer signed in (in practice mode or at the real window, where the host answers
// from the practice file): scenarios, scenario packs, class sessions and trainee results, in one drawer.
import { useState } from 'react';
import { Drawer, Tabs } from 'antd';
import { PackAdmin } from './PackAdmin';
import { ScenarioAdmin } from './ScenarioAdmin';
import { ResultsView } from './ResultsView';
import { SessionBuilder } from './SessionBuilder';

export function TrainerConsole({ onClose }: { onClose: () => void }) {
  // Bumped on import so sessions and results see the new pack's scenarios.
  const [version, setVersion] = useState(0);
  return (
    <Drawer open title="练习管理" size={1040} onClose={onClose} data-testid="trainer-console">
      <Tabs
        items={[
          { key: 'packs', label: '场景包', children: <PackAdmin onChanged={() => setVersion((v) => v + 1)} /> },
          { key: 'scenarios', label: '场景', children: <ScenarioAdmin version={version} onChanged={() => setVersion((v) => v + 1)} /> },
          { key: 'sessions', label: '课程', children: <SessionBuilder version={version} /> },
          { key: 'results', label: '成绩', children: <ResultsView version={version} /> },
        ]}
      />
    </Drawer>
  );
}
