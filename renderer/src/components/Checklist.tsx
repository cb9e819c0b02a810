// The materials this case needs, one row each, with the clerk's mark. Keyboard: ↑↓ move
// between materials, digit keys 1–7 set a mark (fixed positions, only valid marks offered),
// 0 clears it, + / − change the copies received, Enter edits the note. Marking 缺失 or
// 不符合法定形式 jumps to the note: its reason is printed on 一次性告知书.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Button, Input, InputNumber, Tag } from 'antd';
import type { ChecklistLine, LineStatus } from '../../../shared/engine/checklist';
import { MARK_LABEL, type Mark, type MaterialMark } from '../../../shared/domain/checklist';
import type { Material } from '../../../shared/domain/catalogue';
import { markForKey, markKey, needsReason, offeredMarks } from '../intake/marks';

const STATUS: Record<LineStatus, { label: string; color: string }> = {
  satisfied: { label: '已齐', color: 'green' },
  deferred: { label: '容缺', color: 'gold' },
  missing: { label: '缺失', color: 'red' },
  defective: { label: '不符合', color: 'red' },
  unchecked: { label: '未核对', color: 'default' },
};

const NECESSITY_COLOR: Record<Material['necessity'], string> = { 必要: 'volcano', 非必要: 'default', 可容缺: 'gold' };

export interface ChecklistProps {
  lines: ChecklistLine[];
  onMark: (materialId: string, mark: MaterialMark | null) => void;
  /** Set when the list should take the keyboard (after the last situation is answered). */
  focusToken?: number;
  /** The last material got a mark that needs nothing more: the keyboard moves on (to the applicant). */
  onDone?: () => void;
  /** Under each material: its scans (an 电子证照 needs none). */
  pagesOf?: (line: ChecklistLine) => ReactNode;
}

export function Checklist({ lines, onMark, focusToken, onDone, pagesOf }: ChecklistProps) {
  const [active, setActive] = useState(0);
  const rows = useRef<Array<HTMLDivElement | null>>([]);
  const notes = useRef<Record<string, HTMLInputElement | null>>({});

  const focusRow = (i: number) => {
    const k = Math.max(0, Math.min(i, lines.length - 1));
    setActive(k);
    rows.current[k]?.focus();
  };
  useEffect(() => {
    if (focusToken) focusRow(0);
  }, [focusToken]); // only when asked: not on every re-render
  useEffect(() => {
    if (active >= lines.length && lines.length > 0) setActive(lines.length - 1);
  }, [active, lines.length]);
  // The note field appears only once the mark is rendered: focus it after that render.
  const [noteFor, setNoteFor] = useState<string | null>(null);
  useEffect(() => {
    if (noteFor && notes.current[noteFor]) {
      notes.current[noteFor]?.focus();
      setNoteFor(null);
    }
  }, [noteFor, lines]);

  const setMark = (line: ChecklistLine, mark: Mark) => {
    const prev = line.mark;
    onMark(line.material.id, { mark, ...(prev?.copies !== undefined ? { copies: prev.copies } : {}), ...(prev?.note ? { note: prev.note } : {}) });
  };

  const onRowKey = (i: number, line: ChecklistLine) => (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return; // typing in the note or copies field
    const mark = markForKey(e.key);
    if (e.key === 'ArrowDown') focusRow(i + 1);
    else if (e.key === 'ArrowUp') focusRow(i - 1);
    else if (e.key === 'Home') focusRow(0);
    else if (e.key === 'End') focusRow(lines.length - 1);
    else if (mark && offeredMarks(line.material).includes(mark)) {
      setMark(line, mark);
      if (needsReason(mark)) setNoteFor(line.material.id);
      else if (i + 1 < lines.length) focusRow(i + 1);
      else onDone?.();
    } else if (e.key === '0' || e.key === 'Delete' || e.key === 'Backspace') onMark(line.material.id, null);
    else if ((e.key === '+' || e.key === '=' || e.key === '-') && line.mark) {
      const current = line.mark.copies ?? line.material.copies;
      onMark(line.material.id, { ...line.mark, copies: Math.max(0, current + (e.key === '-' ? -1 : 1)) });
    } else if (e.key === 'Enter' && line.mark) setNoteFor(line.material.id);
    else return;
    e.preventDefault();
  };

  if (lines.length === 0) return null;
  return (
    <section className="panel checklist" aria-label="材料清单">
      <h3 className="panel-title">
        材料清单（{lines.length} 项）
        <span className="key-hint">↑↓ 选材料 · 1–7 标记 · 0 清除 · +/− 份数 · Enter 写说明</span>
      </h3>
      <div role="list" aria-label="材料" data-testid="checklist">
        {lines.map((line, i) => {
          const m = line.material;
          const offered = offeredMarks(m);
          const reasonMissing = needsReason(line.mark?.mark) && !line.mark?.note;
          return (
            <div
              key={m.id}
              ref={(el) => {
                rows.current[i] = el;
              }}
              role="listitem"
              tabIndex={i === active ? 0 : -1}
              aria-label={m.name}
              aria-current={i === active}
              className={`material-row status-${line.status}${i === active ? ' active' : ''}`}
              data-testid={`material-${m.id}`}
              data-status={line.status}
              onKeyDown={onRowKey(i, line)}
              onFocus={() => setActive(i)}
            >
              <div className="material-head">
                <span className="material-no">{i + 1}.</span>
                <span className="material-name">{m.name}</span>
                <Tag color={NECESSITY_COLOR[m.necessity]}>{m.necessity}</Tag>
                <Tag color={STATUS[line.status].color} data-testid="line-status">
                  {STATUS[line.status].label}
                </Tag>
              </div>
              <div className="material-facts">
                {m.form} · {m.copies} 份 · {m.medium} · 来源：{m.source}
                {m.sampleRef && <> · 样表：{m.sampleRef}</>}
              </div>
              {m.note && <div className="material-note">{m.note}</div>}
              <div className="material-marks">
                {offered.map((mk) => (
                  <Button
                    key={mk}
                    size="small"
                    tabIndex={-1}
                    type={line.mark?.mark === mk ? 'primary' : 'default'}
                    danger={line.mark?.mark === mk && needsReason(mk)}
                    aria-pressed={line.mark?.mark === mk}
                    onClick={() => setMark(line, mk)}
                  >
                    <span className="mark-key">{markKey(mk)}</span>
                    {MARK_LABEL[mk]}
                  </Button>
                ))}
              </div>
              {line.mark && (
                <div className="material-extra">
                  {line.mark.mark !== 'missing' && (
                    <label>
                      实收
                      <InputNumber
                        size="small"
                        min={0}
                        max={50}
                        tabIndex={-1}
                        aria-label={`${m.name} 实收份数`}
                        value={line.mark.copies ?? m.copies}
                        onChange={(v) => line.mark && onMark(m.id, { ...line.mark, copies: v ?? undefined })}
                        style={{ width: 64 }}
                      />
                      份
                    </label>
                  )}
                  <Input
                    size="small"
                    tabIndex={-1}
                    maxLength={200}
                    ref={(el) => {
                      notes.current[m.id] = el?.input ?? null;
                    }}
                    status={reasonMissing ? 'error' : undefined}
                    aria-label={`${m.name} 说明`}
                    placeholder={needsReason(line.mark.mark) ? '请写明原因（将列入一次性告知书）' : '备注（可选）'}
                    value={line.mark.note ?? ''}
                    onChange={(e) => line.mark && onMark(m.id, { ...line.mark, note: e.target.value || undefined })}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === 'Escape') {
                        e.preventDefault();
                        focusRow(e.key === 'Enter' ? i + 1 : i);
                      }
                    }}
                  />
                </div>
              )}
              {pagesOf && line.mark?.mark !== 'eCert' && pagesOf(line)}
              {line.reason && line.status !== 'satisfied' && <div className="material-reason">{line.reason}</div>}
              {reasonMissing && <div className="material-reason">须写明原因，才能出具一次性告知书</div>}
            </div>
          );
        })}
      </div>
    </section>
  );
}
