// A scenario written in the app (练习管理 · 场景): the applicant, the 事项 and its 情形 facts, what
// lies on the desk and the expected handling. 检查并预览 runs the pack's own checks on the
// workstation (errors by field, in Chinese) and shows what the trainee will see; 保存 writes it
// into one of the trainer's own packs (a built-in scenario is a starting point, saved as a copy).
import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Drawer, Input, InputNumber, Select, Table } from 'antd';
import type { ItemDetail } from '../../../shared/contract';
import type { TraineeView } from '../../../shared/practice/api';
import { DEFECT_LABEL, DEFECTS, SCENARIO_LEVELS } from '../../../shared/practice/scenario';
import { DECISION_LABEL, DECISIONS } from '../../../shared/domain/checklist';
import { IMMEDIATE_TIERS, LEVEL_LABEL, LEVELS, TIER_LABEL } from '../../../shared/domain/catalogue';
import { ApiError, invoke } from '../api';
import { ScenarioPreview } from './ScenarioPreview';
import { emptyForm, formFromScenario, scenarioFromForm, type DeskChoice, type ScenarioForm } from './scenarioForm';

export interface EditTarget {
  packId: string;
  scenarioId: string | null;
}

type Issue = { field: string; message: string };

const DESK_LABEL: Record<DeskChoice, string> = { absent: '不设定', present: '已带来', missing: '缺失', defective: '有缺陷' };

function Field({ label, children, hint }: { label: string; children: React.ReactNode; hint?: string }) {
  return (
    <label className="scenario-field">
      <span className="scenario-field-label">{label}</span>
      {children}
      {hint && <span className="muted-hint">{hint}</span>}
    </label>
  );
}

export function ScenarioEditor({ target, ownPacks, onClose, onSaved }: { target: EditTarget; ownPacks: { id: string; title: string }[]; onClose: () => void; onSaved: () => void }) {
  const [form, setForm] = useState<ScenarioForm>(emptyForm);
  const [packId, setPackId] = useState(target.packId === 'builtin' ? '' : target.packId);
  const [packTitle, setPackTitle] = useState('');
  const [opened, setOpened] = useState<string | null>(null);
  const [item, setItem] = useState<ItemDetail | null>(null);
  const [itemError, setItemError] = useState<string | null>(null);
  const [issues, setIssues] = useState<Issue[] | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [preview, setPreview] = useState<TraineeView | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!target.scenarioId) return;
    invoke('practice.scenario', { packId: target.packId, scenarioId: target.scenarioId }).then(
      (r) => {
        setForm(formFromScenario(r.scenario));
        // A built-in scenario is saved as a copy in an own pack, under a new id by default.
        if (target.packId === 'builtin') setForm((f) => ({ ...f, id: `${f.id}-copy` }));
        else setOpened(r.scenario.id);
      },
      (e: Error) => setMessage({ ok: false, text: e.message }),
    );
  }, [target]);

  useEffect(() => {
    setItem(null);
    setItemError(null);
    if (!/^\S{6,40}$/.test(form.itemCode)) return;
    let live = true;
    invoke('catalogue.item', { code: form.itemCode }).then(
      (r) => live && setItem(r),
      (e: Error) => live && setItemError(e.message),
    );
    return () => {
      live = false;
    };
  }, [form.itemCode]);

  const set = (patch: Partial<ScenarioForm>) => setForm((f) => ({ ...f, ...patch }));
  const extras = form.extras ?? [];
  const existingPack = ownPacks.some((p) => p.id === packId);

  const check = async (): Promise<boolean> => {
    const r = await invoke('practice.previewScenario', { scenario: scenarioFromForm(form) });
    setIssues(r.errors);
    setPreview(r.preview);
    return r.errors.length === 0;
  };

  const run = async (what: 'check' | 'save') => {
    setBusy(true);
    setMessage(null);
    try {
      if (what === 'check') {
        if (await check()) setMessage({ ok: true, text: '检查通过，右侧为学员将看到的内容。' });
        return;
      }
      if (!packId.trim()) {
        setMessage({ ok: false, text: '请填写要保存到的场景包编号' });
        return;
      }
      const r = await invoke('practice.saveScenario', {
        packId: packId.trim(),
        scenario: scenarioFromForm(form),
        ...(existingPack ? {} : { packTitle: packTitle.trim() || undefined }),
        ...(opened ? { replaces: opened } : {}),
      });
      setOpened(r.scenarioId);
      setIssues([]);
      await check();
      setMessage({ ok: true, text: `已保存到场景包「${r.packTitle}」第 ${r.version} 版（场景 ${r.scenarioId}）。` });
      onSaved();
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
      if (e instanceof ApiError && e.details) setIssues(e.details.map((d) => ({ field: d.path, message: d.message })));
    } finally {
      setBusy(false);
    }
  };

  const situations = item?.item.situations ?? [];
  const materials = item?.item.materials ?? [];
  const text = (value: string, onChange: (v: string) => void, testId: string, placeholder?: string) => (
    <Input value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} placeholder={placeholder} />
  );

  return (
    <Drawer open title={target.scenarioId ? '编辑场景' : '新建场景'} size={1180} onClose={onClose} data-testid="scenario-editor">
      <div className="scenario-editor">
        <div className="scenario-form">
          <h4>保存到</h4>
          <div className="scenario-row">
            <Field label="场景包编号" hint={existingPack ? `已有场景包「${ownPacks.find((p) => p.id === packId)?.title}」，保存后版本加一` : packId ? '将新建场景包' : `已有：${ownPacks.map((p) => p.id).join('、') || '无'}`}>
              <Input value={packId} onChange={(e) => setPackId(e.target.value.trim())} placeholder={ownPacks.map((p) => p.id).join('、') || '如 class-a'} data-testid="scenario-pack" style={{ width: 200 }} />
            </Field>
            {!existingPack && <Field label="新场景包名称">{text(packTitle, setPackTitle, 'scenario-pack-title')}</Field>}
          </div>

          <h4>场景</h4>
          <div className="scenario-row">
            <Field label="编号">{text(form.id, (v) => set({ id: v }), 'scenario-id', '如 class-a-01')}</Field>
            <Field label="标题">{text(form.title, (v) => set({ title: v }), 'scenario-title')}</Field>
            <Field label="难度">
              <Select value={form.level} onChange={(v: string) => set({ level: v })} options={SCENARIO_LEVELS.map((l) => ({ value: l, label: l }))} style={{ width: 90 }} />
            </Field>
            <Field label="学员所在层级">
              <Select value={form.officeLevel} onChange={(v: string) => set({ officeLevel: v })} options={LEVELS.map((l) => ({ value: l, label: LEVEL_LABEL[l] }))} style={{ width: 110 }} />
            </Field>
          </div>

          <h4>申请人</h4>
          <div className="scenario-row">
            <Field label="姓名">{text(form.persona.name, (v) => set({ persona: { ...form.persona, name: v } }), 'scenario-persona-name')}</Field>
            <Field label="身份证号" hint="可故意写错，训练学员发现">{text(form.persona.idNumber, (v) => set({ persona: { ...form.persona, idNumber: v } }), 'scenario-persona-id')}</Field>
            <Field label="电话">{text(form.persona.phone, (v) => set({ persona: { ...form.persona, phone: v } }), 'scenario-persona-phone')}</Field>
          </div>
          <div className="scenario-row">
            <Field label="住址">{text(form.persona.address, (v) => set({ persona: { ...form.persona, address: v } }), 'scenario-persona-address')}</Field>
            <Field label="外貌与神态（学员可见）">{text(form.persona.description, (v) => set({ persona: { ...form.persona, description: v } }), 'scenario-persona-description')}</Field>
          </div>
          <Field label="诉求（申请人原话）">
            <Input.TextArea rows={2} value={form.request} onChange={(e) => set({ request: e.target.value })} data-testid="scenario-request" />
          </Field>
          <div className="scenario-row">
            <Checkbox checked={form.company.on} onChange={(e) => set({ company: { ...form.company, on: e.target.checked } })} data-testid="scenario-company-on">
              以企业名义申请
            </Checkbox>
            <Checkbox checked={form.agent.on} onChange={(e) => set({ agent: { ...form.agent, on: e.target.checked } })} data-testid="scenario-agent-on">
              由代理人办理
            </Checkbox>
          </div>
          {form.company.on && (
            <div className="scenario-row">
              <Field label="企业名称">{text(form.company.name, (v) => set({ company: { ...form.company, name: v } }), 'scenario-company-name')}</Field>
              <Field label="统一社会信用代码" hint="未设立的企业可不填">{text(form.company.creditCode, (v) => set({ company: { ...form.company, creditCode: v } }), 'scenario-company-code')}</Field>
              <Field label="法定代表人">{text(form.company.legalRepresentative, (v) => set({ company: { ...form.company, legalRepresentative: v } }), 'scenario-company-rep')}</Field>
            </div>
          )}
          {form.agent.on && (
            <div className="scenario-row">
              <Field label="代理人姓名">{text(form.agent.name, (v) => set({ agent: { ...form.agent, name: v } }), 'scenario-agent-name')}</Field>
              <Field label="代理人身份证号">{text(form.agent.idNumber, (v) => set({ agent: { ...form.agent, idNumber: v } }), 'scenario-agent-id')}</Field>
              <Field label="代理人电话">{text(form.agent.phone, (v) => set({ agent: { ...form.agent, phone: v } }), 'scenario-agent-phone')}</Field>
              <Field label="与申请人关系">{text(form.agent.relation, (v) => set({ agent: { ...form.agent, relation: v } }), 'scenario-agent-relation')}</Field>
            </div>
          )}

          <h4>事项与情形</h4>
          <Field label="事项实施编码" hint={item ? `「${item.item.name}」` : (itemError ?? '输入实施编码后列出情形与材料')}>
            {text(form.itemCode, (v) => set({ itemCode: v.trim() }), 'scenario-item')}
          </Field>
          {situations.map((sit) => (
            <div className="scenario-row" key={sit.id}>
              <Field label={sit.question}>
                <Select
                  value={form.facts[sit.id]}
                  placeholder="申请人的实际情况"
                  onChange={(v: string) => set({ facts: { ...form.facts, [sit.id]: v } })}
                  options={sit.options.map((o) => ({ value: o.value, label: o.label }))}
                  data-testid={`scenario-fact-${sit.id}`}
                  style={{ width: 220 }}
                />
              </Field>
              <Field label="被问到时的回答">{text(form.replies[sit.id] ?? '', (v) => set({ replies: { ...form.replies, [sit.id]: v } }), `scenario-reply-${sit.id}`)}</Field>
            </div>
          ))}

          {materials.length > 0 && <h4>桌上的材料</h4>}
          {materials.map((m) => {
            const row = form.desk[m.id] ?? { state: 'absent' as DeskChoice, cardText: '', defectText: '' };
            const put = (patch: Partial<typeof row>) => set({ desk: { ...form.desk, [m.id]: { ...row, ...patch } } });
            return (
              <div className="scenario-row scenario-desk-row" key={m.id} data-testid={`scenario-desk-${m.id}`}>
                <span className="scenario-desk-name">{m.name}</span>
                <Select value={row.state} onChange={(v: DeskChoice) => put({ state: v })} options={(Object.keys(DESK_LABEL) as DeskChoice[]).map((k) => ({ value: k, label: DESK_LABEL[k] }))} data-testid={`scenario-desk-state-${m.id}`} style={{ width: 100 }} />
                {row.state !== 'absent' && row.state !== 'missing' && <Input value={row.cardText} placeholder="卡片文字（一眼看到的）" onChange={(e) => put({ cardText: e.target.value })} data-testid={`scenario-desk-card-${m.id}`} />}
                {row.state === 'defective' && (
                  <>
                    <Select value={row.defect} placeholder="缺陷类型" onChange={(v: string) => put({ defect: v })} options={DEFECTS.map((d) => ({ value: d, label: DEFECT_LABEL[d] }))} style={{ width: 150 }} />
                    <Input value={row.defectText} placeholder="检查时看到的缺陷" onChange={(e) => put({ defectText: e.target.value })} />
                  </>
                )}
              </div>
            );
          })}

          <h4>无关材料（桌上多出来的，学员应不予理会）</h4>
          {extras.map((x, k) => {
            const put = (patch: Partial<typeof x>) => set({ extras: extras.map((e, j) => (j === k ? { ...e, ...patch } : e)) });
            return (
              <div className="scenario-row" key={k} data-testid={`scenario-extra-${k}`}>
                <Input value={x.cardText} placeholder="卡片文字（如：超市购物小票）" maxLength={200} onChange={(e) => put({ cardText: e.target.value })} data-testid={`scenario-extra-card-${k}`} />
                <Input value={x.detailText ?? ''} placeholder="细节（可不填）" maxLength={300} onChange={(e) => put({ detailText: e.target.value || undefined })} data-testid={`scenario-extra-detail-${k}`} />
                <Button onClick={() => set({ extras: extras.filter((_, j) => j !== k) })} data-testid={`scenario-extra-remove-${k}`}>
                  删除
                </Button>
              </div>
            );
          })}
          {extras.length < 20 && (
            <Button onClick={() => set({ extras: [...extras, { cardText: '' }] })} data-testid="scenario-extra-add" style={{ marginBottom: 12 }}>
              添加无关材料
            </Button>
          )}

          <h4>预期处理</h4>
          <div className="scenario-row">
            <Field label="决定">
              <Select value={form.decision} onChange={(v: string) => set({ decision: v })} options={DECISIONS.map((d) => ({ value: d, label: DECISION_LABEL[d] }))} data-testid="scenario-decision" style={{ width: 150 }} />
            </Field>
            <Field label="立等可取档次">
              <Select value={form.tier} onChange={(v: string) => set({ tier: v })} options={[{ value: '', label: '不属立等可取' }, ...IMMEDIATE_TIERS.map((t) => ({ value: t, label: TIER_LABEL[t] }))]} style={{ width: 140 }} />
            </Field>
            <Field label="目标用时（分钟）">
              <InputNumber min={0.5} max={120} step={0.5} value={form.targetMinutes} onChange={(v) => set({ targetMinutes: v })} data-testid="scenario-minutes" />
            </Field>
          </div>
          <div className="scenario-row">
            <Checkbox checked={form.invalidIdNumber} onChange={(e) => set({ invalidIdNumber: e.target.checked })}>须发现身份证号错误</Checkbox>
            <Checkbox checked={form.invalidCreditCode} onChange={(e) => set({ invalidCreditCode: e.target.checked })}>须发现信用代码错误</Checkbox>
          </div>
          {form.decision === 'refuse' && <Field label="不予受理理由">{text(form.refusalReason, (v) => set({ refusalReason: v }), 'scenario-refusal')}</Field>}
          <Field label="讲解（练习结束后学员可见）">
            <Input.TextArea rows={2} value={form.explanation} onChange={(e) => set({ explanation: e.target.value })} />
          </Field>
          <p className="muted-hint">缺失与有缺陷的材料按“桌上的材料”自动列入预期结果。</p>
        </div>

        <div className="scenario-side">
          <div className="scenario-actions">
            <Button onClick={() => void run('check')} loading={busy} data-testid="scenario-check">
              检查并预览
            </Button>
            <Button type="primary" onClick={() => void run('save')} loading={busy} data-testid="scenario-save">
              保存
            </Button>
          </div>
          {message && <Alert type={message.ok ? 'success' : 'error'} showIcon title={message.text} data-testid={message.ok ? 'scenario-ok' : 'scenario-error'} style={{ marginBottom: 8 }} />}
          {issues && issues.length > 0 && (
            <Table<Issue & { key: number }>
              size="small"
              pagination={false}
              dataSource={issues.map((d, key) => ({ ...d, key }))}
              columns={[
                { title: '位置', dataIndex: 'field', width: 150 },
                { title: '问题', dataIndex: 'message' },
              ]}
              data-testid="scenario-issues"
              style={{ marginBottom: 12 }}
            />
          )}
          {preview && <ScenarioPreview view={preview} />}
        </div>
      </div>
    </Drawer>
  );
}
