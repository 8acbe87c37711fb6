#!/usr/bin/env node
// `npm run add -- FILE…`: the tiny bin around add.ts's main().
import fs from 'node:fs/promises';
import { main } from './add.js';

process.exitCode = await main(process.argv.slice(2), { fs, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env });
