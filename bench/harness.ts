/**
 * What every benchmark case shares: servers started in their own processes exactly as `npm start`
 * starts them, the load generator (autocannon) and the printed rows.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';

export const seconds = Number(process.env.BENCH_SECONDS ?? 5);
// Cases are interleaved round by round and ratios taken per round: a noisy neighbour then hits
// the baseline and the server alike.
export const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
export const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
export const root = join(import.meta.dirname, '..');

export interface Started {
  child: ChildProcess;
  url: string;
  startedInMs: number;
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return performance.now() - t0;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timeout waiting for ${url}`);
}

/** `args` as given to node: the server is started exactly as `npm start` does it */
export async function start(args: string[], port: number, env: Record<string, string>, readyPath: string): Promise<Started> {
  const t0 = performance.now();
  // BENCH_PROFILE=<dir>: each server writes a V8 CPU profile there when it stops
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, ...args], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', OBP_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(url + readyPath, child);
  return { child, url, startedInMs: performance.now() - t0 };
}

export function stop(s: Started): Promise<void> {
  return new Promise((resolve) => {
    s.child.once('exit', () => resolve());
    s.child.kill('SIGTERM');
  });
}

export interface Result {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

export interface Case {
  name: string;
  url: string;
  headers: Record<string, string>;
  /** concurrent connections; `connections` unless given */
  connections?: number;
}

export async function load(c: Case, duration = seconds): Promise<Result> {
  const r = await autocannon({ url: c.url, connections: c.connections ?? connections, duration, headers: c.headers });
  return { name: c.name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx + r.errors };
}

export function row(r: Result, baseline?: Result): string {
  const ratio = baseline ? `  ratio ${(r.rps / baseline.rps).toFixed(2)}` : '';
  return `${r.name.padEnd(52)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${String(r.p50).padStart(3)} ms  p99 ${String(r.p99).padStart(4)} ms${r.non2xx ? `  (${r.non2xx} non-2xx!)` : ''}${ratio}`;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** prints one goal line; true if met */
export function goal(label: string, value: number, target: number, kind: 'min' | 'max', unit = ''): boolean {
  const ok = kind === 'min' ? value >= target : value <= target;
  const shown = unit === ' ms' ? value.toFixed(0) : value.toFixed(2);
  console.log(`${label}: ${shown}${unit}  (goal ${kind === 'min' ? '>=' : '<='} ${target}${unit}) ${ok ? 'met' : 'NOT MET'}`);
  return ok;
}

/** a DirectLogin token of `username` through the demo consumer */
export async function loginToken(server: Started, username: string, password: string, consumerKey: string): Promise<string> {
  const login = await fetch(`${server.url}/my/logins/direct`, {
    method: 'POST',
    headers: { DirectLogin: `username="${username}", password="${password}", consumer_key="${consumerKey}"` },
  });
  if (login.status !== 201) throw new Error(`login of ${username} failed: ${login.status} ${await login.text()}`);
  return ((await login.json()) as { token: string }).token;
}
