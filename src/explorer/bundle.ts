/**
 * The page's script and style sheet, bundled by esbuild from src/explorer/page/ on the first request and
 * kept in memory, so neither `npm start` nor the tests need a build step.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface Asset {
  body: string;
  etag: string;
}

export interface ExplorerAssets {
  script: Asset;
  style: Asset;
}

/**
 * The page sources sit next to this file when it runs from src/ (tsx); the server bundled by
 * scripts/start.mjs runs from dist/obp-ts.mjs, and `npm run build` puts this file in dist/explorer/.
 */
function pageDirectory(): string {
  const candidates = ['./page/', '../src/explorer/page/', '../../src/explorer/page/'].map((relative) =>
    fileURLToPath(new URL(relative, import.meta.url)),
  );
  const found = candidates.find((dir) => existsSync(`${dir}main.ts`));
  if (!found) throw new Error(`API Explorer sources not found in ${candidates.join(' or ')}`);
  return found;
}

function asset(body: string): Asset {
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

async function bundle(): Promise<ExplorerAssets> {
  const dir = pageDirectory();
  const result = await build({
    entryPoints: [`${dir}main.ts`, `${dir}explorer.css`],
    bundle: true,
    format: 'iife',
    target: ['chrome110', 'firefox110', 'safari16'],
    minify: true,
    legalComments: 'none',
    write: false,
    outdir: '/explorer',
    logLevel: 'silent',
  });
  const text = (ending: string) => result.outputFiles.find((file) => file.path.endsWith(ending))!.text;
  return { script: asset(text('.js')), style: asset(text('.css')) };
}

let pending: Promise<ExplorerAssets> | undefined;

/** One bundle per process; a failed build is retried by the next request. */
export function explorerAssets(): Promise<ExplorerAssets> {
  pending ??= bundle().catch((err: unknown) => {
    pending = undefined;
    throw err;
  });
  return pending;
}
