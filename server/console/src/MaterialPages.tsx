// Each material's scanned pages for the reviewer: thumbnails per material (those not yet
// uploaded from the window say so), a viewer with zoom, rotate and previous/next, and the
// per-material verdict 通过 / 未通过 with its reason (pages brought as a 补正 are marked), which the review decision carries (需补正
// then names exactly the failed materials).
import { useEffect, useState } from 'react';
import { Button, Card, Empty, Input, Modal, Radio, Space, Tag } from 'antd';
import type { CasePage } from '../../../shared/sync/backoffice';
import { api } from './api';

export interface Verdict {
  verdict: 'passed' | 'failed';
  reason: string;
}
export type Verdicts = Record<string, Verdict>;

const src = (caseId: string, pageId: string) => `/backoffice/api/cases/${caseId}/pages/${encodeURIComponent(pageId)}`;

export function MaterialPages({ caseId, materials, verdicts, onVerdicts, editable }: {
  caseId: string;
  materials: Array<{ id: string; name: string }>;
  verdicts: Verdicts;
  onVerdicts: (v: Verdicts) => void;
  editable: boolean;
}) {
  const [pages, setPages] = useState<CasePage[] | null>(null);
  const [viewing, setViewing] = useState<{ list: CasePage[]; i: number; name: string } | null>(null);
  const [zoom, setZoom] = useState(1);
  const [turn, setTurn] = useState(0);
  useEffect(() => {
    api.casePages(caseId).then((r) => setPages(r.pages), () => setPages([]));
  }, [caseId]);
  const set = (id: string, v: Partial<Verdict>) => onVerdicts({ ...verdicts, [id]: { ...{ verdict: 'passed' as const, reason: '' }, ...verdicts[id], ...v } });
  const open = (list: CasePage[], i: number, name: string) => {
    setZoom(1);
    setTurn(0);
    setViewing({ list, i, name });
  };
  const shown = viewing?.list[viewing.i];

  return (
    <Card title="材料扫描件与逐项审核"><div data-testid="material-pages">
      {pages === null ? null : materials.map((m) => {
        const mine = pages.filter((p) => p.materialId === m.id);
        const v = verdicts[m.id];
        return (
          <div key={m.id} className="review-material" data-testid={`review-material-${m.id}`}>
            <div className="review-material-head">
              <strong>{m.name}</strong> <Tag>{mine.length ? `${mine.length} 页` : '无扫描件'}</Tag>
              {mine.some((p) => !p.stored) && <Tag color="orange">{mine.filter((p) => !p.stored).length} 页尚未上传</Tag>}
              {mine.some((p) => p.supplement) && <Tag color="blue" data-testid="supplement-pages">补正 {mine.filter((p) => p.supplement).length} 页</Tag>}
            </div>
            <div className="review-thumbs">
              {mine.map((p, i) => p.stored
                ? <button key={p.pageId} type="button" className={`review-thumb${p.supplement ? ' supplement' : ''}`} onClick={() => open(mine, i, m.name)} data-testid="review-thumb" title={p.supplement ? '补正材料' : undefined}><img src={src(caseId, p.pageId)} alt={`${m.name} 第 ${i + 1} 页${p.supplement ? '（补正）' : ''}`} /></button>
                : <span key={p.pageId} className="review-thumb waiting">上传中</span>)}
            </div>
            {editable && (
              <Space wrap>
                <Radio.Group size="small" optionType="button" buttonStyle="solid" value={v?.verdict} onChange={(e) => set(m.id, { verdict: e.target.value })}
                  options={[{ value: 'passed', label: '通过' }, { value: 'failed', label: '未通过' }]} data-testid={`verdict-${m.id}`} />
                {v?.verdict === 'failed' && (
                  <Input size="small" style={{ width: 320 }} maxLength={500} placeholder="未通过的原因（将告知申请人补正）" value={v.reason}
                    onChange={(e) => set(m.id, { reason: e.target.value })} data-testid={`verdict-reason-${m.id}`} />
                )}
              </Space>
            )}
          </div>
        );
      })}
      {pages !== null && !materials.length && <Empty description="本办件没有材料" />}
      <Modal open={!!shown} width={960} title={shown ? `${viewing!.name} · 第 ${viewing!.i + 1} / ${viewing!.list.length} 页` : ''} onCancel={() => setViewing(null)}
        footer={viewing && (
          <Space>
            <Button disabled={viewing.i === 0} onClick={() => setViewing({ ...viewing, i: viewing.i - 1 })}>上一页</Button>
            <Button disabled={viewing.i === viewing.list.length - 1} onClick={() => setViewing({ ...viewing, i: viewing.i + 1 })}>下一页</Button>
            <Button onClick={() => setZoom((z) => Math.max(0.5, z / 1.25))}>缩小</Button>
            <Button onClick={() => setZoom((z) => Math.min(4, z * 1.25))} data-testid="review-zoom-in">放大</Button>
            <Button onClick={() => setTurn((t) => (t + 270) % 360)}>向左旋转</Button>
            <Button onClick={() => setTurn((t) => (t + 90) % 360)} data-testid="review-rotate-right">向右旋转</Button>
          </Space>
        )}>
        {shown && (
          <div className="review-viewer">
            <img src={src(caseId, shown.pageId)} alt="扫描页" style={{ width: `${zoom * 100}%`, transform: `rotate(${turn}deg)` }} data-testid="review-page" />
          </div>
        )}
      </Modal>
    </div></Card>
  );
}

/** The verdicts as the decision sends them (only materials the reviewer judged). */
export const verdictBody = (v: Verdicts) =>
  Object.entries(v).map(([materialId, x]) => ({ materialId, verdict: x.verdict, ...(x.verdict === 'failed' ? { reason: x.reason.trim() || undefined } : {}) }));
