// Signs that a text's subject is national rather than one region's: a national meeting
// (全国…会议), a national body acting (公安部部署, 国务院印发), a 最高检 guiding case (检例第N号).
// A national body merely named in passing (落实党中央、国务院决策部署) is a weak sign: every
// provincial report says it.

/** Strong wherever they appear: the text is about a national meeting, act or case series. */
const STRONG =
  /全国[^，。；！？、,;!?\s]{0,14}?(?:会议|大会|电视电话会|座谈会)|检例第[0-9０-９一二三四五六七八九十百零〇]{1,5}号|(?:最高人民检察院|最高人民法院|最高检|最高法)(?:发布|印发|公布)?的?(?:指导性|典型)案例|(?:公安部|国务院|中共中央|中央政法委|最高人民检察院|最高人民法院|全国人大常委会)(?:办公厅|党委)?(?:近日|日前|今天|今年|专门|统一|联合)?(?:部署|印发|召开|发布|公布|出台|通报)/gu;

/** A national body: strong in a title, an author or the page top, weak in the body. */
const BODY =
  /公安部|国务院|中共中央|党中央|中央政法委|最高人民检察院|最高人民法院|最高检|最高法|全国人大|国家监察委员会|中央纪委|(?:外交|国防|教育|科学技术|工业和信息化|民政|司法|财政|人力资源和社会保障|自然资源|生态环境|住房和城乡建设|交通运输|水利|农业农村|商务|文化和旅游|应急管理|国家安全)部|国家发展和?改革委(?:员会)?|国家卫生健康委(?:员会)?|(?:国家)?市场监(?:督)?管(?:理)?总局|中国人民银行|国家统计局|海关总署|国家税务总局|审计署|中国证监会/gu;

/** Passing national words. */
const WEAK = /全国|我国|在京/gu;

export interface NationalCue {
  /** UTF-16 index in the searched text. */
  index: number;
  text: string;
  strength: 'strong' | 'body' | 'weak';
}

/** National cues in one piece of text, non-overlapping, strongest reading first. */
export function nationalCues(text: string): NationalCue[] {
  const out: NationalCue[] = [];
  // Which UTF-16 positions are taken (linear in the text, however many cues a page holds).
  const taken = new Uint8Array(text.length);
  const free = (a: number, b: number): boolean => {
    for (let i = a; i < b; i += 1) if (taken[i] !== 0) return false;
    return true;
  };
  for (const [re, strength] of [
    [STRONG, 'strong'],
    [BODY, 'body'],
    [WEAK, 'weak'],
  ] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const end = m.index + m[0].length;
      if (!free(m.index, end)) continue;
      taken.fill(1, m.index, end);
      out.push({ index: m.index, text: m[0], strength });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
