/**
 * The process logger (pino): JSON lines for machines, or one readable line per entry when stdout is a
 * terminal (pino-pretty, loaded only then). Calls get one compact line each at `info` — method, path,
 * status, milliseconds — so OBP_LOG_LEVEL=warn (benchmarks, tests) costs nothing per call.
 */
import { once } from 'node:events';
import { createRequire } from 'node:module';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { pino } from 'pino';
import type { LogLevel } from '../config.js';

export type Logger = FastifyBaseLogger;

/** Asynchronous destinations of the loggers made here: a start banner waits until they wrote everything. */
const destinations = new WeakMap<Logger, ReturnType<typeof pino.destination>>();

export function createLogger(level: LogLevel, out: NodeJS.WriteStream & { fd: number } = process.stdout): Logger {
  if (!out.isTTY) {
    const destination = pino.destination({ dest: out.fd, sync: false });
    const logger = pino({ level }, destination);
    destinations.set(logger, destination);
    return logger;
  }
  const { build } = createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty');
  return pino(
    { level },
    build({
      destination: out.fd,
      sync: true,
      colorize: true,
      translateTime: 'SYS:HH:MM:ss',
      // the call line says it all; errors keep their details
      ignore: 'pid,hostname,reqId,method,path,status,ms',
    }),
  );
}

/**
 * Resolves once the logger has written every line logged so far, so that what is printed next (the
 * start banner) comes after them. SonicBoom's own flush() does not wait for a write under way.
 */
export async function flushLogger(log: Logger): Promise<void> {
  const destination = destinations.get(log);
  if (destination && (destination as unknown as { _writing?: boolean })._writing === true) {
    await once(destination, 'drain').catch(() => undefined);
  }
}

/** Whether calls are logged: at level info and below. */
export function logsCalls(log: Logger): boolean {
  const value = pino.levels.values[log.level];
  return value !== undefined && value <= pino.levels.values.info!;
}

/** One line per call: `GET /obp/v2.1.0/banks 200 1.3 ms`. */
export function logCall(request: FastifyRequest, reply: FastifyReply): void {
  const method = request.method;
  const query = request.url.indexOf('?');
  // the path only: query strings may carry what does not belong in a log
  const path = query < 0 ? request.url : request.url.slice(0, query);
  const status = reply.statusCode;
  const ms = Math.round(reply.elapsedTime * 10) / 10;
  request.log.info({ method, path, status, ms }, `${method} ${path} ${status} ${ms} ms`);
}
