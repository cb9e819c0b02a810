// What the trainee will see of a scenario at the window: the applicant, their words and the
// cards on the desk (a card's defect only shows when the trainee inspects it). Never the outcome.
import { Tag } from 'antd';
import type { TraineeView } from '../../../shared/practice/api';

const KIND_LABEL = { material: '材料', extra: '其他', identity: '证件' } as const;

export function ScenarioPreview({ view }: { view: TraineeView }) {
  const { persona, agent } = view;
  return (
    <div className="scenario-preview" data-testid="scenario-preview">
      <div className="scenario-preview-head">学员将看到</div>
      <p>
        <b>{persona.name}</b>
        {persona.description && <span className="muted-hint">（{persona.description}）</span>}
      </p>
      <p className="scenario-preview-request">“{view.request}”</p>
      {persona.company && (
        <p>
          企业：{persona.company.name}（法定代表人 {persona.company.legalRepresentative}）
        </p>
      )}
      {agent && (
        <p>
          代理人：{agent.name}
          {agent.relation && `（${agent.relation}）`}
        </p>
      )}
      <div className="scenario-preview-head">桌上的材料</div>
      <ul className="scenario-preview-cards">
        {view.cards.map((c) => (
          <li key={c.cardId}>
            <Tag>{KIND_LABEL[c.kind]}</Tag>
            {c.cardText}
          </li>
        ))}
      </ul>
    </div>
  );
}
