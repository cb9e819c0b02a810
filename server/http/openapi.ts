// OpenAPI 3.1 document generated from the route table's zod schemas (JSON Schema 2020-12
// is OpenAPI 3.1's dialect, so z.toJSONSchema output is used as is).
import { z } from 'zod';
import { ApiError, MAX_BODY_BYTES, PROTOCOL_VERSION } from '../../shared/sync/protocol';
import type { RouteDef } from './routes';
import { SESSION_COOKIE } from '../../shared/sync/staff';

function schema(s: z.ZodType, io: 'input' | 'output') {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function parameters(s: z.ZodType | undefined, where: 'query' | 'path') {
  if (!s) return [];
  const json = schema(s, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, sch]) => ({
    name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: sch,
  }));
}

const ERROR_TEXT: Record<number, string> = {
  400: '请求格式错误（code: invalid_input / malformed_json / empty_body / bad_encoding）',
  401: '未认证：设备令牌缺失、无效或设备已停用（token_missing / token_invalid / device_revoked / enrol_code_invalid），或后台未登录、登录超时、工号或密码错误（unauthenticated / session_expired / bad_credentials）',
  403: '无权访问（device_mismatch / forbidden / csrf_invalid / host_invalid / origin_invalid / password_change_required）',
  423: '连续多次密码错误，账号已暂时锁定（account_locked，附 Retry-After）',
  404: '不存在（not_found / no_catalogue）',
  409: '冲突（seq_gap 附 expectedSeq / enrol_code_used / conflict / claimed_by_other / claim_required）',
  410: '登记码已过期（enrol_code_expired）',
  413: `请求体超过 ${MAX_BODY_BYTES / 1024 / 1024} MB（body_too_large，按解压后大小计）`,
  415: '仅接受 application/json，压缩仅支持 gzip（unsupported_media_type）',
  429: '请求过于频繁（rate_limited），按 Retry-After 秒数后重试',
  500: '服务器内部错误（internal），本次请求未写入任何数据',
};

export function openApiDocument(routes: RouteDef[], extra: Array<{ method: string; url: string; summary: string; contentType?: string }>) {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorRef = { content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } } };
  for (const r of routes) {
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    const statuses = [...new Set([400, ...(r.auth === 'none' ? [] : [401]), ...(r.auth === 'none' ? [] : [403]), 429, 500, ...(r.errors ?? [])])].sort();
    const responses: Record<string, unknown> = {
      200: { description: 'OK', content: { 'application/json': { schema: schema(r.response, 'output') } } },
    };
    for (const st of statuses) responses[st] = { description: ERROR_TEXT[st] ?? '错误', ...errorRef };
    const body = r.docBody ?? r.body;
    (paths[path] ??= {})[r.method.toLowerCase()] = {
      summary: r.summary,
      tags: [r.tag],
      security: r.auth === 'device' ? [{ deviceToken: [] }] : r.auth === 'staff' ? [{ staffSession: [] }] : [],
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: schema(body, 'input') } } } } : {}),
      responses,
    };
  }
  for (const e of extra) {
    (paths[e.url] ??= {})[e.method.toLowerCase()] = {
      summary: e.summary, tags: ['meta'], security: [],
      responses: { 200: { description: 'OK', content: { [e.contentType ?? 'application/json']: { schema: e.contentType ? { type: 'string' } : { type: 'object' } } } } },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '一窗 中心服务器 API',
      version: String(PROTOCOL_VERSION),
      description:
        '窗口设备同步协议（/sync/v1）与后台审批接口（/backoffice/api）。请求体可用 Content-Encoding: gzip 压缩；' +
        '发送 Accept-Encoding: gzip 时响应被压缩。所有错误返回 { code, message }。Host 须为本服务器的地址；写请求如带 Origin 须为本站。',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    components: {
      securitySchemes: {
        deviceToken: { type: 'http', scheme: 'bearer', description: '登记时获得的设备令牌' },
        staffSession: {
          type: 'apiKey', in: 'cookie', name: SESSION_COOKIE,
          description: '后台工作人员登录（POST /backoffice/api/session）后的会话 Cookie（HttpOnly，SameSite=Strict）；所有写请求还须带本会话的 X-CSRF-Token 和本站 Origin',
        },
      },
      schemas: { ApiError: schema(ApiError, 'output') },
    },
    paths,
  };
}
