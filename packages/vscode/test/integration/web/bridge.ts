/**
 * The suites set up their fixtures with Node's synchronous `fs` (write a
 * note, then watch the views react). The web-worker host has no Node, so
 * in its test bundle those calls go to the launcher's file bridge
 * (test/harness/fs-bridge.mjs) with synchronous XHR, which a web worker
 * may use, on 127.0.0.1, which the worker's connect-src allows. Only the
 * tests' own setup goes this way: the extension under test reads and
 * writes through `vscode.workspace.fs`.
 */
import * as vscode from 'vscode';

/** The bridge's address, from the user settings the launcher writes (`rapportTests.fsBridge`). */
function bridgeUrl(): string {
  const url = vscode.workspace.getConfiguration('rapportTests').get<string>('fsBridge');
  if (!url) throw new Error('no file bridge: the launcher sets rapportTests.fsBridge in the user settings');
  return url;
}

/** Runs one file operation on the test machine; Node's error (message and code) is thrown here. */
export function bridge<T>(op: string, ...args: unknown[]): T {
  const request = new XMLHttpRequest();
  request.open('POST', bridgeUrl(), false);
  // text/plain keeps it a simple request: no CORS preflight.
  request.setRequestHeader('Content-Type', 'text/plain');
  request.send(JSON.stringify({ op, args }));
  if (request.status !== 200) throw new Error(`file bridge ${op}: HTTP ${request.status} ${request.responseText}`);
  const reply = JSON.parse(request.responseText) as { result?: T; error?: { message: string; code?: string } };
  if (reply.error) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  return reply.result as T;
}
