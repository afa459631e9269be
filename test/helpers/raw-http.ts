/**
 * HTTP at the byte level, for what fetch cannot send: broken framing, stalled or trickled bodies,
 * over-long heads. Each step is bytes to write or a pause; the first complete answer is parsed.
 */
import { connect } from 'node:net';

export type Step = string | Buffer | { pauseMs: number };

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: any;
  text: string;
  /** ms from connecting to the complete answer */
  elapsedMs: number;
  /** the server closed the connection after answering */
  closed: boolean;
}

function parse(raw: string): Omit<RawAnswer, 'elapsedMs' | 'closed'> | undefined {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine, ...lines] = raw.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  const rest = Buffer.from(raw.slice(end + 4), 'latin1');
  if (rest.length < length) return undefined;
  const text = rest.subarray(0, length).toString('utf8');
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: Number(statusLine!.split(' ')[1]), headers, body, text };
}

/** Sends `steps` to `url`'s host; resolves with the first answer, or rejects after `timeoutMs`. */
export function rawExchange(url: string, steps: Step[], timeoutMs = 15_000): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const socket = connect(Number(port), hostname);
    let received = '';
    let answer: Omit<RawAnswer, 'elapsedMs' | 'closed'> | undefined;
    let answeredAt = 0;
    let stopped = false;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms; received: ${received.slice(0, 300)}`));
    }, timeoutMs);
    const finish = (closed: boolean) => {
      if (stopped || !answer) return;
      stopped = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...answer, elapsedMs: answeredAt - t0, closed });
    };
    socket.on('data', (d: Buffer) => {
      received += d.toString('latin1');
      if (!answer) {
        answer = parse(received);
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
