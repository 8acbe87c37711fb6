#!/usr/bin/env node
import fs from 'node:fs/promises';
import { main } from './cli.js';

// A reader that goes away early (`| head`) is not an error of ours: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

process.exitCode = await main(process.argv.slice(2), { fs, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env });
