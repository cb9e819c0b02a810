// The server's one JSON body parser. JSON.parse is iterative in V8, but JSON.stringify and
// most other code is not: a body is measured on its text (a scan, no recursion) first and one
// nested beyond MAX_BODY_NESTING is refused whole. Within that bound every request is cut down
// to MAX_NESTING by normalizeDeep before any schema or SQL sees it — per entry for a push, so a
// deep entry is refused alone (server/sync/push.ts).
import type { FastifyInstance } from 'fastify';
import { jsonNestingDepth } from '../../shared/text/normalize';
import { HttpError } from './errors';

/** Far beyond any document a window or a console writes (MAX_NESTING), well within what JSON.stringify survives. */
export const MAX_BODY_NESTING = 1000;

export function registerJsonBody(app: FastifyInstance) {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = body as string;
    if (text.trim() === '') return done(new HttpError(400, 'empty_body', '请求内容为空'), undefined);
    if (jsonNestingDepth(text, MAX_BODY_NESTING) > MAX_BODY_NESTING) {
      return done(new HttpError(400, 'invalid_input', `请求内容嵌套超过 ${MAX_BODY_NESTING} 层`), undefined);
    }
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new HttpError(400, 'malformed_json', '请求内容不是合法的 JSON'), undefined);
    }
  });
}
