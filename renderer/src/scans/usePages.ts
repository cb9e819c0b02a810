// The pages of a draft (or a case), grouped by material, reloaded after every change.
import { useCallback, useEffect, useState } from 'react';
import { invoke } from '../api';
import type { PageView } from '../../../shared/scans/api';

export function usePages(of: { draftId: string } | { caseId: string } | null) {
  const [pages, setPages] = useState<PageView[]>([]);
  const key = of ? ('draftId' in of ? `d:${of.draftId}` : `c:${of.caseId}`) : null;
  const reload = useCallback(() => {
    if (!of) return;
    invoke('pages.list', of).then((r) => setPages(r.pages), () => {});
  }, [key]);
  useEffect(reload, [reload]);
  const byMaterial = (materialId: string) => pages.filter((p) => p.materialId === materialId);
  return { pages, byMaterial, reload };
}
