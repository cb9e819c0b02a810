// The materials of a case by name, as judged at intake: what was received and how (原件已核验,
// 复印件已收, 电子证照已调取 …), what was deferred (容缺, with the supplement deadline) and what
// was missing or defective, with the clerk's note. Names come from the case's item snapshot.
// A material's page count opens its pages read-only (a purged one says 已归档到中心).
import { useState, type HTMLAttributes } from 'react';
import { Alert, Button, Table, Tag } from 'antd';
import { usePages } from '../scans/usePages';
import { PageViewer } from './PageViewer';
import type { CaseMaterial, MaterialStatus } from '../../../shared/domain/case';
import { MATERIAL_STATUS_LABEL } from '../../../shared/domain/case';
import { MARK_LABEL } from '../../../shared/domain/checklist';
import { cnDate } from './DecisionDialog';

const STATUS_COLOR: Record<MaterialStatus, string> = { satisfied: 'green', deferred: 'gold', missing: 'red', defective: 'red', unchecked: 'default' };

/** The second line of a row: how it came in, or what is wrong and until when. */
function detail(m: CaseMaterial, supplementDeadline: string | null, overdue: boolean) {
  if (m.status === 'satisfied') {
    const how = m.mark ? MARK_LABEL[m.mark] : '';
    return [how, m.supplemented ? '补正时补交' : '', m.reason ?? ''].filter(Boolean).join(' · ');
  }
  if (m.status === 'deferred') {
    const until = supplementDeadline ? <span className={overdue ? 'clock-over' : ''}>补正期限 {cnDate(supplementDeadline)}</span> : null;
    const note = m.reason && m.reason !== '容缺待补' ? m.reason : null;
    return (
      <>
        {until}
        {until && note && ' · '}
        {note}
      </>
    );
  }
  return m.reason ?? '';
}

function copiesText(m: CaseMaterial): string {
  if (m.status !== 'satisfied' && m.copiesReceived === null) return m.copies ? `应交 ${m.copies}` : '—';
  const got = m.copiesReceived ?? m.copies;
  return m.copies || got ? `${got} / ${m.copies}` : '—';
}

export function CaseMaterials({ caseId, materials, supplementDeadline, overdue }: { caseId: string; materials: CaseMaterial[] | null; supplementDeadline: string | null; overdue: boolean }) {
  const scans = usePages({ caseId });
  const [viewing, setViewing] = useState<CaseMaterial | null>(null);
  if (materials === null) {
    return <Alert type="warning" showIcon data-testid="case-materials-unavailable" title="受理时的事项快照无法读取，材料清单不能显示；办件的其他信息不受影响。" />;
  }
  if (materials.length === 0) return <p className="muted-inline" data-testid="case-materials-empty">本办件没有需收取的材料（引导至分中心或未选择情形）。</p>;
  const count = (s: MaterialStatus) => materials.filter((m) => m.status === s).length;
  const tally = [
    `已收 ${count('satisfied')}`,
    count('deferred') ? `容缺 ${count('deferred')}` : '',
    count('missing') + count('defective') ? `缺失或不符合 ${count('missing') + count('defective')}` : '',
    count('unchecked') ? `未核对 ${count('unchecked')}` : '',
  ].filter(Boolean);
  return (
    <>
      <div className="case-materials-tally" data-testid="case-materials-tally">
        共 {materials.length} 项：{tally.join('，')}
      </div>
      <Table<CaseMaterial>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={materials}
        data-testid="case-materials"
        onRow={(m) => ({ 'data-material-id': m.id, 'data-status': m.status }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: '序号', width: 48, align: 'center', render: (_: unknown, __, i) => i + 1 },
          {
            title: '材料名称',
            render: (_: unknown, m) => (
              <>
                <div className="case-material-name">{m.name}</div>
                <div className="muted-inline">
                  要求{m.form}
                  {m.necessity !== '必要' && ` · ${m.necessity}`}
                </div>
              </>
            ),
          },
          {
            title: '收取情况',
            render: (_: unknown, m) => (
              <>
                <Tag color={m.supplemented ? 'green' : STATUS_COLOR[m.status]}>{m.supplemented ? '已补正' : MATERIAL_STATUS_LABEL[m.status]}</Tag>
                <div className={m.status === 'missing' || m.status === 'defective' ? 'material-reason' : 'case-material-how'}>{detail(m, supplementDeadline, overdue)}</div>
              </>
            ),
          },
          { title: '实收/应交', width: 84, align: 'center', render: (_: unknown, m) => copiesText(m) },
          {
            title: '扫描件', width: 72, align: 'center',
            render: (_: unknown, m) => (m.pages ? (
              <Button type="link" size="small" onClick={() => setViewing(m)} data-testid={`case-pages-${m.id}`}>{m.pages} 页</Button>
            ) : '—'),
          },
        ]}
      />
      {viewing && (
        <PageViewer pages={scans.byMaterial(viewing.id)} start={0} materialName={viewing.name} draftId={null} onChanged={scans.reload} onClose={() => setViewing(null)} />
      )}
    </>
  );
}
