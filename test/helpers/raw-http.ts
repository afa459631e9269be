/**
 * HTTP/1.1 at the byte level, for what fetch would normalise or refuse: exact request targets (`..`,
 * bad percent-encoding), exact body bytes (duplicate JSON keys, invalid UTF-8), any Content-Type or
 * none (`rawRequest`, one connection per request), and broken framing, stalled or trickled bodies,
 * over-long heads (`rawExchange`, bytes and pauses in order).
 */
import { connect } from 'node:net';

export interface RawRequest {
  method: string;
  /** request target sent byte for byte (a string is sent as UTF-8) */
  target: string | Buffer;
  headers?: Record<string, string>;
  /** sent with its exact Content-Length; undefined sends no body and no Content-Length */
  body?: string | Buffer;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** the end of the response within the bytes received */
  end: number;
}

function decodeChunked(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

function parseResponse(raw: Buffer): RawResponse | undefined {
  const headEnd = raw.indexOf('\r\n\r\n');
  if (headEnd < 0) return undefined;
  const [statusLine = '', ...lines] = raw.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
  if (!Number.isInteger(status)) return undefined;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = raw.subarray(headEnd + 4);
  if (headers['transfer-encoding']?.toLowerCase().includes('chunked')) body = decodeChunked(body);
  else if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    if (body.length < length) return undefined;
    body = body.subarray(0, length);
  }
  return { status, headers, text: body.toString('utf8'), end: headEnd + 4 + body.length };
}

export function rawRequest(baseUrl: string, request: RawRequest, timeoutMs = 20_000): Promise<RawResponse> {
  const url = new URL(baseUrl);
  const body =
    request.body === undefined ? undefined : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body, 'utf8');
  const head: string[] = [`Host: ${url.host}`, 'Connection: close'];
  for (const [name, value] of Object.entries(request.headers ?? {})) head.push(`${name}: ${value}`);
  if (body !== undefined) head.push(`Content-Length: ${body.length}`);
  const target = Buffer.isBuffer(request.target) ? request.target : Buffer.from(request.target, 'utf8');
  const bytes = Buffer.concat([
    Buffer.from(`${request.method} `, 'latin1'),
    target,
    Buffer.from(` HTTP/1.1\r\n${head.join('\r\n')}\r\n\r\n`, 'latin1'),
    ...(body ? [body] : []),
  ]);

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      // The server may answer (413) and close before the whole body was written: the answer counts.
      const response = parseResponse(Buffer.concat(chunks));
      if (response) resolve(response);
      else reject(error ?? new Error(`no complete HTTP response (${Buffer.concat(chunks).length} bytes received)`));
    };
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    const timer = setTimeout(() => finish(new Error(`no response within ${timeoutMs} ms`)), timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => finish());
    socket.on('close', () => finish());
    socket.on('error', (error) => {
      // EPIPE/ECONNRESET after the server answered early: keep reading what arrived
      if (chunks.length > 0) finish();
      else setTimeout(() => finish(error), 50);
    });
    socket.write(bytes);
  });
}

/** Runs `task` over `items` with at most `limit` in flight, keeping the order of results. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export type Step = string | Buffer | { pauseMs: number };

export interface RawAnswer extends RawResponse {
  /** the text parsed as JSON, or the text itself */
  body: any;
  /** ms from connecting to the complete answer */
  elapsedMs: number;
  /** the server closed the connection after answering */
  closed: boolean;
}

/** Sends `steps` to `url`'s host; resolves with the first answer, or rejects after `timeoutMs`. */
export function rawExchange(url: string, steps: Step[], timeoutMs = 15_000): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    let answer: RawResponse | undefined;
    let answeredAt = 0;
    let stopped = false;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms; received: ${Buffer.concat(chunks).toString('latin1').slice(0, 300)}`));
    }, timeoutMs);
    const finish = (closed: boolean) => {
      if (stopped || !answer) return;
      stopped = true;
      clearTimeout(timer);
      socket.destroy();
      let body: unknown = answer.text;
      try {
        body = JSON.parse(answer.text);
      } catch {
        /* not JSON */
      }
      resolve({ ...answer, body, elapsedMs: answeredAt - t0, closed });
    };
    socket.on('data', (d: Buffer) => {
      chunks.push(d);
      if (!answer) {
        answer = parseResponse(Buffer.concat(chunks));
        if (answer) {
          answeredAt = performance.now();
          // wait briefly to see whether the server closes the connection after this answer
          setTimeout(() => finish(false), 300);
        }
      }
    });
    socket.on('close', () => finish(true));
    socket.on('error', () => {
      /* the server may close while we still write; the answer decides */
    });
    const send = async () => {
      for (const step of steps) {
        if (stopped || socket.destroyed) return;
        if (typeof step === 'object' && 'pauseMs' in step) await new Promise((r) => setTimeout(r, step.pauseMs));
        else socket.write(step);
      }
    };
    socket.on('connect', () => void send());
  });
}

/** A request head; `length` is the declared Content-Length (omitted when undefined). */
export function head(method: string, path: string, headers: Record<string, string | number> = {}): string {
  const lines = [`${method} ${path} HTTP/1.1`, 'Host: localhost'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return lines.join('\r\n') + '\r\n\r\n';
}
