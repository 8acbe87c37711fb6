#!/usr/bin/env node
// `npm run index`: the tiny bin around index-cli.ts's main().
import fs from 'node:fs/promises';
import { main } from './index-cli.js';

process.exitCode = await main(process.argv.slice(2), { fs, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env });
