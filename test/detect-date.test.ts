// Unit tests of the date detector's parts: the parser (chrono + own scanners), year
// inference, the candidate reasons for each trap, the choice, evidence columns, and the
// date/suspicious diagnostic. Whole-document cases live in test/fixtures/detect/date-*.txt.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultConfig, referenceDateOf, type Config } from '../pipeline/config.js';
import { buildPage } from '../pipeline/page.js';
import { processFile } from '../pipeline/process-file.js';
import { collectCandidates } from '../pipeline/detect/date-candidates.js';
import { SUSPICIOUS_DATE_RULE } from '../pipeline/detect/date-check.js';
import { countOf, inferYears } from '../pipeline/detect/date-infer.js';
import { expandYear, findDateMentions, isoOf, MAX_MENTIONS_PER_LINE } from '../pipeline/detect/date-parse.js';
import { detectDate, isSuspicious } from '../pipeline/detect/date.js';

const REF = { referenceDate: '2026-11-22' };

function mentions(text: string): string[] {
  return findDateMentions(text, 2026).map((m) => `${m.text}=${m.year ?? '?'}-${m.month ?? '?'}-${m.day ?? '?'}${m.time ? '+t' : ''}`);
}

test('parser: Chinese, numeric and ISO forms, at their precision', () => {
  const cases: [string, string[]][] = [
    ['时间:2022-09-11 07:40:25', ['2022-09-11 07:40:25=2022-9-11+t']],
    ['2020年1月18日晚至21日', ['2020年1月18日=2020-1-18']],
    ['——二〇二六年一月二十七日在', ['二〇二六年一月二十七日=2026-1-27']],
    ['二零二二年十二月三十一日', ['二零二二年十二月三十一日=2022-12-31']],
    ['2022年9月，', ['2022年9月=2022-9-?']],
    ['（2023年5月）', ['2023年5月=2023-5-?']],
    ['2022年，全县', ['2022年=2022-?-?']],
    ['二〇一八年', ['二〇一八年=2018-?-?']],
    ['22年3月5日召开', ['22年3月5日=2022-3-5']],
    ['98年3月5日', ['98年3月5日=1998-3-5']],
    ['2026/2/3', ['2026/2/3=2026-2-3']],
    ['2026.2.3', ['2026.2.3=2026-2-3']],
    ['20260203', ['20260203=2026-2-3']],
    ['２０２２－０９－１１', ['２０２２－０９－１１=2022-9-11']],
    ['2022年03月05日 10:20', ['2022年03月05日 10:20=2022-3-5+t']],
    ['2022年12月31日24时', ['2022年12月31日24时=2022-12-31+t']],
    ['1月14日,全国', ['1月14日=?-1-14']],
    ['《 人民日报 》（ 2026年06月12日   01 版）', ['2026年06月12日=2026-6-12']],
  ];
  for (const [text, expected] of cases) assert.deepEqual(mentions(text), expected, text);
});

test('parser: relative phrases, bare months, impossible dates and non-dates are not dates', () => {
  for (const text of ['12年前的冬夜', '上周三下午3点', '今天是个好日子', '今年3月完成', '1-5月份', '2023年2月30日', '2023-13-45', '2016-2020', '4/5G网络', '增长3.9%', '电话0871-8223456', '014742224A/2023-0043406', '12022年1月', '2010年代']) {
    assert.deepEqual(
      mentions(text).filter((m) => !m.includes('-?-?')),
      [],
      text,
    );
  }
  assert.deepEqual(mentions('2010年代'), [], 'a decade is not a year');
  assert.deepEqual(mentions('12022年1月'), [], 'five digits before 年 are not a year');
});

test('parser: columns of a mention are UTF-16 indexes into the original line', () => {
  const [m] = findDateMentions('时间：２０２２－０９－１１', 2026);
  assert.equal(m?.index, 3);
  assert.equal(m?.text, '２０２２－０９－１１');
});

test('parser: a hostile line is capped, not parsed forever', () => {
  const line = '2022年1月'.repeat(5000);
  assert.equal(findDateMentions(line, 2026).length, MAX_MENTIONS_PER_LINE);
  const digits = `${'1'.repeat(200_000)}年`;
  const t0 = Date.now();
  assert.deepEqual(findDateMentions(digits, 2026), []);
  assert.ok(Date.now() - t0 < 2000, 'a long digit run does not reach chrono');
});

test('two-digit years pivot on the reference year; ISO values follow the precision', () => {
  assert.equal(expandYear(22, 2026), 2022);
  assert.equal(expandYear(26, 2026), 2026);
  assert.equal(expandYear(27, 2026), 1927);
  assert.equal(expandYear(98, 2026), 1998);
  assert.equal(expandYear(2022, 2026), 2022);
  assert.equal(isoOf(2022, null, null), '2022');
  assert.equal(isoOf(2022, 9, null), '2022-09');
  assert.equal(isoOf(2022, 9, 1), '2022-09-01');
});

test('inference: anniversaries, five-year plans, 今年是YYYY年', () => {
  assert.equal(countOf('75'), 75);
  assert.equal(countOf('七十五'), 75);
  assert.equal(countOf('一百零五'), 105);
  assert.equal(countOf('十'), 10);
  assert.equal(countOf('一百'), 100);
  const years = (text: string): string[] => inferYears(buildPage(text)).map((y) => `${y.year} ${y.basis}${y.current ? ' current' : ''}`);
  assert.deepEqual(years('今年是新中国成立75周年。'), ['2024 anniversary current']);
  assert.deepEqual(years('庆祝建党100周年大会。'), ['2021 anniversary']);
  assert.deepEqual(years('今年恰逢改革开放40周年。'), ['2018 anniversary current']);
  assert.deepEqual(years('纪念中国人民抗日战争暨世界反法西斯战争胜利80周年。'), ['2025 anniversary']);
  assert.deepEqual(years('2026年是中国共产党成立105周年。'), ['2026 anniversary']);
  assert.deepEqual(years('红军长征出发90周年。'), [], 'the Long March set out in 1934, not 1936: not counted');
  assert.deepEqual(years('入党10周年。'), [], 'a personal anniversary is not a national one');
  assert.deepEqual(years('今年是“十四五”规划开局之年。'), ['2021 five-year-plan current']);
  assert.deepEqual(years('今年是“十五五”规划实施第一年。'), ['2026 five-year-plan current']);
  assert.deepEqual(years('明年是“十四五”规划收官之年。'), ['2024 five-year-plan current']);
  assert.deepEqual(years('今年是2023年。'), ['2023 this-year current']);
});

function reasons(text: string): string[] {
  return collectCandidates(buildPage(text), 2026).map(({ candidate: c }) => `${c.value} ${c.kind} ${c.reason}${c.rejected ? ' x' : ''}`);
}

test('candidates: every trap is rejected with its reason', () => {
  assert.deepEqual(reasons('正文。\n参考文献：\n[1] 张磊.公安工作论述的思想要义[J].人民论坛,2016(7).'), ['2016 event rejected:reference-list x']);
  assert.deepEqual(reasons('宋玮月.公安民警思想政治工作创新研究[J].产业与科技论坛,2015(1).'), ['2015 event rejected:reference-list x']);
  assert.deepEqual(reasons('作出(2019)京01刑初123号刑事判决，被告人不服提出上诉。'), ['2019 event rejected:case-number x']);
  assert.deepEqual(reasons('本规划期为2016-2020年，主要任务是推进平安建设。'), ['2020 event rejected:year-range x']);
  assert.deepEqual(reasons('客户端已升级至版本v2022.1.3，新增来电预警功能。'), ['2022-01-03 event rejected:version-number x']);
  assert.deepEqual(reasons('被告人康某某，男，2003年9月26日出生，初中文化。'), ['2003-09-26 event rejected:birth-date x']);
  assert.deepEqual(reasons('到2035年，基本实现公安工作现代化。'), ['2035 event rejected:target-date x']);
  assert.deepEqual(reasons('今天是：2023年10月11日 星期三\n网站首页'), ['2023-10-11 event rejected:clock-widget x']);
  assert.deepEqual(reasons('2022年2月15日，志愿者在社区分发物资。新华社记者 张三 摄'), ['2022-02-15 event rejected:photo-caption x']);
  assert.deepEqual(reasons('根据编号为20260203的工作方案，各单位要抓好落实，确保各项措施落地见效。'), ['2026-02-03 event rejected:number-not-in-header x']);
  assert.deepEqual(reasons('上一篇：县公安局召开年度总结大会 2022-01-28'), ['2022-01-28 event rejected:navigation x']);
  assert.deepEqual(reasons('正文很长的一段话，讲述了事情的来龙去脉。\n相关阅读：\n另一篇文章\n2023-07-12'), ['2023-07-12 event rejected:related-list x']);
  assert.deepEqual(reasons('拨打举报电话：0871-8223456反映情况。全县4/5G网络覆盖率达到98.5%。'), []);
});

test('candidates: published signals carry their reason', () => {
  assert.deepEqual(reasons('标题\n发布时间：2022-09-11 来源：市公安局\n正文第一句话很长很长，讲述了事情的来龙去脉。'), ['2022-09-11 published published-label']);
  assert.deepEqual(reasons('标题\n2022-11-24      访问:0\n正文第一句话很长很长，讲述了事情的来龙去脉。'), ['2022-11-24 published beside-header-field']);
  assert.deepEqual(reasons('标题\n发文日期：\n2023-04-18\n正文第一句话很长很长，讲述了事情的来龙去脉。'), ['2023-04-18 published published-label']);
  assert.deepEqual(reasons('标题\n某县统计局\n（2023年5月）\n正文第一句话很长很长，讲述了事情的来龙去脉。'), ['2023-05 published issuer-date']);
  assert.deepEqual(reasons('正文第一句话很长很长，讲述了事情的来龙去脉。\n所属专栏 · 2020-06-07 03:12 更新\n编辑于 2020-03-03 23:01'), [
    '2020-06-07 published update-stamp',
    '2020-03-03 published edit-label',
  ]);
  assert.deepEqual(reasons('会议时间：2023年3月5日\n收稿日期：2019-03-05'), ['2023-03-05 event header-text-date', '2019-03-05 event manuscript-date']);
});

test('choice: published beats event beats inferred; within published the stronger signal, then the earliest', () => {
  const text = [
    '全国公安厅局长会议精神解读',
    '更新时间：2024-01-20',
    '发布时间：2024-01-16',
    '今年是新中国成立75周年。1月14日，全国公安厅局长会议在京召开，研究部署今年公安工作，要求全警奋发有为。',
  ].join('\n');
  const d = detectDate(buildPage(text), REF);
  assert.equal(d?.value, '2024-01-16');
  assert.equal(d?.kind, 'published');
  assert.deepEqual(
    d?.candidates.map((c) => `${c.value} ${c.kind}`),
    ['2024-01-20 published', '2024-01-16 published', '2024 inferred', '2024-01-14 event'],
    'every candidate, in reading order',
  );
  const noHeader = detectDate(buildPage(text.split('\n').slice(3).join('\n')), REF);
  assert.equal(`${noHeader?.value} ${noHeader?.kind}`, '2024-01-14 event');
  const onlyInferred = detectDate(buildPage('今年是新中国成立75周年，全市公安机关要全力做好安保维稳工作。'), REF);
  assert.equal(`${onlyInferred?.value} ${onlyInferred?.precision} ${onlyInferred?.kind}`, '2024 year inferred');
});

test('choice: a future event is a plan and loses to a past one; a bare body year is never chosen', () => {
  const d = detectDate(buildPage('计划自2030年7月6日起实施。2022年8月8日，公司在深交所主板上市。'), REF);
  assert.equal(d?.value, '2022-08-08');
  assert.equal(detectDate(buildPage('2025年，三峡船闸货运量跃升至1.73亿吨。'), REF), null);
});

test('evidence columns count code points (an astral character counts once)', () => {
  const d = detectDate(buildPage('标题\n𠀀𠀀 时间：2022-09-11\n正文第一句话很长很长，讲述了事情的来龙去脉。'), REF);
  assert.deepEqual(d?.evidence, { line: 2, column: 7, text: '2022-09-11' });
});

function config(referenceDate?: string): Config {
  return referenceDate ? { ...defaultConfig(), referenceDate } : defaultConfig();
}

function run(text: string, cfg: Config) {
  return processFile('seeds/x.txt', 'x.txt', Buffer.from(text, 'utf8'), cfg);
}

test('date/suspicious: later than the reference date, or before 1949, is a warning with evidence', () => {
  const future = run('标题\n时间：2030-01-01\n正文第一句话很长很长，讲述了事情的来龙去脉。', config('2026-01-01'));
  const d = future.messages.filter((m) => m.ruleId === SUSPICIOUS_DATE_RULE);
  assert.equal(d.length, 1);
  assert.equal(d[0]?.severity, 'warning');
  assert.equal(d[0]?.line, 2);
  assert.equal(d[0]?.column, 4);
  assert.equal(d[0]?.evidence, '2030-01-01');
  assert.equal(future.record.date?.value, '2030-01-01', 'the date is still reported');

  const early = run('标题\n时间：1930-05-01\n正文第一句话很长很长，讲述了事情的来龙去脉。', config('2026-01-01'));
  assert.equal(early.messages.filter((m) => m.ruleId === SUSPICIOUS_DATE_RULE).length, 1);

  const fine = run('标题\n时间：2025-12-31\n正文第一句话很长很长，讲述了事情的来龙去脉。', config('2026-01-01'));
  assert.deepEqual(fine.messages.filter((m) => m.ruleId === SUSPICIOUS_DATE_RULE), []);
  assert.equal(fine.record.date?.value, '2025-12-31');
});

test('the reference date is the configured one, else today in UTC', () => {
  assert.equal(referenceDateOf(config('2024-03-01')), '2024-03-01');
  assert.equal(referenceDateOf(config(), new Date(Date.UTC(2025, 0, 2, 23, 59))), '2025-01-02');
  assert.equal(isSuspicious('2026-02', '2026-01-31'), true);
  assert.equal(isSuspicious('2026-01', '2026-01-31'), false);
  assert.equal(isSuspicious('2026', '2026-01-31'), false);
  assert.equal(isSuspicious('1948-12-31', '2026-01-31'), true);
});

test('records with dates validate against the record schema', () => {
  const r = run('标题\n时间：2022-09-11 07:40:25\n正文第一句话很长很长，讲述了事情的来龙去脉。\n参考文献：\n[1] 张磊.论述[J].人民论坛,2016(7).', config('2026-01-01'));
  assert.deepEqual(r.messages.filter((m) => m.ruleId.startsWith('schema/')), []);
  assert.equal(r.record.date?.precision, 'day');
  assert.ok(r.record.date?.candidates.some((c) => c.rejected === true && c.reason === 'rejected:reference-list'));
});
