// The server's one JSON body parser. Nesting is measured on the text (a scan, no recursion)
// before JSON.parse, so no recursive code — ours, zod's or PostgreSQL's — ever meets a
// pathologically deep document; the bound leaves room for an envelope around MAX_NESTING.
import type { FastifyInstance } from 'fastify';
import { jsonNestingDepth, MAX_NESTING } from '../../shared/text/normalize';
import { HttpError } from './errors';

/** The push envelope (body → batch → entry) adds three levels around an entry's own nesting. */
export const MAX_BODY_NESTING = MAX_NESTING + 4;

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
