/**
 * Answers for requests that fail below the router (Node's HTTP parser and its timeouts): broken
 * framing, oversized request heads, requests that arrive too slowly. Node would answer them with a
 * bare status line and Fastify with a body of its own shape; an OBP client gets the OBP error shape
 * here too, and the connection is closed since its framing can no longer be trusted.
 */
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { obpError, type ObpError } from '../errors/obp-error.js';

export interface ClientErrorLimits {
  requestTimeoutMs: number;
  maxHeaderBytes: number;
}

function errorFor(code: string | undefined, limits: ClientErrorLimits): { status: number; error: ObpError } {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    const seconds = limits.requestTimeoutMs / 1000;
    return { status: 408, error: obpError('OBP-01000', `The request was not received in full within ${seconds} seconds.`, 408) };
  }
  if (code === 'HPE_HEADER_OVERFLOW') {
    return { status: 431, error: obpError('OBP-10017', `The URL and headers exceed ${limits.maxHeaderBytes} bytes.`, 431) };
  }
  if (code !== undefined && /CONTENT_LENGTH|CHUNK|TRANSFER_ENCODING|BODY/.test(code)) {
    return {
      status: 400,
      error: obpError('OBP-10001', ' The request body is not framed correctly (Content-Length or chunked encoding).'),
    };
  }
  return { status: 400, error: obpError('OBP-10017', 'The request is not well-formed HTTP.') };
}

export function clientErrorHandler(limits: ClientErrorLimits) {
  return (err: Error & { code?: string }, socket: Socket): void => {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    // Once part of an answer has gone out on this connection, nothing more can be said on it.
    const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (!socket.writable || inFlight?.headersSent) {
      socket.destroy(err);
      return;
    }
    const { status, error } = errorFor(err.code, limits);
    const body = JSON.stringify({ code: status, message: error.message });
    socket.end(
      [
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Access-Control-Allow-Origin: *',
        `Correlation-Id: ${randomUUID()}`,
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
    // a peer that never reads must not keep the socket open
    setTimeout(() => socket.destroy(), 5_000).unref();
  };
}
