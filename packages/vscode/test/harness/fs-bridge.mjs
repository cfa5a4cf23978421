// The web test bundle's file bridge: the integration suites set up their
// fixtures with synchronous `fs` calls, which the web-worker extension host
// cannot make; its `node:fs` (test/integration/web/node-fs.ts) sends them
// here by synchronous XHR. Serves 127.0.0.1 only, and only paths under the
// folders it was given (the scratch copy of the example, the results folder).
//
//   const bridge = await startFsBridge({ roots: [scratch, resultsDir], tmp: scratch });
//   settings['rapportTests.fsBridge'] = bridge.url;   // read by the bundle
//   ...
//   await bridge.stop();
import fs from 'node:fs';
import { createServer } from 'node:http';
import { once } from 'node:events';
import path from 'node:path';

/**
 * @param {{roots: string[], tmp: string}} options
 *        roots: folders the tests may touch; tmp: what `os.tmpdir()` answers
 * @returns {Promise<{url: string, stop: () => Promise<void>}>}
 */
export async function startFsBridge({ roots, tmp }) {
  const allowed = roots.map((root) => fs.realpathSync(path.resolve(root)));
  const inside = (p) => {
    const resolved = path.resolve(p);
    if (!allowed.some((root) => resolved === root || resolved.startsWith(root + path.sep))) {
      throw Object.assign(new Error(`the file bridge serves only ${allowed.join(', ')}: not ${p}`), { code: 'EACCES' });
    }
    return resolved;
  };
  const ops = {
    readFile: (p) => fs.readFileSync(inside(p)).toString('base64'),
    writeFile: (p, data) => fs.writeFileSync(inside(p), data.base64 !== undefined ? Buffer.from(data.base64, 'base64') : data.text),
    exists: (p) => fs.existsSync(inside(p)),
    mkdir: (p, options) => void fs.mkdirSync(inside(p), options),
    mkdtemp: (prefix) => fs.mkdtempSync(inside(prefix)),
    rm: (p, options) => fs.rmSync(inside(p), options),
    readdir: (p) =>
      fs.readdirSync(inside(p), { withFileTypes: true }).map((entry) => ({
        name: entry.name,
        directory: entry.isDirectory(),
        file: entry.isFile(),
        symlink: entry.isSymbolicLink(),
      })),
    tmpdir: () => tmp,
  };
  const server = createServer((request, response) => {
    // The worker runs on code-server's origin, this server on another port.
    response.setHeader('Access-Control-Allow-Origin', '*');
    if (request.method === 'OPTIONS') {
      response.setHeader('Access-Control-Allow-Headers', 'Content-Type');
      response.end();
      return;
    }
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      let reply;
      try {
        const { op, args } = JSON.parse(body);
        if (!Object.hasOwn(ops, op)) throw new Error(`unknown file bridge operation ${op}`);
        reply = { result: ops[op](...args) ?? null };
      } catch (error) {
        reply = { error: { message: error.message, code: error.code } };
      }
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify(reply));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
