#!/usr/bin/env node
import fs from 'node:fs/promises';
import { main } from './cli.js';

process.exitCode = await main(process.argv.slice(2), { fs, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env });
