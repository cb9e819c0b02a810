import { AppError } from '../../../shared/errors';
import { parseCatalogueJson } from '../../../shared/catalogue/validate';
import { audit } from '../../store/audit';
import { exportCatalogue, getItem, listDepartments, replaceCatalogue } from '../../store/catalogue';
import type { Workstation } from '../workstation';
import type { HandlerTable } from '../dispatch';

type CatalogueChannels = 'catalogue.search' | 'catalogue.item' | 'catalogue.export' | 'catalogue.import';

export function catalogueHandlers(ws: Workstation): Pick<HandlerTable, CatalogueChannels> {
  return {
    'catalogue.search': ({ query, limit }) => ({
      hits: ws.searchIndex().search(query, { limit, usage: ws.usage() }),
    }),
    'catalogue.item': ({ code }) => {
      const item = getItem(ws.db, code);
      if (!item) throw new AppError('not_found', `事项 ${code} 不在本机目录中`);
      const department = listDepartments(ws.db).find((d) => d.code === item.departmentCode) ?? { code: item.departmentCode, name: item.departmentCode };
      const subCenter = item.subCenterCode ? (ws.subCenters().find((s) => s.code === item.subCenterCode) ?? null) : null;
      return { item, department, subCenter, handledHere: item.levels.includes(ws.office().level) };
    },
    'catalogue.export': () => ({ json: JSON.stringify(exportCatalogue(ws.db), null, 2) }),
    'catalogue.import': ({ json }) => {
      const result = parseCatalogueJson(json);
      if (!result.ok) {
        throw new AppError(
          'catalogue_invalid',
          `目录文件有 ${result.errors.length} 处错误，未导入，当前目录保持不变。`,
          result.errors.map((e) => ({ path: e.itemCode ? `事项 ${e.itemCode} · ${e.field}` : e.field, message: e.reason, itemCode: e.itemCode, field: e.field })),
        );
      }
      replaceCatalogue(ws.db, result.catalogue);
      ws.catalogueChanged();
      audit(ws.db, 'catalogue.import', ws.session.clerk?.staffNo ?? null, { version: result.catalogue.version });
      return { version: result.catalogue.version, itemCount: result.catalogue.items.length };
    },
  };
}
