// The materials of a stored case, by name, as the item stood when the case was taken: read
// from the case's item snapshot (never the current catalogue, which may have renamed or
// dropped a material since) and judged by the same checklist engine the intake screen used.
import { Item } from '../../shared/domain/catalogue';
import { Answers, Marks } from '../../shared/domain/checklist';
import type { CaseMaterial, MaterialStatus } from '../../shared/domain/case';
import { evaluateChecklist, type ChecklistLine } from '../../shared/engine/checklist';
import { getSnapshot, type CaseRow } from '../store/cases';
import { eventsOf, type CaseEvent } from '../../shared/domain/caseEvents';
import type { Db } from '../store/db';

function toMaterial(line: ChecklistLine, supplied: ReadonlySet<string>, pages: ReadonlyMap<string, number>): CaseMaterial {
  const status: MaterialStatus = line.status; // the engine's statuses are the contract's
  return {
    id: line.material.id,
    name: line.material.name,
    form: line.material.form,
    necessity: line.material.necessity,
    copies: line.material.copies,
    copiesReceived: line.mark?.copies ?? null,
    status,
    mark: line.mark?.mark ?? null,
    reason: line.status === 'satisfied' ? (line.mark?.note ?? null) : (line.reason ?? null),
    supplemented: supplied.has(line.material.id),
    pages: pages.get(line.material.id) ?? 0,
  };
}

/** Null when the snapshot no longer parses: the case view still opens and says so. */
export function caseMaterials(db: Db, row: CaseRow, events: readonly CaseEvent[]): CaseMaterial[] | null {
  const item = Item.safeParse(JSON.parse(getSnapshot(db, row.snapshotId)));
  const answers = Answers.safeParse(JSON.parse(row.answers));
  const marks = Marks.safeParse(JSON.parse(row.marks));
  if (!item.success || !answers.success || !marks.success) return null;
  // 补正 turned the deferred marks into 'verified'; the event says which ones were late.
  const supplied = new Set(eventsOf(events, 'case.supplemented').flatMap((e) => e.payload.materialIds));
  const pages = new Map<string, number>();
  for (const e of eventsOf(events, 'case.pagesAttached')) for (const p of e.payload.pages) pages.set(p.materialId, (pages.get(p.materialId) ?? 0) + 1);
  return evaluateChecklist(item.data, answers.data, marks.data).lines.map((l) => toMaterial(l, supplied, pages));
}
