// The shared page model: line kinds, header fields (also split over two lines), blocks of a
// page without line breaks, the page top, and evidence columns in code points.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildPage, codePointLength, evidenceAt, evidenceIn, headerFields, lineAt, type LineKind } from '../pipeline/page.js';

function kinds(text: string): LineKind[] {
  return buildPage(text).lines.map((l) => l.kind);
}

test('classifies page furniture, header fields, navigation and content lines', () => {
  const cases: [string, LineKind][] = [
    ['新闻中心', 'boilerplate'],
    ['论文部分内容阅读', 'boilerplate'],
    ['您当前所在位置：首页>政务公开>统计数据', 'boilerplate'],
    ['扫一扫在手机打开当前页', 'boilerplate'],
    ['时间:2022-09-11 07:40:25', 'header'],
    ['发布时间：2023-06-12 来源：市公安局 浏览次数：12', 'header'],
    ['2022-11-24      访问:0', 'header'],
    ['2026-01-31 07:00:44', 'header'],
    ['责任编辑：王五', 'header'],
    ['上一篇:企业社会责任 下一篇:高职本科', 'nav'],
    ['本帖最后由 老刘 于 2023-4-2 10:12 编辑', 'forum'],
    ['\u200b关注他', 'forum'],
    ['97 人赞同了该文章', 'forum'],
    ['发布于 2020-01-26 02:56', 'header'],
    ['摘要:笔者认为,努力做好公安工作', 'abstract'],
    ['关键词:新疆 社会稳定', 'keywords'],
    ['【关键词】', 'keywords'],
    ['参考文献:', 'reference'],
    ['[1] 李之传.试论公安政治工作[J].辽宁警察学院学报,2016(2).', 'reference'],
    ['(作者系江苏省徐州市副市长、公安局局长)', 'attribution'],
    ['文/王小明', 'byline'],
    ['本报记者 刘洋 陈静', 'byline'],
    ['上海市市长 龚 正', 'byline'],
    ['——2026年1月27日在青海省第十四届人民代表大会第四次会议上', 'subtitle'],
    ['自治区人民政府主席包钢作政府工作报告。本报记者 韩卿立 摄', 'caption'],
    ['一、事前化解,注重处置的有效性', 'heading'],
    ['（一）提前介入', 'heading'],
    ['【基本案情】', 'heading'],
    ['## （检例第201号）姚某某等人网络诈骗案', 'heading'],
    ['关于加快推进市域社会治理现代化的思考', 'body'],
  ];
  for (const [text, kind] of cases) assert.equal(buildPage(text).lines[0]!.kind, kind, text);
});

test('a header key alone on its line takes the next line as its value', () => {
  const page = buildPage('索 引 号：\n014742224A/2023-0043406\n发文日期：\n2023-04-18\n来源：\n访问量：199\n正文开始。');
  const fields = headerFields(page).map(({ field }) => [field.key, field.value, field.valueLine]);
  assert.deepEqual(fields, [
    ['索引号', '014742224A/2023-0043406', 2],
    ['发文日期', '2023-04-18', 4],
    ['来源', '', 5],
    ['访问量', '199', 6],
  ]);
  assert.deepEqual(kinds('时间：\n2026-02-02 09:20'), ['header', 'header']);
});

test('several fields on one line, and an unlabelled date before the first key', () => {
  const page = buildPage('2022-11-24      访问:0\n作者：张三  来源：平安时报  发布时间：2023-02-01');
  const fields = headerFields(page).map(({ field }) => `${field.key}=${field.value}`);
  assert.deepEqual(fields, ['=2022-11-24', '访问=0', '作者=张三', '来源=平安时报', '发布时间=2023-02-01']);
  const author = headerFields(page).find(({ field }) => field.key === '作者')!.field;
  assert.equal(page.lines[1]!.text.slice(author.valueIndex, author.valueIndex + 2), '张三');
});

test('【关键词】 takes the words on the next line', () => {
  const page = buildPage('【关键词】\n\n违规出具金融票证  违法发放贷款\n\n【要旨】');
  const kw = headerFields(page).filter(({ line }) => line.kind === 'keywords');
  assert.equal(kw.length, 1);
  assert.equal(kw[0]!.field.value, '违规出具金融票证  违法发放贷款');
  assert.equal(kw[0]!.field.valueLine, 3);
});

test('a breadcrumb split over lines, and the section name printed again under it, are furniture', () => {
  assert.deepEqual(kinds('您的位置:\n首页\n>\n云南要闻\n云南要闻\n2026年政府工作报告\n来源：云南日报'), [
    'boilerplate', 'boilerplate', 'boilerplate', 'boilerplate', 'boilerplate', 'body', 'header',
  ]);
});

test('a page without line breaks is cut into paragraphs, and a heading run into its paragraph is split off', () => {
  const text =
    '2020年1月18日晚至21日,习近平总书记再次到云南考察并发表了重要讲话,为全省上下践行初心使命、奋进新时代提供了强大的精神动力。' +
    ' 公安机关担负着打击犯罪、维护政治稳定和社会治安秩序的重要职能,在推进藏区长治久安中居于特别重要的地位,要注重“三个到位”。' +
    ' 一、角色认识到位 首先,必须毫不动摇地坚持党对公安工作的绝对领导,这是做好一切工作的根本保证,任何时候都不能动摇,' +
    '要常态化制度化加强理论武装,引导全警增强“四个意识”、坚定“四个自信”、坚决做到“两个维护”,始终在思想上政治上行动上同党中央保持高度一致。';
  const page = buildPage(text);
  assert.equal(page.lines.length, 1);
  const blocks = page.blocks.map((b) => [b.kind, b.text.slice(0, 8)]);
  assert.deepEqual(blocks, [
    ['body', '2020年1月1'],
    ['body', '公安机关担负着打'],
    ['heading', '一、角色认识到位'],
    ['body', '首先,必须毫不动'],
  ]);
  const heading = page.blocks[2]!;
  assert.equal(text.slice(heading.index, heading.index + heading.text.length), '一、角色认识到位');
  assert.equal(page.top, 0);
});

test('the page top ends at the first paragraph; a title printed twice is not a paragraph', () => {
  assert.equal(buildPage('新闻中心\n\n标题在这里\n\n2022-11-24\n\n第一段正文足够长，写了很多内容，这是一个完整的句子，说明了事情的经过和结果。').top, 6);
  const zhihu = '关注\n留学生热心募集50000口罩捐武汉，医生感慨“一线不能用”，发生了什么？\n首发于留学生日报\n留学生热心募集50000口罩捐武汉，医生感慨“一线不能用”，发生了什么？\n正文第一段说明了事情的起因，写得很长很长，足以成为一个段落，大家都看得明白。';
  assert.equal(buildPage(zhihu).top, 4);
  assert.equal(buildPage('在没有卫星信号的地下空间，机器人如何准确找到方向？\n5月10日，在某地铁施工隧道内。').top, 0);
});

test('evidence columns count code points, so an astral character counts once', () => {
  const page = buildPage('𠀀𠀁标题\n第二行 张三');
  assert.equal(codePointLength('𠀀𠀁标题'), 4);
  const ev = evidenceIn(page.lines[0]!, 4, '标题');
  assert.deepEqual(ev, { line: 1, column: 3, text: '标题' });
  const offset = page.text.indexOf('张三');
  assert.deepEqual(evidenceAt(page, offset, 2), { line: 2, column: 5, text: '张三' });
  assert.equal(lineAt(page, offset).no, 2);
});

test('CRLF, CR and an empty text', () => {
  assert.equal(buildPage('a\r\nb\rc\n').lines.length, 3);
  const empty = buildPage('');
  assert.equal(empty.lines.length, 1);
  assert.equal(empty.blocks.length, 0);
  assert.equal(empty.top, 1);
});
