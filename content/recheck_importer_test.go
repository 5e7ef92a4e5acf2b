package content

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A hostile re-check (the session of 2026-12-06, 13:37 UTC onward) of the importer changes
// 635695f..c78a406 (2d36694 bfb2403 1aa1225 ab2c292 b9d6267 cfd1fc3
// c78a406). "Regression" marks an input 635695f imported right (or better)
// and HEAD damages or refuses; "miss" a realistic variant of what a change
// meant to handle that it does not.

var recheckParas = []string{"中央组织部近日印发通知，要求进一步改进干部考核工作，突出实干实绩导向，防止考核过多过频、重留痕轻实绩等问题。",
	"通知强调，要把考核结果作为干部选拔任用、评先奖优、问责追责的重要依据，激励干部担当作为、干事创业。",
	"各地要结合实际抓好贯彻落实，及时总结推广好经验好做法，推动干部考核工作不断取得新成效。"}

const recheckExam = "<p>第一题要求考生根据给定资料1，概括某市推进基层治理现代化的主要做法。题目要求全面、准确、有条理，不超过300字。</p>" +
	"<p>从资料来看，某市的做法主要集中在三个方面：一是党建引领；二是数字赋能；三是多元共治，发动志愿者和社会组织参与社区事务。</p>"

func recheckPs(ps ...string) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("<p>" + p + "</p>")
	}
	return b.String()
}

// recheckSitePage is a site's page: a nav, the inner blocks, a footer.
func recheckSitePage(title, inner string) []byte {
	return []byte(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>` + title + `_北辰遴选</title></head><body><div class="nav"><a href="/">首页</a> <a href="/news/">时政</a></div>` +
		inner + `<div class="footer">北辰遴选 版权所有 © 2024</div></body></html>`)
}

func recheckDecode(t *testing.T, name, body string) Article {
	t.Helper()
	line, _ := json.Marshal(map[string]string{"id": name, "title": "正文测试", "url": "https://www.beichenlx.com/j/" + name + ".html", "body": body})
	a, err := decodeArticle(line)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return a
}

// X1 (regression, 2d36694): prose that names <br> twice (a tutorial on web
// pages or on the WeChat editor) is taken for HTML: the tags named are cut
// out and the sentence broken into paragraphs; an English a <b and c> d is
// eaten as a tag. 635695f kept both as written (no closing tag).
func TestJSONLProseNamingBrTwiceKept(t *testing.T) {
	for name, body := range map[string]string{
		"html-tutorial": "在HTML中，<br>标签表示换行。连续写两个<br>可以空出一行，但更好的做法是用CSS控制段落间距。",
		"wechat-editor": "在公众号后台编辑时，按Shift+Enter插入的是<br/>软换行，按Enter插入的是新段落。导出为HTML后，每个软换行都写成<br/>。",
		"omit-end-tags": "HTML4允许省略段落的结束标签，例如：\n<p>第一段\n<p>第二段\n浏览器会自动补全结束标签。",
	} {
		if a := recheckDecode(t, name, body); a.Body != body {
			t.Errorf("%s: body %q, want it as written", name, a.Body)
		}
	}
}

// X2 (miss, 2d36694): a CMS export without newlines opens its paragraphs
// on one line (<p>…<p>…<p>…), or mixes one <p> with one <br>: the tags stay
// in the body and on the card.
func TestJSONLOpenParagraphsOnOneLine(t *testing.T) {
	for name, c := range map[string]struct {
		body  string
		paras []string
	}{
		"one line": {"<p>第一段讲政策。<p>第二段讲落实。<p>第三段讲成效。", []string{"第一段讲政策。", "第二段讲落实。", "第三段讲成效。"}},
		"p and br": {"<p>第一段讲政策。<br>第二段讲落实。", []string{"第一段讲政策。", "第二段讲落实。"}},
	} {
		a := recheckDecode(t, strings.ReplaceAll(name, " ", "-"), c.body)
		if got := strings.Split(a.Body, "\n\n"); !slices.Equal(got, c.paras) {
			t.Errorf("%s: paragraphs %q, want %q", name, got, c.paras)
		}
	}
}

// X3 (regression, bfb2403): a page whose og:site_name repeats its own
// <title> (a template filling site_name with the title) and whose first <h1>
// is its column's name outside any <header>: the column's name became the
// title (真题解析). 635695f kept the <title>.
func TestTitleRepeatedAsSiteNameKept(t *testing.T) {
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>遴选笔试申论真题解析</title><meta property="og:site_name" content="遴选笔试申论真题解析"></head><body>` +
		`<div class="lanmu"><h1>真题解析</h1></div><div class="article"><h2>遴选笔试申论真题解析</h2><div class="content">` + recheckExam + `</div></div></body></html>`
	a, err := ExtractHTML([]byte(page), "https://www.beichenlx.com/a/1.html")
	if err != nil || a.Title != "遴选笔试申论真题解析" {
		t.Errorf("title %q, %v", a.Title, err)
	}
}

func recheckByline(t *testing.T, head string) Article {
	t.Helper()
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>遴选笔试申论真题解析</title>` + head + `</head><body><div class="article"><h1>遴选笔试申论真题解析</h1><div class="content">` + recheckExam + `</div></div></body></html>`
	a, err := ExtractHTML([]byte(page), "https://www.beichenlx.com/a/1.html")
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// X5 (regression, 1aa1225): an author of the surname 文 whose two-character
// name is spaced to line up (文 静, as bylines pad two-character names) is
// cut to 静. 635695f kept 文 静.
func TestBylineSurnameWenKept(t *testing.T) {
	for _, head := range []string{`<meta name="author" content="文 静">`, `</head><body><span class="author">文 静</span><span></span>`} {
		if a := recheckByline(t, head); a.Author != "文 静" && a.Author != "文静" {
			t.Errorf("%s: author %q, want 文 静", head, a.Author)
		}
	}
}

// X6 (miss, 1aa1225): labels the rule does not know: 文/图 leaves 图 张三
// (635695f: 文/图 张三), 文丨 (U+4E28, WeChat's usual bar) and 文· stay, and
// an ideographic space after 作者： stays at the name's start.
func TestBylineLabelsMissed(t *testing.T) {
	for _, by := range []string{"文/图 张三", "文丨张三", "文·张三", "作者：\u3000张三", "文 | 图 张三"} {
		if a := recheckByline(t, `<meta name="author" content="`+by+`">`); a.Author != "张三" {
			t.Errorf("%s: author %q, want 张三", by, a.Author)
		}
	}
}

func recheckNote(t *testing.T, header string) ([]Article, []error) {
	t.Helper()
	const text = "\n---\n\n正文第一段，讲面试答题的方法与步骤，帮助考生形成稳定的答题节奏。\n"
	p := filepath.Join(t.TempDir(), "note.md")
	if err := os.WriteFile(p, []byte("---\n"+header+text), 0o644); err != nil {
		t.Fatal(err)
	}
	return ReadPaths([]string{p}, ReadOptions{})
}

// X7 (regression, ab2c292): a block scalar opened after an anchor or a tag
// (summary: &s |, summary: !!str |) is taken for a plain value, and its
// indented date: … line refused as an indented key; so is a plain summary
// continued over a line that opens url:https://… (YAML reads it as more of
// the summary). 635695f imported all three as YAML reads them.
func TestFrontMatterValidValuesNotRefused(t *testing.T) {
	for name, header := range map[string]string{
		"anchor":       "title: 遴选面试技巧\nsummary: &s |\n  date: 这一行是摘要的文字\n  第二行",
		"tag":          "title: 遴选面试技巧\nsummary: !!str |\n  date: 这一行是摘要的文字\n  第二行",
		"continuation": "title: 遴选面试技巧\nsummary: 本文整理自北辰遴选公众号，原文地址\n  url:https://mp.weixin.qq.com/s/abc\ndate: 2026-08-01",
	} {
		if arts, errs := recheckNote(t, header); len(errs) != 0 || len(arts) != 1 {
			t.Errorf("%s: %v %v", name, arts, errs)
		}
	}
}

// X8 (miss, ab2c292): a title continued on a second indented line, then the
// key indented: the key is read as more of the title (遴选面试技巧 之二
// summary：面试答题三步法), silently.
func TestFrontMatterIndentedKeyAfterContinuation(t *testing.T) {
	arts, errs := recheckNote(t, "title: 遴选面试技巧\n  之二\n  summary：面试答题三步法\ndate: 2026-08-01")
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "note.md:4:") {
		titles := []string{}
		for _, a := range arts {
			titles = append(titles, a.Title)
		}
		t.Errorf("imported %q, %v; want refused at line 4 (summary indented)", titles, errs)
	}
}

// X9 (miss, b9d6267): pagers the rule does not know leave a column's list
// an article: 当前1/1页, 当前第1/1页, 上页 下页, 每页显示20条, 共有6条记录 1/1,
// 第一页 … 最后一页, 页码：1/1, Prev/Next.
func TestListPageWithOtherPagers(t *testing.T) {
	titles := []string{"关于印发《某市推进基层治理现代化实施方案》的通知", "某市人民政府关于调整最低工资标准的通知", "关于做好2026年度高校毕业生就业工作的通知",
		"某市关于进一步优化营商环境的若干措施", "关于开展2026年安全生产月活动的通知", "某市人民政府办公室关于印发数字政府建设规划的通知"}
	var items strings.Builder
	for i, title := range titles {
		fmt.Fprintf(&items, `<li><span class="date">2026-08-%02d</span><a href="/zwgk/%d.html" title="%s">%s</a></li>`+"\n", 20-i, i, title, title)
	}
	for _, pager := range []string{"共6条 当前1/1页", "共6条记录 当前第1/1页", "上页 下页", "每页显示20条 共6条", "共有6条记录 1/1", "总计6条 第一页 上一页 下一页 最后一页", "记录数：6 页码：1/1", "Prev 1 Next"} {
		page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告_某市人民政府</title></head><body><div class="header"><a href="/">某市人民政府</a></div>` +
			`<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 通知公告</div><div class="list"><ul>` + items.String() + `</ul></div><div class="page">` + pager + `</div></body></html>`
		if a, err := ExtractHTML([]byte(page), "https://www.moushi.gov.cn/zwgk/tzgg/"); err == nil {
			t.Errorf("%s: a list page imported as %q", pager, a.Title)
		}
	}
}

// X10 (regression, cfd1fc3): a short post followed by a 相关文章 section of
// three related posts, each an <article> with its linked heading and date
// in a <header> (Kadence's and many themes' loop entries), is refused as a
// list page: the related posts' excerpts outweigh the post's own text.
// 635695f imported the post.
func TestPostWithRelatedArticlesImported(t *testing.T) {
	rel := func(title, href, date string) string {
		return `<article class="post type-post"><header class="entry-header"><h3 class="entry-title"><a href="` + href + `" rel="bookmark">` + title + `</a></h3><div class="entry-meta"><time class="entry-date published" datetime="` + date + `T09:00:00+08:00">` + date + `</time></div></header>` +
			`<div class="entry-summary"><p>结构化面试是遴选考试的重要环节，考生需要在规定时间内给出有条理、有深度的回答，体现分析问题和解决问题的能力。本文介绍审题定位、搭建框架、结合实际的三步答题法，并附练习建议。</p></div></article>`
	}
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>改进干部考核工作的通知要点 – 北辰遴选</title><link rel="canonical" href="https://www.beichenlx.com/2026/08/kaohe/"></head><body class="single single-post"><main id="main">` +
		`<article id="post-9" class="post type-post"><header class="entry-header"><h1 class="entry-title">改进干部考核工作的通知要点</h1><div class="entry-meta"><time class="entry-date published" datetime="2026-08-21T09:00:00+08:00">2026年8月21日</time></div></header><div class="entry-content">` + recheckPs(recheckParas...) + `</div></article>` +
		`<section class="related-posts"><h2>相关文章</h2>` + rel("遴选面试结构化答题三步法", "/2026/08/p0/", "2026-08-10") + rel("申论大作文如何立意", "/2026/08/p1/", "2026-08-11") + rel("案例分析题的作答框架", "/2026/08/p2/", "2026-08-12") + `</section></main></body></html>`
	a, err := ExtractHTML([]byte(page), "")
	if err != nil || !strings.Contains(a.Body, "突出实干实绩导向") {
		t.Errorf("the post: %q, %v", a.Body, err)
	}
}

// X11 (regression, c78a406): blocks named msg…/pinglun…/comment… that open
// with a bare 留言 or 评论 label are dropped whole with no comment in them:
// a 留言板 page's question (留言 | 回复 blocks: only the answer is left, and
// the summary is the answer), an opinion column's text under its 评论 label
// (the page refused as a list page), a 申论 model essay headed 评论 in a
// comment-essay block (the essay gone). 635695f kept all three.
func TestLabelledBlocksAreNoCommentSections(t *testing.T) {
	op := recheckPs("开展主题教育，根本目的在于推动工作、解决问题。检验主题教育成效，关键要看是否解决了群众急难愁盼问题，是否推动了高质量发展。",
		"实干才能出实绩。要坚持问题导向，把调查研究贯穿始终，以钉钉子精神推动各项任务落地见效，让群众切实感受到变化。",
		"各级领导干部要带头转变作风，真正沉下身子、放下架子，到群众中去，把群众满意作为检验工作的根本标准。")
	for name, c := range map[string]struct {
		page []byte
		keep string
	}{
		"liuyanban": {recheckSitePage("关于遴选报名年限的咨询", `<div class="main"><h1>关于遴选报名年限的咨询</h1><div class="msg-detail"><h3>留言</h3><p>我是2022年考录的乡镇公务员，试用期满后工作满两年，请问能否报考今年的省直机关遴选？希望组织部门予以解答，谢谢。</p><p>留言时间：2024-07-01</p></div>`+
			`<div class="reply-detail"><h3>回复</h3><p>您好！根据公告要求，报考人员须在乡镇（街道）机关工作满2年（含试用期），计算截止时间为2024年7月31日。您如符合条件，可以报名。</p><p>回复单位：省委组织部</p></div></div>`), "请问能否报考今年的省直机关遴选"},
		"opinion":       {recheckSitePage("以实干实绩检验主题教育成效", `<h1>以实干实绩检验主题教育成效</h1><div class="info">2024-05-06 来源：光明网</div><div id="pinglun"><h3>评论</h3>`+op+`</div>`), "实干才能出实绩"},
		"opinion-label": {recheckSitePage("以实干实绩检验主题教育成效", `<div class="comment-main"><div class="channel">评论</div><h2>以实干实绩检验主题教育成效</h2><div class="info">2024-05-06 来源：光明网</div>`+op+`</div>`), "实干才能出实绩"},
		"model-essay": {recheckSitePage("申论评论文写作范文", `<h1>申论评论文写作范文</h1><div class="info">2024-05-06</div><div class="content"><p>下面是一篇评论文范文，供考生参考。</p><div class="comment-essay"><h3>评论</h3>`+
			recheckPs("基层减负，减的是形式主义的负担，不是干事创业的责任。近年来各地出台多项措施为基层松绑，但仍有一些地方变相加码。",
				"破解这一问题，关键在于改进考核方式，用实绩说话，让干部从填表格、拍照片、做台账中解脱出来。")+`</div></div>`), "破解这一问题"},
	} {
		a, err := ExtractHTML(c.page, "https://www.beichenlx.com/news/"+name+".html")
		if err != nil || !strings.Contains(a.Body, c.keep) {
			t.Errorf("%s: %q lost: body %q, %v", name, c.keep, a.Body, err)
		}
	}
}

// X12 (miss, c78a406): one comment under a heading the rule does not read:
// 网友评论（共1条）, 1条评论 (WordPress's 《…》有1条评论 reads so), a heading
// with its 我要评论 link beside it: the comment is the text's last paragraph.
func TestOneCommentUnderOtherHeadings(t *testing.T) {
	for name, head := range map[string]string{
		"gong":  `<h3>网友评论（共1条）</h3>`,
		"tiao":  `<h3>1条评论</h3>`,
		"wp":    `<h3>《改进干部考核工作的通知要点》有1条评论</h3>`,
		"woyao": `<div class="hd"><span>网友评论</span><a href="#f">我要评论</a></div>`,
	} {
		page := recheckSitePage("改进干部考核工作的通知要点", `<div class="article"><h1>改进干部考核工作的通知要点</h1><div class="content">`+recheckPs(recheckParas...)+
			`<div class="comment">`+head+`<div><p>李明：非常实用，第二步的框架我在模拟面试中用过，效果很好，感谢老师分享这么详细的方法。</p></div></div></div></div>`)
		a, err := ExtractHTML(page, "https://www.beichenlx.com/news/"+name+".html")
		if err != nil || strings.Contains(a.Body, "李明") || strings.Contains(a.Body, "评论") {
			t.Errorf("%s: body %q, %v", name, a.Body, err)
		}
	}
}
