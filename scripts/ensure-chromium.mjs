#!/usr/bin/env node
// Makes sure Debian's chromium is present for the browser tests (npm `pretest`).
// Installs it with apt-get when we are root; never fails the test run: when chromium
// cannot be installed the browser tests skip and say why.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.SEEDCHECK_CHROMIUM || '/usr/bin/chromium';
const say = (msg) => process.stdout.write(`ensure-chromium: ${msg}\n`);

function run(cmd, args) {
  say(`running: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.error) say(`${cmd} could not start: ${r.error.message}`);
  return r.status === 0;
}

// Seed text is Chinese: without a CJK font, screenshots show empty boxes instead of text.
const CJK_FONT_PACKAGE = 'fonts-wqy-microhei';

function hasCjkFont() {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '';
}

function ensure() {
  const haveChromium = existsSync(CHROMIUM);
  if (haveChromium) say(`found ${CHROMIUM}`);
  const needFont = !hasCjkFont();
  if (haveChromium && !needFont) return;
  if (process.env.SEEDCHECK_SKIP_CHROMIUM_INSTALL) {
    say(`SEEDCHECK_SKIP_CHROMIUM_INSTALL is set: not installing ${haveChromium ? 'a CJK font' : `chromium (${CHROMIUM} is missing; browser tests will be skipped)`}`);
    return;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const aptGet = ['/usr/bin/apt-get', '/bin/apt-get'].find((p) => existsSync(p));
  if (!isRoot || !aptGet) {
    if (haveChromium) {
      say(`no CJK font found and cannot install ${CJK_FONT_PACKAGE} here; Chinese text in screenshots may show as boxes`);
      return;
    }
    say(`${CHROMIUM} is missing and cannot be installed here (${!aptGet ? 'no apt-get' : 'not root'}); install it with \`apt-get install -y chromium\`. Browser tests will be skipped.`);
    return;
  }
  const packages = [...(haveChromium ? [] : ['chromium']), ...(needFont ? [CJK_FONT_PACKAGE] : [])];
  say(`installing ${packages.join(' and ')} with apt-get${needFont ? ' (no CJK font found: screenshots would show boxes for Chinese text)' : ''}`);
  if (!run(aptGet, ['update'])) say('apt-get update failed; trying the install anyway');
  if (!run(aptGet, ['install', '-y', '--no-install-recommends', ...packages])) {
    say(`apt-get install ${packages.join(' ')} failed${haveChromium ? '' : '; browser tests will be skipped'}`);
    return;
  }
  if (!existsSync(CHROMIUM)) say(`apt-get finished but ${CHROMIUM} is still missing; browser tests will be skipped`);
  else say(`installed ${packages.join(' and ')}`);
}

try {
  ensure();
} catch (err) {
  say(`unexpected problem (${err?.message ?? err}); browser tests will be skipped`);
}
