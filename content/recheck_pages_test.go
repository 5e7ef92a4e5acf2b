package content

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A re-check (the session of 2026-12-06) of the importer changes ee8954d..4775ae9: legitimate
// articles the new rules damage or refuse. Each page imported whole with
// the binary built at ee8954d.

func recheckPage(name, title, inner, post string) []byte {
	return []byte(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>` + title + `_北辰遴选</title>
<link rel="canonical" href="https://www.beichenlx.com/news/` + name + `.html"></head><body>
<div class="nav"><a href="/">首页</a> <a href="/news/">时政</a></div>
` + inner + `
` + post + `
<div class="footer">北辰遴选 版权所有 © 2024</div></body></html>`)
}

func recheckP(ps ...string) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("<p>" + p + "</p>")
	}
	return b.String()
}

// recheckArticle is a page of an article under a heading and a date line.
func recheckArticle(name, title string, inner string) []byte {
	return recheckPage(name, title, `<div class="article"><h1>`+title+`</h1><div class="info">发布时间：2024-06-01 来源：北辰遴选</div><div class="content">`+inner+`</div></div>`, "")
}

// Defect 1: dropComments removes any block named comment…/reply…/discuss…
// that says 评论, 留言, 回复, 网友 or 楼, whatever its length: an opinion
// column's article (人民网评论), a 真题评析 in "comment-analysis", a
// 留言板 answer in "reply-content" are taken out whole and the page is
// refused as a list page. ee8954d imported all three.
func TestRecheckCommentNamedArticleIsKept(t *testing.T) {
	pages := map[string][]byte{
		"shiping": recheckPage("shiping", "以实干实绩检验主题教育成效",
			`<div class="comment-article"><h1>以实干实绩检验主题教育成效</h1><div class="info">发布时间：2024-05-06 来源：人民网评论</div>`+recheckP(
				"本文系人民网评论员文章。开展主题教育，根本目的在于推动工作、解决问题。检验主题教育成效，关键要看是否解决了群众急难愁盼问题。",
				"网友留言中，不少人提到办事难、办事慢的问题。各级党组织要把群众的评论当作考卷，把回复群众诉求作为检验作风的标尺。",
				"实干才能出实绩。要坚持问题导向，把调查研究贯穿始终，以钉钉子精神推动各项任务落地见效。")+`</div>`, ""),
		"comment-analysis": recheckPage("comment-analysis", "2024年遴选笔试真题评析",
			`<h1>2024年遴选笔试真题评析</h1><div class="date">2024-06-01</div><div class="comment-analysis">`+recheckP(
				"今年的遴选笔试延续了往年的风格，材料围绕基层治理展开。第一题要求概括材料中网格员的主要工作，考生要注意从材料中提炼要点。",
				"第二题是评论类题目，要求考生对“网友热议的基层减负”现象写一篇评论，观点要鲜明，论证要充分，字数500字左右。",
				"第三题是公文写作，要求以某区委办公室的名义起草一份通知。")+`</div>`, ""),
		"reply-guide": recheckPage("reply-guide", "关于遴选报名资格的答复",
			`<h1>关于遴选报名资格的答复</h1><div class="time">发布时间：2024-07-02</div><div class="reply-content">`+recheckP(
				"网友留言：我是2022年考录的乡镇公务员，试用期满后工作满两年，请问能否报考今年的省直机关遴选？",
				"回复：您好！根据公告要求，报考人员须在乡镇（街道）机关工作满2年（含试用期），计算截止时间为2024年7月31日。您如符合条件，可以报名。感谢您的留言。",
				"答复单位：省委组织部公务员二处")+`</div>`, ""),
	}
	for name, page := range pages {
		a, err := ExtractHTML(page, "https://www.beichenlx.com/news/"+name+".html")
		if err != nil {
			t.Errorf("%s: refused: %v", name, err)
			continue
		}
		if len([]rune(a.Body)) < 80 {
			t.Errorf("%s: body %q", name, a.Body)
		}
	}
}

// Defect 2: withoutBoilerplate drops any paragraph of 60 characters or
// fewer that holds 关注我们, 点在看 (重点在看), 扫码关注, 识别二维码, 点击上方,
// 免责声明, 如有侵权 — anywhere in the text: a notice's 报名方式 and 查询方式,
// a guide's step, a quote, a legal article's headings.
func TestRecheckBoilerplateWordsInsideTheText(t *testing.T) {
	for _, c := range []struct{ name, keep string }{
		{"zhongdian", "考核一名干部，重点在看实绩。"},
		{"cunzhishu", "村党支部书记说：“总书记一直关注我们村的发展。”"},
		{"baoming", "二、报名方式：考生请扫码关注“浙江人事考试”公众号，进入报名系统填写信息。"},
		{"qrcode", "考生可登录报名网站，或长按识别二维码进入查询系统，输入身份证号和准考证号查询本人成绩。"},
		{"dianji", "第二步：点击上方“网上报名”按钮，进入报名系统，注册账号。"},
		{"mianze", "一、免责声明的效力"},
		{"mianze2", "二、网络平台如有侵权行为应承担的责任"},
	} {
		page := recheckArticle(c.name, "遴选备考资料", recheckP(
			"中央组织部近日印发通知，要求进一步改进干部考核工作，突出实干实绩导向，防止考核过多过频。",
			c.keep,
			"通知强调，要把考核结果作为干部选拔任用、评先奖优、问责追责的重要依据，激励干部担当作为。"))
		a, err := ExtractHTML(page, "https://www.beichenlx.com/news/"+c.name+".html")
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if !strings.Contains(a.Body, c.keep) {
			t.Errorf("%s: the paragraph %q is gone:\n%s", c.name, c.keep, a.Body)
		}
	}
}

// Defect 3: 时间： joined the labels of a page's date line: a notice whose
// text begins with its event's time (时间：2024年8月20日 19:30, then 地点：…)
// loses that line, and an undated page takes the event's day (the exam's,
// in the future) as its published_on.
func TestRecheckEventTimeLineIsTheNotices(t *testing.T) {
	page := recheckArticle("huiyi2", "遴选面试培训讲座通知", recheckP("时间：2024年8月20日 19:30", "地点：线上直播（腾讯会议）",
		"主讲：李老师，北辰遴选面试主讲，十年面试辅导经验。", "讲座内容：结构化面试的答题思路、常见题型和考场礼仪，欢迎各位考生准时参加。"))
	a, err := ExtractHTML(page, "https://www.beichenlx.com/news/huiyi2.html")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Body, "2024年8月20日 19:30") {
		t.Errorf("dated page: the event's time is gone from the notice:\n%s", a.Body)
	}
	undated := recheckPage("kaoshi", "2024年遴选笔试考场安排", `<div class="article"><h1>2024年遴选笔试考场安排</h1><div class="content"><p><span>时间：2024年9月7日</span></p>`+recheckP(
		"考点：浙江工业大学（朝晖校区）", "考生须于考试开始前30分钟凭准考证和身份证进入考场，开考15分钟后不得入场。",
		"考试结束前不得交卷离场，请考生自备黑色签字笔、2B铅笔和橡皮。")+`</div></div>`, "")
	a, err = ExtractHTML(undated, "https://www.beichenlx.com/news/kaoshi.html")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Body, "2024年9月7日") || a.PublishedOn == "2024-09-07" {
		t.Errorf("undated page: published_on %q (the exam's day), body:\n%s", a.PublishedOn, a.Body)
	}
}

// Defect 4: an article that is an annotated list (推荐书目 with a note
// under each book, a 文件汇编, an FAQ whose questions are anchors
// <a name>, a daily 时政要闻 digest), under its heading and its date line,
// is refused as a list page.
func TestRecheckAnnotatedListArticleIsAnArticle(t *testing.T) {
	books := [][2]string{{"习近平谈治国理政（第四卷）", "收录了习近平总书记在2020年2月3日至2022年5月10日期间的讲话、谈话、演讲等，是遴选笔试时政理论的必读书。"},
		{"习近平新时代中国特色社会主义思想学习纲要", "系统阐述了这一思想的核心要义、精神实质、丰富内涵和实践要求，适合搭建理论框架。"},
		{"中国共产党简史", "全面记述了党的百年奋斗历程，适合复习党史知识，应对遴选笔试中的党史题。"},
		{"党政机关公文处理工作条例释义", "逐条解读公文种类、格式和办理程序，是准备公文写作题的工具书。"},
		{"人民日报评论年编", "收录了人民日报年度重要评论，适合积累申论素材和规范表达。"}}
	var shumu strings.Builder
	shumu.WriteString("<p>不少考生问我们备考该读哪些书。我们整理了五本书，供大家参考。</p><ul>")
	for i, b := range books {
		fmt.Fprintf(&shumu, `<li><a href="https://book.example.com/%d">《%s》</a>：%s</li>`, i, b[0], b[1])
	}
	shumu.WriteString("</ul><p>祝大家备考顺利！</p>")
	qa := [][2]string{{"遴选的报名条件有哪些？", "须在乡镇（街道）机关工作满2年，近三年年度考核均为称职以上等次，身体健康，具有大学本科以上学历。"},
		{"试用期是否计入工作年限？", "试用期计入基层工作年限，但报名时须已转正定级，计算截止时间以公告为准。"},
		{"遴选笔试考什么？", "笔试主要测试政策理论水平、分析和解决问题的能力以及文字表达能力，题型以案例分析、公文写作为主。"},
		{"遴选后是否还有试用期？", "遴选是公务员的调任性质，不再设置试用期，但有的单位会安排一定时间的考察期。"},
		{"没有通过资格审查怎么办？", "可以在资格审查结果公布后两个工作日内向组织部门申请复核，逾期不予受理。"}}
	var faq strings.Builder
	for i, q := range qa {
		fmt.Fprintf(&faq, `<div class="faq-item"><h3><a name="q%d">%d. %s</a></h3><p>答：%s</p></div>`, i, i+1, q[0], q[1])
	}
	news := [][2]string{{"李强主持召开国务院常务会议", "会议研究部署进一步优化营商环境的政策措施，审议通过《关于加快发展银发经济的意见》。"},
		{"全国组织部长会议在京召开", "会议强调，要深入学习贯彻新时代党的组织路线，着力建设堪当民族复兴重任的高素质干部队伍。"},
		{"中办印发《整治形式主义为基层减负若干规定》", "规定从精简文件会议、规范督查检查考核等方面提出具体措施，为基层松绑减负。"},
		{"国家统计局发布一季度经济数据", "一季度国内生产总值同比增长5.3%，经济运行开局良好，为实现全年目标打下基础。"}}
	var yaowen strings.Builder
	yaowen.WriteString("<p>每日时政，助力遴选备考。今日要闻如下：</p><ol>")
	for i, n := range news {
		fmt.Fprintf(&yaowen, `<li><a href="https://www.news.cn/%d.htm">%s</a> %s</li>`, i, n[0], n[1])
	}
	yaowen.WriteString("</ol>")
	for name, c := range map[string][2]string{
		"shumu":  {"遴选备考推荐书目（附点评）", shumu.String()},
		"faq":    {"2024年遴选常见问题解答", faq.String()},
		"yaowen": {"4月16日时政要闻汇总", yaowen.String()},
	} {
		if _, err := ExtractHTML(recheckArticle(name, c[0], c[1]), "https://www.beichenlx.com/news/"+name+".html"); err != nil {
			t.Errorf("%s: refused: %v", name, err)
		}
	}
}

// Defect 5: with <title> empty, the first <h1> is the title even when it
// is the site's logo (README: "a site logo's heading is not the
// article's"): ee8954d refused the page ("title is empty"); now it is
// imported as 北辰遴选, its own heading (an <h2>) ignored.
func TestRecheckLogoHeadingIsNoTitle(t *testing.T) {
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title></title></head><body>
<div class="header"><h1 class="logo"><a href="/">北辰遴选</a></h1></div>
<div class="article"><h2>新质生产力的内涵和要求</h2><div class="info">发布时间：2024-03-01</div><div class="content">` + recheckP(
		"新质生产力是创新起主导作用，摆脱传统经济增长方式、生产力发展路径，具有高科技、高效能、高质量特征，符合新发展理念的先进生产力质态。",
		"它由技术革命性突破、生产要素创新性配置、产业深度转型升级而催生，以劳动者、劳动资料、劳动对象及其优化组合的跃升为基本内涵。") + `</div></div></body></html>`
	a, err := ExtractHTML([]byte(page), "https://www.beichenlx.com/news/logo.html")
	if err == nil && a.Title == "北辰遴选" {
		t.Errorf("the site's logo is the article's title: %q", a.Title)
	}
}

// Defect 6: readability's CharThresholds at 140: a notice of 140–500
// characters keeps readability's first pass, which drops blocks it names
// unlikely (remark, extra, social, header): its 备注, its phone numbers,
// a section heading. At 500, ee8954d retried and kept them.
func TestRecheckShortNoticeKeepsItsBlocks(t *testing.T) {
	main := recheckP("各位考生：经研究，2024年市直机关公开遴选公务员面试定于7月20日（星期六）在市委党校举行，请进入面试的考生按时参加，具体要求如下。",
		"一、考生须携带本人有效居民身份证和面试通知书，于当日上午7:30前到市委党校报到，抽签确定面试顺序，8:00后未报到的视为自动放弃面试资格。",
		"二、面试采取结构化面试方式，每名考生答题时间为15分钟，面试成绩当场公布。考生在候考期间不得使用手机等通讯工具，不得随意离开候考室。")
	for _, c := range []struct{ block, keep string }{
		{`<div class="remark"><p>备注：面试当天如遇恶劣天气，考试时间另行通知，请考生关注本网站。考生的面试成绩将于面试结束后三个工作日内在本网站公布。</p></div>`, "备注："},
		{`<div class="extra"><p>联系电话：0571-12345678（工作日9:00-17:00），监督电话：0571-87654321。</p></div>`, "联系电话"},
		{`<div class="section-header"><h3>三、体检安排</h3></div><p>面试结束后，按照1:1比例确定体检人选，体检时间另行通知。</p>`, "三、体检安排"},
	} {
		page := recheckArticle("notice", "关于2024年遴选面试安排的通知", main+c.block+"<p>中共某市委组织部</p>")
		a, err := ExtractHTML(page, "https://www.beichenlx.com/news/notice.html")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Body, c.keep) {
			t.Errorf("%q is gone from the notice:\n%s", c.keep, a.Body)
		}
	}
}

// Defect 7: the full-width colon check reads every line of the front
// matter as a key: a block scalar's line "  Q：…" (valid YAML, imported
// by ee8954d) is refused.
func TestRecheckFullWidthColonInsideABlockValue(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "qa.md")
	os.WriteFile(p, []byte("---\ntitle: 遴选问答\nsummary: >-\n  Q：遴选和选调有什么区别？\n  A：遴选面向在职公务员，选调面向应届毕业生。\n---\n正文一段。\n"), 0o644)
	arts, errs := ReadPaths([]string{p}, ReadOptions{})
	if len(arts) != 1 || len(errs) != 0 {
		t.Errorf("%d articles, errors %v", len(arts), errs)
	}
}

// Defect 8: a JSON Lines text holding one entity or tag (x&lt;y, &nbsp;
// written about) is parsed as HTML whole: a plain "<" before a letter
// opens a tag that swallows the text after it (the body "表达式 x<y
// 返回布尔值。…" became "表达式 x").
func TestRecheckJSONLPlainTextWithLessThan(t *testing.T) {
	line := `{"id":"j6","title":"Python比较运算","url":"https://example.com/j6","summary":"表达式 x<y 返回布尔值。","body":"表达式 x<y 返回布尔值。\n\n如果要在网页里显示“x<y”，需写成 x&lt;y。\n\n这是第三段。"}` + "\n" +
		`{"id":"j5","title":"公文排版常见问题","url":"https://example.com/j5","summary":"网页编辑器中的空格往往是&nbsp;实体。","body":"第一，标题居中。\n\n第二，正文首行缩进两字符。\n\n第三，a<b 时取小者，b>c 时取大者。&nbsp;"}` + "\n"
	arts, errs := ReadJSONL(strings.NewReader(line), "t.jsonl")
	if len(arts) != 2 {
		t.Fatalf("%v", errs)
	}
	if !strings.Contains(arts[0].Body, "这是第三段") {
		t.Errorf("j6 body %q", arts[0].Body)
	}
	if !strings.Contains(arts[1].Body, "a<b 时取小者") {
		t.Errorf("j5 body %q", arts[1].Body)
	}
}

// Defect 9 (lower): a folder of notices with their attachments (职位表.pdf,
// 报名表.docx) now fails: each attachment is "skipped" with advice to turn
// a form into Markdown, exit status 1 on every run (a cron import alarms).
func TestRecheckAttachmentsBesideNotices(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "公告.md"), []byte("---\ntitle: 关于2024年遴选的公告\nurl: https://example.com/n1\n---\n根据有关规定，决定公开遴选公务员。职位表见附件。\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "附件1-职位表.pdf"), []byte("%PDF-1.4"), 0o644)
	os.WriteFile(filepath.Join(dir, "附件2-报名表.docx"), []byte("PK"), 0o644)
	arts, errs := ReadPaths([]string{dir}, ReadOptions{})
	if len(arts) != 1 || len(errs) != 0 {
		t.Errorf("%d articles, errors %v", len(arts), errs)
	}
}

// Defect 10 (lower): splitDate reads any class="year" beside class="day":
// an exam countdown in the sidebar gave an undated article the exam's
// (future) day.
func TestRecheckCountdownIsNoDate(t *testing.T) {
	page := recheckPage("cal", "遴选备考经验分享", `<div class="article"><h1>遴选备考经验分享</h1><div class="content">`+recheckP(
		"我是2023年考上省直机关遴选的，备考用了四个月，主要经验是多做真题、多写提纲、多练表达。笔试方面，我把近五年的真题做了三遍，每道题都写出答题提纲并对照参考答案修改。",
		"面试方面，我每天坚持对着镜子练习十五分钟，录音后回听，找出口头禅和逻辑不清的地方。")+`</div></div>`,
		`<div class="sidebar"><div class="countdown">距2025年遴选笔试还有 <span class="year">2025</span> <span class="day">06/15</span></div></div>`)
	a, err := ExtractHTML(page, "https://www.beichenlx.com/news/cal.html")
	if err != nil {
		t.Fatal(err)
	}
	if a.PublishedOn == "2025-06-15" {
		t.Errorf("published_on %q: the countdown's exam day", a.PublishedOn)
	}
}

// Defect 11 (lower): two different articles (other titles, other text)
// whose pages give one canonical link (a CMS pointing every page of a
// column at the column) are said to be "the same page saved twice?
// remove one copy": the operator is told to delete an article.
func TestRecheckTwoArticlesOneCanonicalAreNotOnePage(t *testing.T) {
	dir := t.TempDir()
	for i, c := range [][2]string{{"遴选面试真题解析（一）", "第一题考查综合分析能力，要求考生谈谈对基层减负的理解，答题要点包括意义、问题和对策三个方面。"},
		{"遴选面试真题解析（二）", "第二题考查组织协调能力，要求考生组织一次调研活动，答题要点包括准备、实施和总结三个环节。"}} {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%d.html", i)), []byte(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>`+c[0]+`</title><link rel="canonical" href="https://www.beichenlx.com/mianshi/"></head><body><h1>`+c[0]+`</h1><div class="content"><p>`+c[1]+`</p><p>`+c[1]+`</p></div></body></html>`), 0o644)
	}
	_, errs := ReadPaths([]string{dir}, ReadOptions{})
	if len(errs) == 1 && strings.Contains(errs[0].Error(), "remove one copy") {
		t.Errorf("two articles called one page saved twice: %v", errs[0])
	}
}
