// A fresh Bulyst for one test file: its own data directory, its own accounts,
// a free port. Each test file gets its own so that files cannot see each
// other's status reports and can run in any order.

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const e2eDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoDir = resolve(e2eDir, '..');

export function binaryPath() {
  if (process.env.BULYST_BIN) return resolve(process.env.BULYST_BIN);
  const target = process.env.CARGO_TARGET_DIR;
  // Cargo reads a relative CARGO_TARGET_DIR against where it runs, which for
  // scripts/test is the repository root.
  const targetDir = target ? (isAbsolute(target) ? target : resolve(repoDir, target)) : join(repoDir, 'target');
  return join(targetDir, 'debug', 'bulyst');
}

// Passwords are at least 12 characters; these are only for throwaway servers.
export const USERS = {
  projectLeader: { email: 'prosjektleiar@example.no', password: 'leiar-passord-1234', args: ['--role', 'project-leader'] },
  admin: { email: 'admin@example.no', password: 'admin-passord-1234', args: ['--role', 'admin'] },
  worker: {
    email: 'arbeid@example.no',
    password: 'arbeid-passord-1234',
    args: ['--role', 'work-group', '--work-package', 'arbeid'],
  },
  reader: { email: 'lesar@example.no', password: 'lesar-passord-1234', args: ['--role', 'reader'] },
  coordinator: {
    email: 'mentorkoordinator@example.no',
    password: 'koordinator-passord-1234',
    args: ['--role', 'mentor-coordinator'],
  },
  staff: {
    email: 'tilflyttar@example.no',
    password: 'tilflyttar-passord-1234',
    args: ['--role', 'newcomer-staff', '--municipality', '4643'],
  },
  // A newcomer with an account of their own, linked to their case by its number.
  newcomer: { email: 'nykomar@example.no', password: 'nykomar-passord-1234', args: ['--role', 'reader'] },
};

function run(bin, args, input) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(bin, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', (e) => reject(new Error(`cannot run ${bin}: ${e.message} (build it with \`cargo build -p bulyst\` or set BULYST_BIN)`)));
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise(out);
      else reject(new Error(`${bin} ${args.join(' ')} failed (${signal ?? code}):\n${out}`));
    });
    child.stdin.end(input);
  });
}

/**
 * Starts `bulyst serve` on a new data directory with the accounts of
 * USERS (each gets its account number as `id`), or on `dataDir` as another
 * server left it. Returns { url, users, stop, kill, logs, dataDir }; `stop`
 * sends SIGTERM and throws unless the server shuts down cleanly; `kill` sends
 * SIGKILL and keeps the data directory, for a restart on it. A fresh server that takes longer than
 * BULYST_E2E_START_SECONDS (120) to listen is a failure: that is what a new
 * user would wait for after the README's run command.
 */
export async function startServer({ timeoutMs = Number(process.env.BULYST_E2E_START_SECONDS ?? 120) * 1000, dataDir: reuse } = {}) {
  const bin = binaryPath();
  const dataDir = reuse ?? (await mkdtemp(join(tmpdir(), 'bulyst-e2e-')));
  if (!reuse) {
    for (const user of Object.values(USERS)) {
      const out = await run(bin, ['--data-dir', dataDir, 'user', 'add', '--email', user.email, ...user.args], `${user.password}\n`);
      const id = out.match(/added account (\d+)/);
      if (id) user.id = Number(id[1]);
    }
  }

  const child = spawn(bin, ['serve', '--addr', '127.0.0.1:0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // The 2 M-cell country file would load in the background of a debug build
    // for minutes, holding SQLite's write lock while the tests write.
    env: { ...process.env, RUST_LOG: process.env.RUST_LOG ?? 'warn', BULYST_LOAD_LARGE_STATISTICS: 'no' },
  });
  // Kept for the failure message; both pipes are always drained so that a
  // chatty server never blocks on a full pipe.
  let logs = '';
  const keep = (d) => {
    logs += d;
    if (logs.length > 200_000) logs = logs.slice(-100_000);
  };
  child.stderr.on('data', keep);

  const exited = new Promise((resolvePromise) => child.on('exit', (code, signal) => resolvePromise({ code, signal })));
  const url = await new Promise((resolvePromise, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bulyst serve printed no URL within ${timeoutMs} ms:\n${out}\n${logs}`));
    }, timeoutMs);
    child.stdout.on('data', (d) => {
      keep(d);
      out += d;
      const m = out.match(/Bulyst is serving at (http:\/\/\S+?)\/? /);
      if (m) {
        clearTimeout(timer);
        resolvePromise(m[1]);
      }
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${bin}: ${e.message} (build it with \`cargo build -p bulyst\` or set BULYST_BIN)`));
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`bulyst serve exited (${signal ?? code}) before serving:\n${out}\n${logs}`));
    });
  });

  let stopped = false;
  async function stop() {
    if (stopped) return;
    stopped = true;
    child.kill('SIGTERM');
    const timeout = new Promise((r) => setTimeout(() => r('timeout'), 15_000));
    const result = await Promise.race([exited, timeout]);
    await rm(dataDir, { recursive: true, force: true });
    if (result === 'timeout') {
      child.kill('SIGKILL');
      throw new Error(`bulyst serve did not stop within 15 s of SIGTERM:\n${logs.slice(-4000)}`);
    }
    if (result.code !== 0) {
      throw new Error(`bulyst serve did not shut down cleanly (${result.signal ?? `exit ${result.code}`}):\n${logs.slice(-4000)}`);
    }
  }

  async function kill() {
    stopped = true;
    child.kill('SIGKILL');
    await exited;
  }

  return { url, users: USERS, stop, kill, logs: () => logs, dataDir };
}
