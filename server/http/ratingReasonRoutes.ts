// 评价原因清单 (admins): read the list in force, save a new one (published with the catalogue).
import { RatingReasonsResponse, SetRatingReasonsRequest } from '../../shared/sync/ratingReasons';
import { ratingReasons, setRatingReasons } from '../backoffice/ratingReasons';
import { actorOf } from '../staff/sessions';
import type { RouteDef, RouteDeps } from './routes';

const ADMIN_ONLY = '只有中心管理员可以维护评价原因清单';

export function ratingReasonRoutes(deps: RouteDeps): RouteDef[] {
  const B = '/backoffice/api';
  return [
    {
      method: 'GET', url: `${B}/rating-reasons`, tag: 'backoffice', auth: 'staff', roles: ['admin'], forbidden: ADMIN_ONLY,
      summary: '好差评的评价原因清单（好评、中评、差评各自的编码原因；未设置时为全国通用清单）', response: RatingReasonsResponse, errors: [403, 404],
      handler: async () => ratingReasons(deps.catalogue),
    },
    {
      method: 'POST', url: `${B}/rating-reasons`, tag: 'backoffice', auth: 'staff', roles: ['admin'], forbidden: ADMIN_ONLY,
      summary: '保存评价原因清单：随事项目录发布新版本，各窗口下次同步目录时收到（reasons 为 null 时恢复全国通用清单）',
      body: SetRatingReasonsRequest, response: RatingReasonsResponse, errors: [400, 403, 404, 409],
      handler: async (c) => setRatingReasons(deps.db, actorOf(c.staff.session, c.from), c.body as SetRatingReasonsRequest, deps.clock()),
    },
  ];
}
