// Errors with an HTTP status, a stable code from the protocol and a Chinese message.
import type { ApiError, ApiErrorCode } from '../../shared/sync/protocol';
import type { ErrorDetail } from '../../shared/errors';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: { details?: ErrorDetail[]; expectedSeq?: number; retryAfter?: number; held?: number } = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
  toBody(): ApiError {
    const { details, expectedSeq, held } = this.extra;
    return { code: this.code, message: this.message, ...(details ? { details } : {}), ...(expectedSeq !== undefined ? { expectedSeq } : {}), ...(held !== undefined ? { held } : {}) };
  }
}
