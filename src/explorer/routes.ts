/**
 * The API Explorer at `/` and `/explorer`: a page generated in the browser from the server's own
 * resource docs (GET /obp/VERSION/resource-docs/VERSION/obp), so it shows exactly what the declarations
 * say and nothing about an endpoint is written here. Its assets come from this process only.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { securityHeaders } from '../http/pages/reply.js';
import { servedVersion, servedVersions } from '../http/route-table.js';
import { explorerAssets, type Asset } from './bundle.js';
import { pageHtml } from './page-html.js';

/** Scripts only from this origin (no inline script), no framing, nothing fetched from elsewhere. */
const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const pageHeaders = (reply: FastifyReply) => securityHeaders(reply, contentSecurityPolicy);

async function sendAsset(
  request: FastifyRequest,
  reply: FastifyReply,
  pick: (a: Awaited<ReturnType<typeof explorerAssets>>) => Asset,
  type: string,
) {
  const asset = pick(await explorerAssets());
  pageHeaders(reply).header('ETag', asset.etag).header('Cache-Control', 'no-cache');
  if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
  return reply.type(type).send(asset.body);
}

export function registerExplorer(fastify: FastifyInstance, config: Config): void {
  const explorer = config.apiExplorer;
  if (!explorer) return;
  // every version the route table mounts; the page switches between their resource docs
  const settings = { consumerKey: explorer.consumerKey, versions: [...servedVersions], version: servedVersion };
  let html: string | undefined;
  const page = async (_request: FastifyRequest, reply: FastifyReply) => {
    const { script, style } = await explorerAssets();
    html ??= pageHtml(settings, `${script.etag.slice(1, 9)}${style.etag.slice(1, 9)}`);
    return pageHeaders(reply).header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(html);
  };
  for (const url of ['/', '/explorer', '/explorer/']) fastify.get(url, page);
  fastify.get('/explorer/explorer.js', (request, reply) =>
    sendAsset(request, reply, (a) => a.script, 'text/javascript; charset=utf-8'),
  );
  fastify.get('/explorer/explorer.css', (request, reply) => sendAsset(request, reply, (a) => a.style, 'text/css; charset=utf-8'));
}
