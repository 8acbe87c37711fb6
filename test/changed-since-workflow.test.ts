// .github/workflows/validate.yml: runs the README's commands on pull requests touching seeds/,
// uploads the reports, and picks --changed-since only for a cached manifest whose commit
// exists. The validate step's script is run here with a stub `npm` that records its arguments.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { packageRoot } from '../pipeline/paths.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: { pull_request: { paths: string[] } };
  jobs: Record<string, { steps: Step[] }>;
}

const workflow = parse(readFileSync(path.join(packageRoot, '.github', 'workflows', 'validate.yml'), 'utf8')) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);

test('the workflow runs the README commands on pull requests touching seeds/ and uploads reports/', () => {
  assert.deepEqual(workflow.on.pull_request.paths, ['seeds/**']);
  const runs = steps.map((s) => s.run ?? '');
  const order = ['npm ci', 'npm test', 'npm run validate'].map((cmd) => runs.findIndex((r) => r.includes(cmd)));
  assert.ok(order.every((i) => i >= 0) && order[0]! < order[1]! && order[1]! < order[2]!, `commands in order: ${order.join(', ')}`);
  const checkout = steps.find((s) => s.uses?.startsWith('actions/checkout@'));
  assert.equal(checkout?.with?.['fetch-depth'], 0, 'full history, so --changed-since can diff');
  const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
  assert.equal(upload?.with?.['path'], 'reports/');
  assert.equal(upload?.if, 'always()', 'the report is uploaded when validate fails too');
});

test('the validate step uses --changed-since only with a cached manifest whose commit exists', () => {
  const step = steps.find((s) => s.run?.includes('npm run validate'))!;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'seedcheck-wf-'));
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' };
  execFileSync('git', ['init', '-q'], { cwd: dir, env });
  execFileSync('git', ['commit', '-q', '--allow-empty', '-m', 'base'], { cwd: dir, env });
  const sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, env, encoding: 'utf8' }).trim();
  const bin = path.join(dir, 'bin');
  execFileSync('mkdir', [bin]);
  const log = path.join(dir, 'npm.log');
  writeFileSync(path.join(bin, 'npm'), `#!/bin/sh\necho "$*" > "${log}"\n`);
  chmodSync(path.join(bin, 'npm'), 0o755);
  const runWith = (matched: string): string => {
    execFileSync('bash', ['-e', '-c', step.run!], { cwd: dir, env: { ...env, PATH: `${bin}:${process.env['PATH']}`, MATCHED_KEY: matched } });
    return readFileSync(log, 'utf8').trim();
  };
  assert.equal(runWith(`seedcheck-manifest-${sha}`), `run validate -- --changed-since ${sha}`);
  assert.equal(runWith(''), 'run validate');
  assert.equal(runWith(`seedcheck-manifest-${'0'.repeat(40)}`), 'run validate', 'a commit missing from the checkout means a full run');
});
