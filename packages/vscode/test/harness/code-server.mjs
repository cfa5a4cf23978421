// Real-VS-Code test harness for offline machines: code-server (VS Code 1.100.3
// from npm, installed by scripts/setup-test-env.sh) driven by Debian's
// chromium through playwright-core. See /work/shared/VSCODE-TESTING.md.
//
//   import { runExtensionTests } from './code-server.mjs';
//   const code = await runExtensionTests({
//     extensionDevelopmentPath: '/abs/packages/vscode',
//     extensionTestsPath: '/abs/packages/vscode/out/test/index.js', // exports run()
//     folder: '/abs/fixture',
//     untrusted: false,   // true: open the folder in Restricted Mode
//   });
//
// Every server runs with its own throwaway HOME-like dirs (user data,
// extensions, XDG data/config) unless given, on 127.0.0.1 and a free port,
// in its own process group so stop() ends the extension host too.

import { spawn, execFile } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Repository root (…/packages/vscode/test/harness → …). */
export const REPO_ROOT = path.resolve(HERE, '../../../..');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Flags needed for Debian chromium on these machines (closed network, root). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * User settings written into every fresh user-data-dir: no welcome page, no
 * network chatter, no trust prompt. In untrusted mode the prompt must stay
 * off ('never'): the folder then opens straight in Restricted Mode.
 */
export const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
  'security.workspace.trust.emptyWindow': false,
};

/** Workbench log lines not worth showing (RAPPORT_HARNESS_VERBOSE=1 shows them). */
const WORKBENCH_NOISE =
  /^(Resolving connection token|Resolved connection token|Creating a socket|\[Service Worker\]|Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache|ChatSessionStore:)/;

/** Absolute path of the code-server launcher installed by scripts/setup-test-env.sh. */
export function codeServerBin() {
  if (process.env.CODE_SERVER_BIN) return process.env.CODE_SERVER_BIN;
  return path.join(REPO_ROOT, '.vscode-test/code-server/node_modules/.bin/code-server');
}

function assertInstalled() {
  const bin = codeServerBin();
  if (!fs.existsSync(bin)) {
    throw new Error(`code-server not found at ${bin}; run scripts/setup-test-env.sh first`);
  }
  return bin;
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export async function freePort() {
  const srv = net.createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function log(...args) {
  if (!process.env.RAPPORT_HARNESS_QUIET) console.log('[harness]', ...args);
}

/** Environment for code-server and its CLI: isolated XDG dirs, no parent VS Code. */
function childEnv(home) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    // VSCODE_IPC_HOOK_CLI would make code-server open in the VS Code whose
    // terminal we run in; ELECTRON_RUN_AS_NODE & co. confuse the server.
    if (/^(VSCODE_|ELECTRON_)/.test(k)) delete env[k];
  }
  env.XDG_DATA_HOME = path.join(home, 'data');
  env.XDG_CONFIG_HOME = path.join(home, 'config');
  env.XDG_CACHE_HOME = path.join(home, 'cache');
  // No extension gallery (open-vsx.org is unreachable offline; the workbench
  // otherwise logs getaddrinfo ENOTFOUND errors while tests run).
  env.EXTENSIONS_GALLERY ??= '{}';
  return env;
}

async function writeUserSettings(userDataDir, settings) {
  const dir = path.join(userDataDir, 'User');
  await fsp.mkdir(dir, { recursive: true });
  const file = path.join(dir, 'settings.json');
  let existing = {};
  try {
    existing = JSON.parse(await fsp.readFile(file, 'utf8'));
  } catch {
    /* none yet (or JSONC we cannot parse: keep ours) */
  }
  await fsp.writeFile(file, JSON.stringify({ ...DEFAULT_SETTINGS, ...existing, ...settings }, null, 2));
}

function pidsInGroupOrTree(rootPid) {
  // Every live process whose process group is rootPid, or that descends from
  // it (node-pty terminals call setsid and leave the group).
  const procs = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.push({ pid: Number(name), state: rest[0], ppid: Number(rest[1]), pgid: Number(rest[2]) });
    } catch {
      /* gone */
    }
  }
  const out = new Set(procs.filter((p) => p.pgid === rootPid && p.state !== 'Z').map((p) => p.pid));
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of procs) {
      if (!out.has(p.pid) && p.state !== 'Z' && (out.has(p.ppid) || p.ppid === rootPid)) {
        out.add(p.pid);
        grew = true;
      }
    }
  }
  out.delete(process.pid);
  return [...out];
}

function killAll(pids, signal) {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

// Process groups of servers not stopped yet: killed if this process exits or
// is interrupted first (their own watchdog covers SIGKILL of this process).
const live = new Map(); // pgid -> temp home
let hooked = false;
function killLiveSync() {
  for (const [pgid, home] of live) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* gone */
    }
    if (!process.env.RAPPORT_HARNESS_KEEP) fs.rmSync(home, { recursive: true, force: true });
  }
  live.clear();
}

/** Remove temp homes left by harness processes that were SIGKILLed. */
function removeStaleHomes() {
  const tmp = os.tmpdir();
  for (const name of fs.readdirSync(tmp)) {
    if (!name.startsWith('rapport-cs-')) continue;
    const dir = path.join(tmp, name);
    try {
      const owner = Number(fs.readFileSync(path.join(dir, 'owner.pid'), 'utf8'));
      if (owner === process.pid) continue;
      try {
        process.kill(owner, 0);
        continue; // owner alive
      } catch (e) {
        if (e.code !== 'ESRCH') continue; // alive, someone else's
      }
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      /* no owner file (being created) or already removed */
    }
  }
}

function hookProcessExit() {
  if (hooked) return;
  hooked = true;
  process.on('exit', killLiveSync);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    const onSignal = () => {
      killLiveSync();
      // Nobody else handles it: restore the default action (terminate).
      if (process.listenerCount(sig) === 1) {
        process.removeListener(sig, onSignal);
        process.kill(process.pid, sig);
      }
    };
    process.on(sig, onSignal);
  }
}

/**
 * Start code-server on 127.0.0.1 and wait for /healthz.
 *
 * @param {object} [opts]
 * @param {string} [opts.userDataDir]   default: a fresh temp dir (removed by stop())
 * @param {string} [opts.extensionsDir] default: a fresh temp dir (removed by stop())
 * @param {boolean} [opts.trust=false]  true: keep the Workspace Trust feature on
 *        (no --disable-workspace-trust). With the default settings (startup
 *        prompt 'never') and a fresh profile, a folder then opens UNTRUSTED.
 * @param {boolean} [opts.untrusted]    alias for trust: true
 * @param {number} [opts.port]          default: a free port
 * @param {object} [opts.settings]      extra user settings (merged over DEFAULT_SETTINGS)
 * @param {boolean} [opts.verbose]      echo code-server's output (also env RAPPORT_HARNESS_VERBOSE=1)
 * @returns {Promise<{url: string, port: number, pid: number, userDataDir: string,
 *   extensionsDir: string, env: object, logFile: string, exited: Promise<number|null>,
 *   stop: () => Promise<void>}>}
 */
export async function startCodeServer(opts = {}) {
  const bin = assertInstalled();
  const trust = Boolean(opts.trust || opts.untrusted);
  const verbose = opts.verbose ?? Boolean(process.env.RAPPORT_HARNESS_VERBOSE);
  removeStaleHomes();
  const home = await fsp.mkdtemp(path.join(os.tmpdir(), 'rapport-cs-'));
  await fsp.writeFile(path.join(home, 'owner.pid'), String(process.pid));
  const userDataDir = opts.userDataDir ? path.resolve(opts.userDataDir) : path.join(home, 'user-data');
  const extensionsDir = opts.extensionsDir ? path.resolve(opts.extensionsDir) : path.join(home, 'extensions');
  await fsp.mkdir(userDataDir, { recursive: true });
  await fsp.mkdir(extensionsDir, { recursive: true });
  await writeUserSettings(userDataDir, opts.settings ?? {});

  const port = opts.port ?? (await freePort());
  const configFile = path.join(home, 'config.yaml');
  await fsp.writeFile(
    configFile,
    [
      `bind-addr: 127.0.0.1:${port}`,
      'auth: none',
      'cert: false',
      // Short path: unix sockets are limited to 108 bytes.
      `session-socket: ${path.join(home, 'ipc.sock')}`,
      '',
    ].join('\n'),
  );
  const args = [
    '--config', configFile,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  if (!trust) args.push('--disable-workspace-trust');

  const env = childEnv(home);
  const logFile = path.join(home, 'code-server.log');
  const logStream = fs.createWriteStream(logFile);
  // detached: setsid(), so the server, its extension host and pty host share
  // one new process group that stop() can signal as a whole. The sh wrapper
  // execs code-server (same pid, the group leader) after starting a watchdog
  // in the group that waits for EOF on our stdin pipe: if this Node process
  // dies without stop() (even SIGKILL), the pipe closes and the watchdog
  // kills the whole group, so no server outlives its test run.
  const wrapper = 'exec 3<&0; (cat <&3 >/dev/null 2>&1; kill -KILL 0) & exec "$0" "$@" </dev/null 3<&-';
  const child = spawn('/bin/sh', ['-c', wrapper, bin, ...args], {
    cwd: home,
    env,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  live.set(pid, home);
  hookProcessExit();
  for (const s of [child.stdout, child.stderr]) {
    s.on('data', (d) => {
      logStream.write(d);
      if (verbose) process.stdout.write(`[code-server] ${d}`);
    });
  }
  let exitCode;
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exitCode = code ?? signal;
      resolve(code);
    });
    child.on('error', (e) => {
      exitCode = e.message;
      resolve(null);
    });
  });

  let stopped = false;
  async function stop() {
    if (stopped) return;
    stopped = true;
    const pids = pidsInGroupOrTree(pid);
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      /* group gone */
    }
    killAll(pids, 'SIGTERM');
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && pidsInGroupOrTree(pid).length > 0) await sleep(100);
    const left = pidsInGroupOrTree(pid);
    if (left.length) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      killAll(left, 'SIGKILL');
      const deadline2 = Date.now() + 3000;
      while (Date.now() < deadline2 && pidsInGroupOrTree(pid).length > 0) await sleep(100);
    }
    await Promise.race([exited, sleep(1000)]);
    live.delete(pid);
    child.stdin.destroy();
    logStream.end();
    if (!process.env.RAPPORT_HARNESS_KEEP) {
      await fsp.rm(home, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
    }
  }

  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  try {
    for (;;) {
      if (exitCode !== undefined) throw new Error(`code-server exited (${exitCode}) before it was healthy`);
      if (Date.now() - started > 30_000) throw new Error('code-server did not answer /healthz within 30 s');
      try {
        const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
        if (res.ok) break;
      } catch {
        /* not listening yet */
      }
      await sleep(150);
    }
  } catch (e) {
    const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n') : '';
    await stop();
    e.message += `\n--- code-server output ---\n${tail}`;
    throw e;
  }
  log(`code-server ${trust ? '(workspace trust ON)' : '(workspace trust disabled)'} at ${url}, pid ${pid}, healthy in ${Date.now() - started} ms`);
  return { url, port, pid, home, userDataDir, extensionsDir, env, logFile, trust, exited, stop };
}

/**
 * Install a .vsix (or a marketplace id, which fails offline) with code-server's
 * CLI into the server's extensions dir. Takes about 1 s. Install before
 * opening the workbench page; reload the page otherwise.
 *
 * @param {{extensionsDir: string, userDataDir: string, env?: object}} server
 *        what startCodeServer returned, or just the two dirs
 * @param {string} vsixPath
 * @returns {Promise<string>} the CLI's output
 */
export async function installExtension(server, vsixPath) {
  const bin = assertInstalled();
  await fsp.mkdir(server.userDataDir, { recursive: true });
  await fsp.mkdir(server.extensionsDir, { recursive: true });
  const tmpHome = server.env ? null : await fsp.mkdtemp(path.join(os.tmpdir(), 'rapport-cs-cli-'));
  const env = server.env ?? childEnv(tmpHome);
  const args = [
    '--user-data-dir', server.userDataDir,
    '--extensions-dir', server.extensionsDir,
    '--install-extension', path.resolve(vsixPath),
    '--force',
  ];
  return new Promise((resolve, reject) => {
    execFile(bin, args, { env, timeout: 120_000 }, (err, stdout, stderr) => {
      if (tmpHome) fs.rmSync(tmpHome, { recursive: true, force: true });
      const out = `${stdout}${stderr}`;
      if (err || !/successfully installed/i.test(out)) {
        reject(new Error(`code-server --install-extension ${vsixPath} failed: ${err?.message ?? ''}\n${out}`));
      } else {
        log(out.trim().split('\n').pop());
        resolve(out);
      }
    });
  });
}

/**
 * Launch Debian's chromium through playwright-core (never `playwright install`).
 * @param {import('playwright-core').LaunchOptions} [opts] merged into the launch options
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchBrowser(opts = {}) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    ...opts,
    args: [...CHROMIUM_ARGS, ...(opts.args ?? [])],
  });
}

/** `vscode-remote://127.0.0.1:PORT/abs/path` for a path on the server's machine. */
export function remoteUri(server, p) {
  const abs = path.resolve(p);
  return `vscode-remote://127.0.0.1:${server.port}${abs.split(path.sep).map(encodeURIComponent).join('/')}`;
}

/**
 * Workbench URL opening `folder`, optionally with a `payload` (list of
 * [key, value] pairs the web workbench reads: extensionDevelopmentPath,
 * extensionTestsPath, skipWelcome, ...).
 */
export function workbenchUrl(server, folder, payload) {
  const q = new URLSearchParams();
  if (folder) q.set('folder', path.resolve(folder));
  if (payload) q.set('payload', JSON.stringify(payload));
  return `${server.url}/?${q.toString()}`;
}

/**
 * Run an extension's integration tests in code-server + chromium, the way
 * @vscode/test-web does: the test module (CommonJS, `exports.run = async () =>
 * {...}`) runs in the real Node extension host; the workbench reports the
 * result through `codeAutomationExit` (0 when run() resolves, 1 when it throws).
 *
 * @param {object} o
 * @param {string} o.extensionDevelopmentPath  folder with the extension's package.json
 * @param {string} o.extensionTestsPath        absolute path of the compiled test index.js
 * @param {string} [o.folder]                  workspace folder to open
 * @param {boolean} [o.untrusted=false]        open the folder in Restricted Mode
 *        (workspace trust on, no prompt): vscode.workspace.isTrusted === false
 * @param {boolean} [o.trust]                  same as untrusted (startCodeServer's name)
 * @param {number} [o.timeoutMs=180000]        on timeout the result is 124
 * @param {string} [o.screenshotOnFailure]     PNG path written when the result is not 0
 * @param {object} [o.settings]                extra user settings
 * @param {string[]} [o.installVsix]           VSIX files to install first
 * @returns {Promise<number>} exit code: 0 passed, 1 tests failed, 124 timeout,
 *          2 the server died
 */
export async function runExtensionTests(o) {
  if (!o?.extensionDevelopmentPath || !o?.extensionTestsPath) {
    throw new Error('runExtensionTests needs extensionDevelopmentPath and extensionTestsPath');
  }
  for (const [what, p] of [
    ['extension package.json', path.join(o.extensionDevelopmentPath, 'package.json')],
    ['extensionTestsPath', o.extensionTestsPath],
    ...(o.folder ? [['folder', o.folder]] : []),
  ]) {
    if (!fs.existsSync(p)) throw new Error(`runExtensionTests: ${what} not found: ${p}`);
  }
  const timeoutMs = o.timeoutMs ?? 180_000;
  const t0 = Date.now();
  const server = await startCodeServer({ trust: Boolean(o.untrusted || o.trust), settings: o.settings });
  let browser;
  let timer;
  try {
    for (const vsix of o.installVsix ?? []) await installExtension(server, vsix);
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });

    let settle;
    const result = new Promise((r) => (settle = r));
    const verbose = Boolean(process.env.RAPPORT_HARNESS_VERBOSE);
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = (Array.isArray(args) ? args : [args])
        .map((a) => (typeof a === 'string' ? a : JSON.stringify(a)))
        .join(' ');
      if (!verbose && WORKBENCH_NOISE.test(line)) return;
      (type === 'error' || type === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle({ code: Number(code) }));
    page.on('pageerror', (e) => {
      if (process.env.RAPPORT_HARNESS_VERBOSE) console.error('[page error]', e.message);
    });
    page.on('crash', () => settle({ code: 1, why: 'browser page crashed' }));
    server.exited.then((c) => settle({ code: 2, why: `code-server exited (${c})` }));
    timer = setTimeout(() => settle({ code: 124, why: `timed out after ${timeoutMs} ms` }), timeoutMs);

    const payload = [
      ['extensionDevelopmentPath', remoteUri(server, o.extensionDevelopmentPath)],
      ['extensionTestsPath', remoteUri(server, o.extensionTestsPath)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    const url = workbenchUrl(server, o.folder, payload);
    log(`opening workbench${o.folder ? ` on ${o.folder}` : ''}${o.untrusted || o.trust ? ' (untrusted)' : ''}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

    const { code, why } = await result;
    if (why) console.error(`[harness] ${why}`);
    if (code !== 0 && o.screenshotOnFailure) {
      await page.screenshot({ path: o.screenshotOnFailure }).catch(() => {});
      console.error(`[harness] screenshot: ${o.screenshotOnFailure}`);
    }
    log(`tests ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return code;
  } finally {
    clearTimeout(timer);
    if (browser) await browser.close().catch(() => {});
    await server.stop();
  }
}
