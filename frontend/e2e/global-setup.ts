import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const FRONTEND_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BACKEND_DIR = resolve(FRONTEND_DIR, '../backend');
const RELOOP_BIN = join(BACKEND_DIR, '.venv/bin/reloop');
const READY_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 20_000;
const OUTPUT_LIMIT = 64 * 1024;

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('could not get a free port'));
      });
    });
  });
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Resolves true once the process has exited, or false if it is still running after `ms`. */
function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolveExit) => {
    const onExit = () => {
      clearTimeout(timer);
      resolveExit(true);
    };
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolveExit(false);
    }, ms);
    child.once('exit', onExit);
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return;
  child.kill('SIGTERM');
  if (await waitForExit(child, STOP_GRACE_MS)) return;
  child.kill('SIGKILL');
  await waitForExit(child, STOP_GRACE_MS);
}

async function isReady(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(5_000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

async function waitUntilReady(child: ChildProcess, baseUrl: string, output: () => string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (hasExited(child)) {
      const how = child.exitCode ?? child.signalCode ?? 'unknown';
      throw new Error(`reloop run exited (${String(how)}) before it was ready:\n${output()}`);
    }
    if (await isReady(baseUrl)) return;
    await waitForExit(child, 500);
  }
  throw new Error(`reloop run was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${output()}`);
}

/**
 * Starts the real backend for the e2e run, serving the built SPA from `dist/`, and returns
 * the teardown that stops it. Skipped when RELOOP_E2E_BASE_URL names a server already.
 */
export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.RELOOP_E2E_BASE_URL) return undefined;

  if (!existsSync(RELOOP_BIN)) {
    throw new Error(`${RELOOP_BIN} not found: install the backend first (make install)`);
  }
  const distDir = join(FRONTEND_DIR, 'dist');
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error('frontend/dist is missing: run `npm run build` before `npm run e2e`');
  }

  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'reloop-e2e-'));
  const child = spawn(RELOOP_BIN, ['run'], {
    cwd: BACKEND_DIR,
    env: {
      ...process.env,
      RELOOP_FRONTEND_DIST: process.env.RELOOP_FRONTEND_DIST ?? distDir,
      RELOOP_PORT: String(port),
      RELOOP_DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  // Keep the tail of the output so a failed start can say why.
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_LIMIT);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  const teardown = async () => {
    await stop(child);
    await rm(dataDir, { recursive: true, force: true });
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(child, baseUrl, () => output);
  } catch (error) {
    await teardown();
    throw error;
  }
  process.env.RELOOP_E2E_BASE_URL = baseUrl;
  return teardown;
}
