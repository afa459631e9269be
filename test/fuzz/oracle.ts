/**
 * What every fuzz answer must look like. Errors are OBP-shaped: exactly `{"code": <HTTP status>,
 * "message": …}` where the message is "OBP-" + 5 digits + ": …" or starts with one of the plain texts
 * the endpoint declares (OBP appends detail to some of them, e.g. the failing sandbox import rule).
 */
import type { Endpoint } from '../../src/api/endpoint.js';
import type { RawResponse } from '../helpers/raw-http.js';

const obpMessage = /^OBP-\d{5}: /;

export function plainTexts(endpoint: Endpoint | undefined): string[] {
  return (endpoint?.errors ?? []).filter((e) => !/^OBP-\d{5}$/.test(e));
}

/** Why `answer` is not an OBP error body, or undefined when it is one. */
export function obpShapeProblem(answer: RawResponse, plain: readonly string[]): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return 'body is not JSON';
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'body is not a JSON object';
  const keys = Object.keys(body).sort().join(',');
  if (keys !== 'code,message') return `body has the members ${keys}, not code and message`;
  const { code, message } = body as { code: unknown; message: unknown };
  if (code !== answer.status) return `code ${JSON.stringify(code)} differs from the HTTP status ${answer.status}`;
  if (typeof message !== 'string') return 'message is not a string';
  if (!obpMessage.test(message) && !plain.some((t) => message.startsWith(t))) {
    return 'message is neither "OBP-nnnnn: …" nor a plain text the endpoint declares';
  }
  return undefined;
}

/** Invalid bodies: a 4xx OBP error and nothing else. */
export function bodyAnswerProblem(answer: RawResponse, plain: readonly string[]): string | undefined {
  if (answer.status >= 500) return `server error ${answer.status}`;
  if (answer.status < 400) return `accepted with ${answer.status}`;
  return obpShapeProblem(answer, plain);
}

/** Hostile URLs: anything but a server error, and errors OBP-shaped. */
export function urlAnswerProblem(answer: RawResponse, plain: readonly string[]): string | undefined {
  if (answer.status >= 500) return `server error ${answer.status}`;
  if (answer.status < 400) return undefined;
  return obpShapeProblem(answer, plain);
}
