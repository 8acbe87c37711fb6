// Every detector fixture in test/fixtures/detect/ (expected values beside the text), plus
// the five real seeds against DESIGN.md §9 (test/fixtures/seeds-gold.json).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import path from 'node:path';
import { packageRoot } from '../pipeline/paths.js';
import { compareFixture, detectText, readFixtures } from './helpers/detect-fixture.js';

const dir = path.join(packageRoot, 'test', 'fixtures', 'detect');

for (const fx of readFixtures(dir)) {
  test(`detect fixture ${fx.name}`, () => {
    const problems = compareFixture(fx, detectText(fx.text, fx.name));
    assert.deepEqual(problems, [], `${fx.name}:\n  ${problems.join('\n  ')}`);
  });
}
