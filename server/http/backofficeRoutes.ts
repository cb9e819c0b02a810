// The back office's routes for reviewers and heads: the session, the queues, one case and
// every review action. Each answers within the signed-in person's scope (server/staff/scope.ts).
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  CaseDetailResponse, CasePagesResponse, CaseListQuery, CaseListResponse, CatalogueItemQuery, CatalogueItemResponse, DirectoryResponse, type CaseSummary,
} from '../../shared/sync/backoffice';
import {
  AssignRequest, ClaimView, CorrectionRequest, Empty, ExtensionDecisionInput, ExtensionRequestInput, ExtensionRequestList, ExtensionRequestView,
  QueueCounts, SetStatusRequest, SuspendInput,
} from '../../shared/sync/review';
import { ChangePasswordRequest, SESSION_COOKIE, SessionResponse, SignInRequest, StaffAccount } from '../../shared/sync/staff';
import { StatusEvent } from '../../shared/sync/protocol';
import { chinaDay } from '../../shared/time';
import { caseDetail, listCases, queueCounts } from '../backoffice/cases';
import { assignCase, claimCase, releaseClaim } from '../backoffice/claims';
import { correct, decide, decideExtension, REQUEST_SELECT, requestExtension, requestView, resume, suspend } from '../backoffice/decisions';
import type { ReviewContext } from '../backoffice/reviewContext';
import { actorOf, changePassword, signIn, signOut, type SignedIn } from '../staff/sessions';
import { listStaff } from '../staff/accounts';
import { staffScope, caseNotFound } from '../staff/scope';
import { casePages, pageImage } from '../pages/review';
import { HttpError } from './errors';
import { attachment, directoryNames, queueWorkbook, XLSX_TYPE } from '../backoffice/statsExport';
import { QUEUE_LABEL } from '../../shared/sync/review';
import type { RouteContext, RouteDef, RouteDeps } from './routes';

const CaseIdParams = z.object({ caseId: z.uuid() });
const CasePageParams = z.object({ caseId: z.uuid(), pageId: z.string().min(1).max(64) });
const RequestIdParams = z.object({ requestId: z.uuid() });
const ItemCodeParams = z.object({ itemCode: z.string().min(1).max(40) });
const Ok = z.object({ ok: z.literal(true) });
/** A queue's export: the list's filters, without paging. */
const CaseExportQuery = CaseListQuery.omit({ order: true, after: true, before: true, limit: true });
export const QUEUE_EXPORT_LIMIT = 5000;
const CASE_WORK = ['reviewer', 'head'] as const;
const NO_CASES = '中心管理员账号不审批办件，请用审批人员或科室负责人账号登录';
const HEADS = ['head'] as const;

export const sessionReply = (s: SignedIn, idleMinutes: number): SessionResponse => ({ staff: s.staff, csrfToken: s.csrfToken, idleTimeoutSeconds: idleMinutes * 60 });

/** HttpOnly, SameSite=Strict, Secure when the request came over HTTPS (directly or by a trusted proxy); a browser-session cookie. */
function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https', path: '/backoffice/api' });
}

export function backofficeRoutes(deps: RouteDeps): RouteDef[] {
  const { db, catalogue } = deps;
  const B = '/backoffice/api';
  const review = (c: RouteContext): ReviewContext => ({
    db, catalogue, staff: c.staff.session.staff, scope: c.staff.scope, actor: actorOf(c.staff.session, c.from),
    today: chinaDay(deps.clock()), claimMinutes: deps.claimMinutes,
  });
  const caseRoute = (method: 'GET' | 'POST', path: string, summary: string, more: Partial<RouteDef> & Pick<RouteDef, 'response' | 'handler'>): RouteDef => ({
    method, url: `${B}/cases/:caseId${path}`, tag: 'backoffice', auth: 'staff', roles: CASE_WORK, forbidden: NO_CASES, summary, params: CaseIdParams,
    errors: [403, 404, 409], ...(method === 'POST' && !more.body ? { body: Empty } : {}), ...more,
  });
  return [
    {
      method: 'POST', url: `${B}/session`, tag: 'backoffice', auth: 'signIn', summary: '工作人员登录（工号和密码）：设置会话 Cookie，返回 CSRF 令牌',
      body: SignInRequest, response: SessionResponse, errors: [403, 423],
      handler: async ({ body, req, reply, from }) => {
        const { token, session } = await signIn(db, body, from, deps.session);
        setSessionCookie(req, reply, token);
        return sessionReply(session, deps.session.idleMinutes);
      },
    },
    {
      method: 'GET', url: `${B}/session`, tag: 'backoffice', auth: 'staff', beforePasswordChange: true, summary: '当前登录的工作人员和本会话的 CSRF 令牌',
      response: SessionResponse,
      handler: async ({ staff }) => sessionReply(staff.session, deps.session.idleMinutes),
    },
    {
      method: 'POST', url: `${B}/session/sign-out`, tag: 'backoffice', auth: 'staff', beforePasswordChange: true, summary: '退出登录',
      body: Empty, response: Ok, errors: [403],
      handler: async ({ staff, from, reply }) => {
        await signOut(db, staff.session, from);
        reply.clearCookie(SESSION_COOKIE, { path: '/backoffice/api' });
        return { ok: true };
      },
    },
    {
      method: 'POST', url: `${B}/session/password`, tag: 'backoffice', auth: 'staff', beforePasswordChange: true, summary: '修改本人密码（其他会话随即失效）',
      body: ChangePasswordRequest, response: Ok, errors: [403],
      handler: async ({ staff, body, from }) => {
        await changePassword(db, staff.session, body, from);
        return { ok: true };
      },
    },
    {
      method: 'GET', url: `${B}/directory`, tag: 'backoffice', auth: 'staff', summary: '本人可见的中心和部门（审批人员：本人负责的；管理员：全部）',
      response: DirectoryResponse, errors: [403],
      handler: async ({ staff }) => {
        const [{ rows }, latest] = await Promise.all([db.query<{ code: string; name: string }>('SELECT code, name FROM offices ORDER BY code'), catalogue.latest()]);
        const admin = staff.session.staff.role === 'admin';
        const departments = latest?.departments ?? [];
        return {
          offices: admin ? rows : rows.filter((o) => staff.scope.officeCodes.includes(o.code)),
          departments: admin ? departments : departments.filter((d) => staff.scope.hasDepartment(d.code)),
          catalogueVersion: latest?.version ?? null,
        };
      },
    },
    {
      method: 'GET', url: `${B}/queues`, tag: 'backoffice', auth: 'staff', roles: CASE_WORK, forbidden: NO_CASES, summary: '各队列的办件数：待认领、我的、需补正、即将超时、已超时',
      response: QueueCounts, errors: [403],
      handler: (c) => queueCounts(review(c)),
    },
    {
      method: 'GET', url: `${B}/cases`, tag: 'backoffice', auth: 'staff', roles: CASE_WORK, forbidden: NO_CASES,
      summary: '本人负责范围内的办件（按队列 queue 及中心、部门、状态筛选，按服务器顺序分页）',
      query: CaseListQuery, response: CaseListResponse, errors: [403],
      handler: async (c) => {
        const [page, nameOf] = await Promise.all([listCases(review(c), c.query), catalogue.itemNameLookup()]);
        return { ...page, cases: page.cases.map((x) => ({ ...x, itemName: nameOf(x.itemCode) })) };
      },
    },
    {
      method: 'GET', url: `${B}/cases.xlsx`, tag: 'backoffice', auth: 'staff', roles: CASE_WORK, forbidden: NO_CASES,
      summary: `队列导出为 Excel（.xlsx）：筛选同列表，最新的在前，最多 ${QUEUE_EXPORT_LIMIT} 件（超出时表末注明，响应头 x-export-truncated 给出上限）`,
      query: CaseExportQuery, response: z.string(), errors: [403],
      handler: async (c) => {
        const q = c.query as z.infer<typeof CaseExportQuery>;
        const [nameOf, dir] = await Promise.all([catalogue.itemNameLookup(), directoryNames(db, catalogue)]);
        const limit = deps.queueExportLimit ?? QUEUE_EXPORT_LIMIT;
        const cases: CaseSummary[] = [];
        let before: number | undefined;
        let more = false;
        // The list's own query, page after page, so the workbook holds exactly what the queue lists.
        for (;;) {
          const page = await listCases(review(c), { ...q, order: 'desc', after: 0, before, limit: 200 });
          cases.push(...page.cases.map((x) => ({ ...x, itemName: nameOf(x.itemCode) })));
          if (cases.length > limit || (cases.length === limit && page.hasMore)) {
            more = true;
            break;
          }
          if (!page.hasMore) break;
          before = page.nextCursor;
        }
        const today = chinaDay(deps.clock());
        // Never a silent cut: the workbook ends with a line saying the queue held more.
        const body = await queueWorkbook(QUEUE_LABEL[q.queue], cases.slice(0, limit), dir, more ? limit : undefined);
        return c.reply.type(XLSX_TYPE).header('x-export-truncated', more ? String(limit) : '0').header('content-disposition', attachment(`cases-${q.queue}-${today}.xlsx`, `${QUEUE_LABEL[q.queue]}-${today}.xlsx`)).send(body);
      },
    },
    {
      method: 'GET', url: `${B}/catalogue/items/:itemCode`, tag: 'backoffice', auth: 'staff', roles: CASE_WORK, forbidden: NO_CASES,
      summary: '本人负责部门的事项（按办件受理时的目录版本，无该版本时用最新版本），用于显示材料名称',
      params: ItemCodeParams, query: CatalogueItemQuery, response: CatalogueItemResponse, errors: [403, 404],
      handler: async ({ params, query, staff }) => {
        const hit = await catalogue.item(params.itemCode, query.version);
        // Another department's item answers like an unknown one.
        if (!hit || !staff.scope.hasDepartment(hit.item.departmentCode)) throw new HttpError(404, 'not_found', `事项目录中没有事项 ${params.itemCode}`);
        return { item: hit.item, department: hit.doc.departments.find((d) => d.code === hit.item.departmentCode) ?? null, version: hit.doc.version, exactVersion: hit.exactVersion };
      },
    },
    caseRoute('GET', '', '办件详情（含申请人完整证件号和电话，每次查看记入审计日志）：窗口事件、审批记录、认领、时限和本人可办的操作', {
      response: CaseDetailResponse,
      handler: (c) => caseDetail(review(c), c.params.caseId),
    }),
    caseRoute('GET', '/pages', '办件的扫描件：每页所属材料、大小、是否已从窗口上传', {
      response: CasePagesResponse,
      handler: async (c) => ({ pages: await casePages(db, c.staff.scope, c.params.caseId) }),
    }),
    caseRoute('GET', '/pages/:pageId', '一页扫描件的图像（类型按内容识别；尚未上传的为 404）', {
      params: CasePageParams, response: z.unknown(),
      handler: async (c) => {
        const img = await pageImage(db, deps.blobs, c.staff.scope, c.params.caseId, c.params.pageId);
        // Private: a page of a case is for this signed-in person only.
        return c.reply.type(img.contentType).header('content-disposition', 'inline').header('cache-control', 'private, no-store').send(img.data);
      },
    }),
    caseRoute('POST', '/claim', '认领办件（认领后他人不能办理，到期自动释放）', { response: ClaimView, handler: (c) => claimCase(review(c), c.params.caseId) }),
    caseRoute('POST', '/release', '放弃认领', { response: Ok, handler: (c) => releaseClaim(review(c), c.params.caseId) }),
    caseRoute('POST', '/assign', '改派给本部门本中心的审批人员（科室负责人）', {
      roles: HEADS, forbidden: '只有科室负责人可以改派办件', body: AssignRequest, response: ClaimView, errors: [400, 403, 404, 409],
      handler: (c) => assignCase(review(c), c.params.caseId, c.body.staffNo),
    }),
    caseRoute('GET', '/assignees', '可改派的审批人员（科室负责人）', {
      roles: HEADS, forbidden: '只有科室负责人可以改派办件', response: z.object({ staff: z.array(StaffAccount) }),
      handler: async (c) => {
        const ctx = review(c);
        const params: unknown[] = [c.params.caseId];
        const row = (await db.query<{ department_code: string | null; office_code: string }>(`SELECT c.department_code, c.office_code FROM cases c WHERE c.id = $1 AND ${ctx.scope.where('c', params)}`, params)).rows[0];
        if (!row) throw caseNotFound();
        const all = await listStaff(db);
        return { staff: all.filter((s) => s.active && s.role !== 'admin' && staffScope(s).departmentCodes.includes(row.department_code ?? '') && s.officeCodes.includes(row.office_code)) };
      },
    }),
    caseRoute('POST', '/status', '审批：受理审查中 / 需补正 / 准予（附证照，须确认）/ 不予许可（附理由，须确认）/ 待取件；须先认领', {
      body: SetStatusRequest, response: StatusEvent, errors: [400, 403, 404, 409],
      handler: (c) => decide(review(c), c.params.caseId, c.body),
    }),
    caseRoute('POST', '/corrections', '更正已作出的最终决定（科室负责人，须写明更正理由）', {
      roles: HEADS, forbidden: '只有科室负责人可以更正已作出的决定', body: CorrectionRequest, response: StatusEvent, errors: [400, 403, 404, 409],
      handler: (c) => correct(review(c), c.params.caseId, c.body),
    }),
    caseRoute('POST', '/extension-requests', '申请延期（天数和理由，由科室负责人审批）', {
      body: ExtensionRequestInput, response: ExtensionRequestView, errors: [400, 403, 404, 409],
      handler: (c) => requestExtension(review(c), c.params.caseId, c.body),
    }),
    caseRoute('POST', '/suspend', '挂起（写明理由；办理时限暂停，累计不超过事项的挂起上限）', {
      body: SuspendInput, response: StatusEvent, errors: [400, 403, 404, 409],
      handler: (c) => suspend(review(c), c.params.caseId, c.body),
    }),
    caseRoute('POST', '/resume', '恢复办理（承诺办结日期按暂停的工作日顺延）', { response: StatusEvent, handler: (c) => resume(review(c), c.params.caseId) }),
    {
      method: 'GET', url: `${B}/extension-requests`, tag: 'backoffice', auth: 'staff', roles: HEADS, forbidden: '只有科室负责人可以审批延期申请',
      summary: '待审批的延期申请（本人负责范围内）', response: ExtensionRequestList, errors: [403],
      handler: async (c) => {
        const params: unknown[] = [];
        const { rows } = await db.query<Parameters<typeof requestView>[0]>(`${REQUEST_SELECT} WHERE x.decided_at IS NULL AND ${c.staff.scope.where('c', params)} ORDER BY x.requested_at`, params);
        return { requests: rows.map(requestView) };
      },
    },
    {
      method: 'POST', url: `${B}/extension-requests/:requestId/decision`, tag: 'backoffice', auth: 'staff', roles: HEADS, forbidden: '只有科室负责人可以审批延期申请',
      summary: '批准或不批准延期申请（批准后窗口可打印延长办理期限通知书）', params: RequestIdParams, body: ExtensionDecisionInput, response: ExtensionRequestView,
      errors: [403, 404, 409],
      handler: (c) => decideExtension(review(c), c.params.requestId, c.body),
    },
  ];
}
