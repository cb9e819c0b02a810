// Errors cross every boundary (IPC, preview HTTP, server API) as typed values: a machine
// code for programs and tests, a Chinese message for the clerk. Never a bare exception text.
import { z } from 'zod';
import './zodLocale';

export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'unauthenticated',
  'forbidden',
  'conflict',
  'precondition_failed',
  'catalogue_invalid',
  'storage_full',
  'internal',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorDetail = z.object({
  path: z.string(),
  message: z.string(),
  /** Set when the error is inside one catalogue item or scenario, for tables of errors. */
  itemCode: z.string().optional(),
  field: z.string().optional(),
});
export type ErrorDetail = z.infer<typeof ErrorDetail>;

export const AppErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.array(ErrorDetail).optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorShape>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorDetail[];
  constructor(code: ErrorCode, message: string, details?: ErrorDetail[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toShape(): AppErrorShape {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

/** What every contract call returns over the wire. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** Turns zod issues into located details: "items[3].materials[0].form: …". */
export function zodDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(根)',
    message: issue.message,
  }));
}

export function toErrorShape(err: unknown): AppErrorShape {
  if (err instanceof AppError) return err.toShape();
  if (err instanceof z.ZodError) return { code: 'invalid_input', message: '输入内容不符合要求', details: zodDetails(err) };
  const errno = (err as { code?: string } | null)?.code;
  if (errno === 'SQLITE_FULL' || errno === 'ENOSPC') {
    return { code: 'storage_full', message: '磁盘空间已满，本次操作未保存，已保存的数据不受影响。请联系管理员清理磁盘。' };
  }
  return { code: 'internal', message: '系统内部错误，本次操作未完成，已保存的数据不受影响。' };
}
