#!/usr/bin/env node
// A small shim into the build (dist/ is made by `npm run build`, run by `npm ci` through `prepare`).
import { main } from '../dist/src/cli/main.js';

// A reader that stops early (`tdkt check … --json | head`) is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  now: new Date(),
});
