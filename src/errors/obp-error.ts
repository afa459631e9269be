/**
 * The one error type every failure is expressed in. Its identity is the OBP code; status and message
 * come from the catalogue, and `detail` is appended where OBP appends it (role names, token, ...).
 */
import { errorCatalogue } from './catalogue-data.js';

export type ErrorCode = keyof typeof errorCatalogue;

export class ObpError extends Error {
  readonly code: ErrorCode | undefined;
  readonly status: number;
  /** sent with `status` whatever the endpoint's style: OBP answers it as a response, not as a failure */
  readonly keepsStatus: boolean;

  constructor(status: number, message: string, code?: ErrorCode, keepsStatus = false) {
    super(message);
    this.status = status;
    this.code = code;
    this.keepsStatus = keepsStatus;
  }
}

/** An error from the catalogue, optionally with OBP's appended detail and a call-site status. */
export function obpError(code: ErrorCode, detail = '', status?: number): ObpError {
  const entry = errorCatalogue[code];
  return new ObpError(status ?? entry.status, entry.message + detail, code);
}

/**
 * An error OBP sends from a handler's successful path with its own status (e.g. the 404 of a disabled
 * search proxy), so old-style endpoints do not turn it into 400.
 */
export function obpAnswer(code: ErrorCode, status: number): ObpError {
  return new ObpError(status, errorCatalogue[code].message, code, true);
}

/** OBP answers some failures with plain (non OBP-prefixed) texts; they are part of the contract too. */
export function plainError(status: number, message: string): ObpError {
  return new ObpError(status, message);
}

export function catalogueMessage(code: ErrorCode): string {
  return errorCatalogue[code].message;
}

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorCatalogue, code);
}

export interface ErrorBody {
  code: number;
  message: string;
}

/**
 * OBP's status rules applied at render time: OBP-20001 is always 401, missing roles always 403.
 * Old-style endpoints answer 400 for every other failure, including view access (OBP-20017) and a
 * locked user (OBP-20013),
 * so clients written against them keep working.
 */
export function renderStatus(error: ObpError, style: 'old' | 'new'): number {
  const m = error.message;
  if (m.includes('OBP-20001')) return 401;
  if (m.includes('OBP-20006')) return 403;
  if (error.keepsStatus) return error.status;
  // OBP's old-style endpoints answer a locked user's token with 400 (its DirectLoginTest asserts it).
  if (style === 'old') return error.status === 401 && !m.includes('OBP-20013') ? 401 : error.status < 500 ? 400 : error.status;
  if (m.includes('OBP-20017') || m.includes('OBP-20101') || m.includes('OBP-20023')) return 403;
  if (m.includes('OBP-01000')) return 408;
  return error.status;
}
