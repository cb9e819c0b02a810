// The materials this case needs, one row each, with the clerk's mark. Keyboard: ↑↓ move
// between materials, digit keys 1–7 set a mark (fixed positions, only valid marks offered),
// 0 clears it, + / − change the copies received, Enter edits the note. Marking 缺失 or
// 不符合法定形式 jumps to the note: its reason is printed on 一次性告知书.
// Speed on an old PC (docs/benchmarks.md, bench:ui): each row is memoised on what it shows (its
// material, mark, status, reason, whether it is active, its pages), so a mark re-renders the
// marked row and the next one, not the fifteen rows with their buttons; the callbacks reach the
// rows through one stable object whose fields always hold the latest list.
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Button, Input, InputNumber, Tag } from 'antd';
import type { ChecklistLine, LineStatus } from '../../../shared/engine/checklist';
import { MARK_LABEL, type Mark, type MaterialMark } from '../../../shared/domain/checklist';
import type { Material } from '../../../shared/domain/catalogue';
import { markForKey, markKey, needsReason, offeredMarks } from '../intake/marks';
import type { PageView, ReuseOffer } from '../../../shared/scans/api';
import { MaterialPages } from './MaterialPages';

const STATUS: Record<LineStatus, { label: string; color: string }> = {
  satisfied: { label: '已齐', color: 'green' },
  deferred: { label: '容缺', color: 'gold' },
  missing: { label: '缺失', color: 'red' },
  defective: { label: '不符合', color: 'red' },
  unchecked: { label: '未核对', color: 'default' },
};

const NECESSITY_COLOR: Record<Material['necessity'], string> = { 必要: 'volcano', 非必要: 'default', 可容缺: 'gold' };

export interface ChecklistScans {
  /** Where new pages go (the intake's draft). */
  draftId: string;
  pages: readonly PageView[];
  onChanged: () => void;
  /** 共性材料: the applicant's earlier pages offered per material, and how to take one over. */
  offers?: readonly ReuseOffer[];
  takeReuse?: (offer: ReuseOffer) => Promise<unknown>;
}

type Reuse = { offer: ReuseOffer; take: () => Promise<unknown> };

export interface ChecklistProps {
  lines: ChecklistLine[];
  onMark: (materialId: string, mark: MaterialMark | null) => void;
  /** Set when the list should take the keyboard (after the last situation is answered). */
  focusToken?: number;
  /** The last material got a mark that needs nothing more: the keyboard moves on (to the applicant). */
  onDone?: () => void;
  /** Under each material: its scans (an 电子证照 needs none). */
  scans?: ChecklistScans;
}

/** What every row calls; one object per list, its fields refreshed on each render of the list. */
interface RowControl {
  count: number;
  focusRow: (i: number) => void;
  setActive: (i: number) => void;
  onMark: ChecklistProps['onMark'];
  onDone?: () => void;
  setNoteFor: (materialId: string) => void;
  noteRef: (materialId: string, el: HTMLInputElement | null) => void;
  rowRef: (i: number, el: HTMLDivElement | null) => void;
}

const NO_PAGES: readonly PageView[] = [];

export const Checklist = memo(function Checklist({ lines, onMark, focusToken, onDone, scans }: ChecklistProps) {
  const [active, setActive] = useState(0);
  const rows = useRef<Array<HTMLDivElement | null>>([]);
  const notes = useRef<Record<string, HTMLInputElement | null>>({});
  const [noteFor, setNoteFor] = useState<string | null>(null);

  const focusRow = (i: number) => {
    const k = Math.max(0, Math.min(i, lines.length - 1));
    setActive(k);
    rows.current[k]?.focus();
  };
  const ctl = useRef({} as RowControl);
  Object.assign(ctl.current, {
    count: lines.length,
    focusRow,
    setActive,
    onMark,
    onDone,
    setNoteFor,
    noteRef: (id: string, el: HTMLInputElement | null) => {
      notes.current[id] = el;
    },
    rowRef: (i: number, el: HTMLDivElement | null) => {
      rows.current[i] = el;
    },
  } satisfies RowControl);

  useEffect(() => {
    if (focusToken) focusRow(0);
  }, [focusToken]); // only when asked: not on every re-render
  useEffect(() => {
    if (active >= lines.length && lines.length > 0) setActive(lines.length - 1);
  }, [active, lines.length]);
  // The note field appears only once the mark is rendered: focus it after that render.
  useEffect(() => {
    if (noteFor && notes.current[noteFor]) {
      notes.current[noteFor]?.focus();
      setNoteFor(null);
    }
  }, [noteFor, lines]);

  // One array per material, kept while its pages stay the same, so a row re-renders only for its own pages.
  const pagesBy = useMemo(() => {
    const m = new Map<string, PageView[]>();
    for (const p of scans?.pages ?? []) m.set(p.materialId, [...(m.get(p.materialId) ?? []), p]);
    return m;
  }, [scans?.pages]);
  // One reuse object per offered material, kept while the offers stay the same (rows are memoised).
  const reuseBy = useMemo(() => {
    const m = new Map<string, Reuse>();
    const take = scans?.takeReuse;
    if (take) for (const offer of scans?.offers ?? []) if (!m.has(offer.materialId)) m.set(offer.materialId, { offer, take: () => take(offer) });
    return m;
  }, [scans?.offers, scans?.takeReuse]);

  if (lines.length === 0) return null;
  return (
    <section className="panel checklist" aria-label="材料清单">
      <h3 className="panel-title">
        材料清单（{lines.length} 项）
        <span className="key-hint">↑↓ 选材料 · 1–7 标记 · 0 清除 · +/− 份数 · Enter 写说明</span>
      </h3>
      <div role="list" aria-label="材料" data-testid="checklist">
        {lines.map((line, i) => (
          <MaterialRow
            key={line.material.id}
            line={line}
            index={i}
            active={i === active}
            ctl={ctl.current}
            draftId={scans?.draftId ?? null}
            pages={pagesBy.get(line.material.id) ?? NO_PAGES}
            onPagesChanged={scans?.onChanged ?? null}
            reuse={reuseBy.get(line.material.id) ?? null}
          />
        ))}
      </div>
    </section>
  );
});

interface RowProps {
  line: ChecklistLine;
  index: number;
  active: boolean;
  ctl: RowControl;
  draftId: string | null;
  pages: readonly PageView[];
  onPagesChanged: (() => void) | null;
  reuse: Reuse | null;
}

// The engine builds new line objects on every evaluation: compare what a row shows.
const sameRow = (a: RowProps, b: RowProps) =>
  a.line.material === b.line.material &&
  a.line.mark === b.line.mark &&
  a.line.status === b.line.status &&
  a.line.reason === b.line.reason &&
  a.index === b.index &&
  a.active === b.active &&
  a.ctl === b.ctl &&
  a.draftId === b.draftId &&
  a.pages === b.pages &&
  a.onPagesChanged === b.onPagesChanged &&
  a.reuse === b.reuse;

const MaterialRow = memo(function MaterialRow({ line, index: i, active, ctl, draftId, pages, onPagesChanged, reuse }: RowProps) {
  const m = line.material;
  const offered = offeredMarks(m);
  const reasonMissing = needsReason(line.mark?.mark) && !line.mark?.note;

  const setMark = (mark: Mark) => {
    const prev = line.mark;
    ctl.onMark(m.id, { mark, ...(prev?.copies !== undefined ? { copies: prev.copies } : {}), ...(prev?.note ? { note: prev.note } : {}) });
  };

  const onRowKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return; // typing in the note or copies field
    const mark = markForKey(e.key);
    if (e.key === 'ArrowDown') ctl.focusRow(i + 1);
    else if (e.key === 'ArrowUp') ctl.focusRow(i - 1);
    else if (e.key === 'Home') ctl.focusRow(0);
    else if (e.key === 'End') ctl.focusRow(ctl.count - 1);
    else if (mark && offered.includes(mark)) {
      setMark(mark);
      if (needsReason(mark)) ctl.setNoteFor(m.id);
      else if (i + 1 < ctl.count) ctl.focusRow(i + 1);
      else ctl.onDone?.();
    } else if (e.key === '0' || e.key === 'Delete' || e.key === 'Backspace') ctl.onMark(m.id, null);
    else if ((e.key === '+' || e.key === '=' || e.key === '-') && line.mark) {
      const current = line.mark.copies ?? m.copies;
      ctl.onMark(m.id, { ...line.mark, copies: Math.max(0, current + (e.key === '-' ? -1 : 1)) });
    } else if (e.key === 'Enter' && line.mark) ctl.setNoteFor(m.id);
    else return;
    e.preventDefault();
  };

  return (
    <div
      ref={(el) => ctl.rowRef(i, el)}
      role="listitem"
      tabIndex={active ? 0 : -1}
      aria-label={m.name}
      aria-current={active}
      className={`material-row status-${line.status}${active ? ' active' : ''}`}
      data-testid={`material-${m.id}`}
      data-status={line.status}
      onKeyDown={onRowKey}
      onFocus={() => ctl.setActive(i)}
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
            onClick={() => setMark(mk)}
          >
            <span className="mark-key">{markKey(mk)}</span>
            {MARK_LABEL[mk]}
          </Button>
        ))}
      </div>
      {line.mark && !active && !needsReason(line.mark.mark) && (
        // A plain line until the row is active: mounting the two input fields on every mark was
        // most of a mark's cost on an old PC (docs/benchmarks.md, bench:ui); ↑/↓ or a click brings them.
        <div className="material-extra material-extra-summary" data-testid="material-extra-summary" onClick={() => ctl.focusRow(i)}>
          {line.mark.mark !== 'missing' && <>实收 {line.mark.copies ?? m.copies} 份</>}
          {line.mark.note && <> · 备注：{line.mark.note}</>}
        </div>
      )}
      {line.mark && (active || needsReason(line.mark.mark)) && (
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
                onChange={(v) => line.mark && ctl.onMark(m.id, { ...line.mark, copies: v ?? undefined })}
                style={{ width: 64 }}
              />
              份
            </label>
          )}
          <Input
            size="small"
            tabIndex={-1}
            maxLength={200}
            ref={(el) => ctl.noteRef(m.id, el?.input ?? null)}
            status={reasonMissing ? 'error' : undefined}
            aria-label={`${m.name} 说明`}
            placeholder={needsReason(line.mark.mark) ? '请写明原因（将列入一次性告知书）' : '备注（可选）'}
            value={line.mark.note ?? ''}
            onChange={(e) => line.mark && ctl.onMark(m.id, { ...line.mark, note: e.target.value || undefined })}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === 'Escape') {
                e.preventDefault();
                ctl.focusRow(e.key === 'Enter' ? i + 1 : i);
              }
            }}
          />
        </div>
      )}
      {draftId && onPagesChanged && line.mark?.mark !== 'eCert' && (
        <MaterialPages draftId={draftId} materialId={m.id} materialName={m.name} pages={pages as PageView[]} onChanged={onPagesChanged} reuse={reuse} />
      )}
      {line.reason && line.status !== 'satisfied' && <div className="material-reason">{line.reason}</div>}
      {reasonMissing && <div className="material-reason">须写明原因，才能出具一次性告知书</div>}
    </div>
  );
}, sameRow);
