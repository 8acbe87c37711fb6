// Atomic writes in pieces: the file appears whole at commit, or not at all.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Fs } from '../pipeline/io.js';
import { AtomicAppender, writeAtomic } from '../pipeline/output/write-atomic.js';

test('pieces larger than a batch are written in order and appear only at commit', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'seedcheck-appender-'));
  const file = path.join(dir, 'sub', 'out.jsonl');
  const a = new AtomicAppender(fs, file);
  const big = '中'.repeat(3_000_000); // past one 4 M-unit batch
  a.append('head\n');
  a.append(big);
  a.append(Buffer.from('\ntail\n'));
  assert.equal(existsSync(file), false, 'nothing at the target before commit');
  await a.commit();
  assert.equal(readFileSync(file, 'utf8'), `head\n${big}\ntail\n`);
  assert.deepEqual(readdirSync(path.dirname(file)), ['out.jsonl'], 'no temp file left');
});

test('a failed write leaves the previous file and no temp file', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'seedcheck-appender-fail-'));
  const file = path.join(dir, 'out.txt');
  await writeAtomic(fs, file, ['old ', 'content']);
  const failing = new Proxy(fs, {
    get: (t, p, r) => (p === 'appendFile' ? () => Promise.reject(new Error('disk full')) : Reflect.get(t, p, r)),
  }) as Fs;
  const a = new AtomicAppender(failing, file);
  a.append('x'.repeat(5_000_000)); // first batch: writeFile
  a.append('y'); // the rest: appendFile, which fails
  await assert.rejects(a.commit(), /disk full/u);
  assert.equal(readFileSync(file, 'utf8'), 'old content');
  assert.deepEqual(readdirSync(dir), ['out.txt']);
});
