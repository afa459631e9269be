/**
 * `npm start`: runs obp-ts from its TypeScript sources with no separate build step. esbuild bundles
 * src/ into one ES module (about a tenth of a second) which plain Node then runs in-process, so the
 * server carries no TypeScript loader thread (about 50 MB of memory) and starts fast.
 */
import { build, stop } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}dist`;
mkdirSync(outDir, { recursive: true });
// several processes may start at once: each writes its own file, then renames it into place atomically
const temporary = `${outDir}/.obp-ts-${process.pid}.mjs`;
const bundle = `${outDir}/obp-ts.mjs`;

// node:cluster workers run this file again: the primary has already bundled
if (!process.env.NODE_UNIQUE_ID) {
  await build({
    entryPoints: [`${root}src/main.ts`],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    // stack traces need the mappings only (the sources are on disk); the sources' text would be held in
    // memory with the map, about 9 MB of an idle server's resident size
    sourcesContent: false,
    outfile: temporary,
    logLevel: 'warning',
  });
  // esbuild keeps a service process for further builds; there are none
  await stop();
  renameSync(temporary, bundle);
}
// /root reports the commit it runs
if (!process.env.OBP_GIT_COMMIT) {
  try {
    process.env.OBP_GIT_COMMIT = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // not a git checkout: /root says "unknown"
  }
}
process.setSourceMapsEnabled(true);
await import(pathToFileURL(bundle).href);
