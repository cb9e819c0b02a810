import { AppError } from '../../../shared/errors';
import { parseCatalogueJson } from '../../../shared/catalogue/validate';
import { catalogueDiff } from '../../../shared/catalogue/diff';
import { parseSynonymLines, searchWithSynonyms } from '../../../shared/search/synonyms';
import { localSynonyms, saveLocalSynonyms, synonymsFor } from '../synonyms';
import { tx } from '../../store/db';
import { audit } from '../../store/audit';
import { catalogueMeta, catalogueSynonyms, exportCatalogue, getItem, listDepartments, replaceCatalogue } from '../../store/catalogue';
import type { Workstation } from '../workstation';
import type { HandlerTable } from '../dispatch';

type CatalogueChannels = 'catalogue.search' | 'catalogue.synonyms' | 'catalogue.setSynonyms' | 'catalogue.item' | 'catalogue.export' | 'catalogue.previewImport' | 'catalogue.import';

/** A file that does not validate is refused whole, every error located (same for preview and import). */
function parsedOrThrow(json: string) {
  const result = parseCatalogueJson(json);
  if (!result.ok) {
    throw new AppError(
      'catalogue_invalid',
      `目录文件有 ${result.errors.length} 处错误，未导入，当前目录保持不变。`,
      result.errors.map((e) => ({ path: e.itemCode ? `事项 ${e.itemCode} · ${e.field}` : e.field, message: e.reason, itemCode: e.itemCode, field: e.field })),
    );
  }
  return result.catalogue;
}

type CatalogueDeps = Pick<Workstation, 'db' | 'session' | 'searchIndex' | 'usage' | 'subCenters' | 'office' | 'catalogueChanged'>;

export function catalogueHandlers(ws: CatalogueDeps): Pick<HandlerTable, CatalogueChannels> {
  return {
    'catalogue.search': ({ query, limit }) => ({
      hits: searchWithSynonyms(ws.searchIndex(), query, synonymsFor(ws), { limit, usage: ws.usage() }),
    }),
    'catalogue.synonyms': () => ({ catalogue: catalogueSynonyms(ws.db), local: localSynonyms(ws) }),
    'catalogue.setSynonyms': ({ text }) => {
      const parsed = parseSynonymLines(text);
      if (!parsed.ok) throw new AppError('invalid_input', `同义词有 ${parsed.errors.length} 处错误，未保存`, parsed.errors.map((message) => ({ path: '同义词', message })));
      tx(ws.db, () => {
        saveLocalSynonyms(ws, parsed.synonyms);
        audit(ws.db, 'catalogue.setSynonyms', ws.session.clerk?.staffNo ?? null, { count: parsed.synonyms.length });
      });
      return { catalogue: catalogueSynonyms(ws.db), local: localSynonyms(ws) };
    },
    'catalogue.item': ({ code }) => {
      const item = getItem(ws.db, code);
      if (!item) throw new AppError('not_found', `事项 ${code} 不在本机目录中`);
      const department = listDepartments(ws.db).find((d) => d.code === item.departmentCode) ?? { code: item.departmentCode, name: item.departmentCode };
      const subCenter = item.subCenterCode ? (ws.subCenters().find((s) => s.code === item.subCenterCode) ?? null) : null;
      return { item, department, subCenter, handledHere: item.levels.includes(ws.office().level) };
    },
    'catalogue.export': () => ({ json: JSON.stringify(exportCatalogue(ws.db), null, 2) }),
    'catalogue.previewImport': ({ json }) => catalogueDiff(catalogueMeta(ws.db) ? exportCatalogue(ws.db) : null, parsedOrThrow(json)),
    'catalogue.import': ({ json }) => {
      const catalogue = parsedOrThrow(json);
      replaceCatalogue(ws.db, catalogue);
      ws.catalogueChanged();
      audit(ws.db, 'catalogue.import', ws.session.clerk?.staffNo ?? null, { version: catalogue.version });
      return { version: catalogue.version, itemCount: catalogue.items.length };
    },
  };
}
