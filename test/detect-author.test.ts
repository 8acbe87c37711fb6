// Author helpers (names, organisations, role/affiliation) and detector rules that need more
// than a fixture can say (evidence positions, several names, rule order).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectAuthor } from '../pipeline/detect/author.js';
import { isOrganisation, isPersonName, joinSpacedName, splitNames, splitRoleAffiliation } from '../pipeline/detect/person-name.js';
import { detectSourceType } from '../pipeline/detect/source-type.js';
import { detectTitle } from '../pipeline/detect/title.js';
import { buildPage } from '../pipeline/page.js';

function author(text: string) {
  const page = buildPage(text);
  const sourceType = detectSourceType(page);
  return detectAuthor(page, { sourceType, title: detectTitle(page) });
}

test('person names: shape, not lists', () => {
  for (const name of ['张三', '颉满斌', '艾尔肯·吐尼亚孜', 'Aria X', '欧阳明日']) assert.ok(isPersonName(name), name);
  for (const phrase of ['了解到', '记者', '本报', '统计局', '在年货运', '公安部', '说的话']) assert.ok(!isPersonName(phrase), phrase);
});

test('organisations end with an organisation suffix', () => {
  for (const org of ['万载县统计局', '国家统计局万载调查队', '最高人民检察院', '某县人民政府办公室']) assert.ok(isOrganisation(org), org);
  for (const other of ['张三', '统计', '主动公开']) assert.ok(!isOrganisation(other), other);
});

test('name lists and spaced names', () => {
  assert.deepEqual(splitNames('张三 李四、王五,赵六'), ['张三', '李四', '王五', '赵六']);
  assert.equal(joinSpacedName('龚 正'), '龚正');
  assert.equal(joinSpacedName('龚　正'), '龚正');
  assert.equal(joinSpacedName('Aria X'), 'Aria X');
});

test('作者系… splits into affiliation and role at the first role word', () => {
  assert.deepEqual(splitRoleAffiliation('江苏省徐州市副市长、公安局局长'), { affiliation: '江苏省徐州市', role: '副市长、公安局局长' });
  assert.deepEqual(splitRoleAffiliation('江苏省公安厅副厅长'), { affiliation: '江苏省公安厅', role: '副厅长' });
  assert.deepEqual(splitRoleAffiliation('省政法委员会副主任'), { affiliation: '省政法委员会', role: '副主任' });
  assert.deepEqual(splitRoleAffiliation('中国人民公安大学教授。'), { affiliation: '中国人民公安大学', role: '教授' });
  assert.deepEqual(splitRoleAffiliation('北京市公安局'), { affiliation: '北京市公安局', role: null });
});

test('several reporters: name joins them, names lists them, evidence points at the list', () => {
  const a = author('标题在这里\n本报记者 刘洋 陈静\n国庆假期首日，全省高速公路车流量明显增加，交警部门提前部署警力。');
  assert.ok(a);
  assert.equal(a.name, '刘洋、陈静');
  assert.deepEqual(a.names, ['刘洋', '陈静']);
  assert.deepEqual(a.evidence, { line: 2, column: 6, text: '刘洋 陈静' });
});

test('a 记者 phrase in the body is not a byline', () => {
  assert.equal(author('近日，某工程开工建设。记者了解到，在年货运量1亿吨的情况下，船只需待闸17个小时。“新通道建成后能提升通航能力。”专家告诉记者。'), null);
});

test('the speaker wins over a photographer named in a caption and an editor at the end', () => {
  const a = author('政府工作报告\n——2026年1月27日在某某省第十四届人民代表大会第四次会议上\n省长 罗东川\n省长罗东川作报告。本报记者 韩卿立 摄\n各位代表：\n现在，我代表省人民政府向大会报告工作。\n编辑：何继红');
  assert.ok(a);
  assert.equal(a.name, '罗东川');
  assert.equal(a.role, '省长');
  assert.equal(a.affiliation, '某某省人民政府');
  assert.deepEqual(a.evidence, { line: 3, column: 4, text: '罗东川' });
});

test('the delivery line may be cut over two lines and carry the byline on the same line', () => {
  const cut = author('政府工作报告\n——2026年1月26日在某某省第十四届\n人民代表大会第五次会议上\n某某省省长 孟凡利\n各位代表：\n现在，我代表省人民政府向大会报告工作。');
  assert.equal(cut?.name, '孟凡利');
  assert.equal(cut?.affiliation, '某某省人民政府');
  const same = author('某某省2026年政府工作报告\n2026年1月27日在某某省第十四届人民代表大会第四次会议上 某某省省长 赵刚\n各位代表：\n现在，我代表省人民政府向大会报告工作。');
  assert.equal(same?.name, '赵刚');
  assert.equal(same?.role, '省长');
});
