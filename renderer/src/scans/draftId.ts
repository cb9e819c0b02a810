// The id under which the pages of one intake wait until its decision: kept in localStorage per
// item, so a reload (or a crash of the window) finds the pages taken so far again.
import { invoke } from '../api';

const PREFIX = 'yichuang.scanDraft.';
const key = (itemCode: string) => `${PREFIX}${itemCode}`;

function newDraftId(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `d-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export function draftIdFor(itemCode: string): string {
  const known = localStorage.getItem(key(itemCode));
  if (known) return known;
  const id = newDraftId();
  localStorage.setItem(key(itemCode), id);
  return id;
}

/** The intake ended (decided, or the clerk moved on): the next one starts a new draft. */
export function endDraft(itemCode: string): void {
  localStorage.removeItem(key(itemCode));
}

/**
 * The clerk dropped the intake of this item (放弃并继续, or 放弃草稿 when a draft is offered):
 * its scans go with its typed text. Pages of an ID card or a licence kept without the intake
 * they were taken for belong to no one, and would greet the next applicant of the same item.
 */
export function discardDraftPages(itemCode: string): void {
  const draftId = localStorage.getItem(key(itemCode));
  localStorage.removeItem(key(itemCode));
  if (draftId) void invoke('pages.discardDraft', { draftId }).catch(() => {});
}

/** The next applicant: every open intake's scans are discarded (they belonged to the one before). */
export function discardOpenDrafts(): void {
  const keys = Object.keys(localStorage).filter((k) => k.startsWith(PREFIX));
  for (const k of keys) {
    const draftId = localStorage.getItem(k);
    localStorage.removeItem(k);
    if (draftId) void invoke('pages.discardDraft', { draftId }).catch(() => {});
  }
}

/** A draft for pages taken after the decision (a 补正, a page added later). */
export const supplementDraftId = (caseId: string): string => `${caseId}-s-${newDraftId().slice(0, 8)}`;
