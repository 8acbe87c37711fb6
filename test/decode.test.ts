import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { defaultConfig } from '../pipeline/config.js';
import { createSeedFile } from '../pipeline/seed-file.js';
import { decode, firstInvalidUtf8 } from '../pipeline/stages/decode.js';
import { lineEndingOf, measureFacts } from '../pipeline/stages/facts.js';
import { decodeValidUtf8 } from '../pipeline/stages/utf8.js';

function decoded(bytes: Buffer) {
  const f = createSeedFile('seeds/x.txt', 'x.txt', bytes, defaultConfig());
  decode(f);
  measureFacts(f);
  return f;
}

const PROSE = '城市基层治理是国家治理的基础工程，各地推动治理重心向基层下移。\n第二行。\n';

test('firstInvalidUtf8 finds the offset of the first bad sequence', () => {
  assert.equal(firstInvalidUtf8(Buffer.from('abc中文', 'utf8')), -1);
  assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xff, 0x63])), 2);
  assert.equal(firstInvalidUtf8(Buffer.from([0xe4, 0xb8])), 0, 'truncated sequence at the end');
  assert.equal(firstInvalidUtf8(Buffer.from([0xc0, 0x80])), 0, 'overlong encoding');
  assert.equal(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80])), 0, 'UTF-16 surrogate');
});

test('valid UTF-8 decodes silently', () => {
  const f = decoded(Buffer.from(PROSE, 'utf8'));
  assert.equal(f.record.encoding, 'utf-8');
  assert.equal(f.text, PROSE);
  assert.deepEqual(f.messages, []);
  assert.equal(f.record.lines, 2);
  assert.equal(f.record.chars, [...PROSE].length);
});

test('GB18030 is detected, decoded and reported', () => {
  const f = decoded(iconv.encode(PROSE, 'gb18030'));
  assert.equal(f.record.encoding, 'gb18030');
  assert.equal(f.text, PROSE);
  assert.deepEqual(f.messages.map((m) => m.ruleId), ['encoding/not-utf8']);
  assert.match(f.messages[0]!.message, /GB18030|GBK|GB2312/u);
});

test('a BOM is reported and stripped', () => {
  const f = decoded(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PROSE)]));
  assert.equal(f.text, PROSE);
  assert.deepEqual(f.messages.map((m) => m.ruleId), ['encoding/bom']);
});

test('UTF-16LE with BOM is decoded and reported', () => {
  const f = decoded(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PROSE, 'utf16le')]));
  assert.equal(f.record.encoding, 'utf-16le');
  assert.equal(f.text, PROSE);
  assert.deepEqual(f.messages.map((m) => m.ruleId), ['encoding/not-utf8']);
});

test('invalid bytes in the middle are reported with their offset and line', () => {
  const bytes = Buffer.concat([Buffer.from('第一行正常文字\n第二行'), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('结束\n')]);
  const f = decoded(bytes);
  const m = f.messages.find((x) => x.ruleId === 'encoding/invalid-utf8');
  assert.ok(m, JSON.stringify(f.messages));
  assert.equal(m.line, 2);
  assert.match(m.message, new RegExp(`offset ${Buffer.from('第一行正常文字\n第二行').length}`, 'u'));
  assert.ok(f.text.includes('\uFFFD'));
});

test('binary files are marked and not decoded as text', () => {
  const f = decoded(Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256)));
  assert.equal(f.binary, true);
  assert.equal(f.record.encoding, 'binary');
  assert.equal(f.text, '');
  assert.deepEqual(f.messages.map((m) => m.ruleId), ['encoding/nul-bytes']);
});

test('a few NUL bytes in text are reported but the text is kept', () => {
  const f = decoded(Buffer.from(`${PROSE.repeat(20)}\u0000尾`, 'utf8'));
  assert.equal(f.binary, false);
  assert.deepEqual(f.messages.map((m) => m.ruleId), ['encoding/nul-bytes']);
});

test('line endings are classified', () => {
  assert.equal(lineEndingOf('a\nb\n'), 'lf');
  assert.equal(lineEndingOf('a\r\nb\r\n'), 'crlf');
  assert.equal(lineEndingOf('a\rb'), 'cr');
  assert.equal(lineEndingOf('a\r\nb\n'), 'mixed');
  assert.equal(lineEndingOf('one line'), 'none');
});

test('valid UTF-8 decodes as TextDecoder does (astral characters, a second BOM, large pages)', () => {
  const samples = [
    '',
    PROSE,
    'ascii only\r\n',
    '𠀀 emoji 😀 ß é 中文 \u0000 \u007f \u0080 \u07ff \u0800 \uffff \u{10ffff}',
    '\ufeff second BOM after the first',
    '中'.repeat(300_000),
  ];
  for (const s of samples) {
    const bytes = Buffer.from(`\ufeff${s}`, 'utf8');
    assert.equal(decodeValidUtf8(bytes.subarray(3)), new TextDecoder('utf-8').decode(bytes.subarray(3)));
  }
  // The stage: counts and text as before.
  const f = decoded(Buffer.from(`${PROSE}𠀀\r\n`, 'utf8'));
  assert.equal(f.text, `${PROSE}𠀀\r\n`);
  assert.deepEqual([f.record.chars, f.record.lines, f.record.lineEnding], [[...`${PROSE}𠀀\r\n`].length, 3, 'mixed']);
});
