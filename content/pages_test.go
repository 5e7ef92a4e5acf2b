package content

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// An operator run of pages, notes and exports as they are saved (the session of 2026-12-06, 10:44 UTC onward).

const examPageText = "<p>第一题要求考生根据给定资料1，概括某市推进基层治理现代化的主要做法。题目要求全面、准确、有条理，不超过300字。</p>" +
	"<p>从资料来看，某市的做法主要集中在三个方面：一是党建引领；二是数字赋能；三是多元共治，发动志愿者和社会组织参与社区事务。</p>"

// TestPageDateInInfoSpans (a 时间 alone is no page's date: an event's too,
// a re-check's find): the date line of exam-prep sites
// (DedeCMS/PHPCMS templates write 时间：… 来源：… 作者：… in spans side by
// side) and news.cn's header (year, month/day, time in spans) are the
// page's date; both imported undated.
func TestPageDateInInfoSpans(t *testing.T) {
	for _, c := range []struct{ name, info string }{
		{"shijian-spans", `<span>时间：2024-08-01 09:12</span> <span>来源：北辰遴选</span> <span>作者：李老师</span> <span>浏览：<em>2381</em>次</span>`},
		{"xinhua", `<div class="header-time left"><span class="year"><em> 2024</em></span> <span class="day"><em> 08</em>/<em>01</em></span> <span class="time"> 10:12:30</span></div><div class="source">来源：新华网</div>`},
	} {
		page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>遴选笔试申论真题解析-北辰遴选</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/x">申论</a></div><h1>遴选笔试申论真题解析</h1><div class="info">` + c.info + `</div><div class="content">` + examPageText + `</div></body></html>`
		a, err := ExtractHTML([]byte(page), "https://www.beichenlx.com/a/"+c.name+".html")
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if a.PublishedOn != "2024-08-01" {
			t.Errorf("%s: published_on %q, want 2024-08-01 (body %q)", c.name, a.PublishedOn, a.Body)
		}
	}
}

// TestCommentsAreNotTheArticle: a short article (most Chinese news
// and exam notes are under 500 characters) with readers' comments below
// it: the comments were the article's text, and with 25 of them its
// summary (the follower's card said 我觉得这篇文章说得很有道理…第0楼).
func TestCommentsAreNotTheArticle(t *testing.T) {
	for _, n := range []int{10, 25} {
		var comments strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&comments, `<div class="comment-item"><div class="c-user">网友%d</div><div class="c-body"><p>我觉得这篇文章说得很有道理，今年我也参加了遴选考试，笔试的案例分析题确实很考验综合分析能力，希望明年能上岸，大家一起加油！第%d楼</p></div><div class="c-time">2024-08-02 12:00</div></div>`, i, i)
		}
		page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>遴选考试如何备考案例分析题_遴选备考_公考之家</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/lx/">遴选</a></div>
<div class="article-wrap"><h1>遴选考试如何备考案例分析题</h1><div class="meta">发布时间：2024-08-01 作者：公考之家编辑部</div>
<div class="article-body"><p>案例分析题是遴选笔试的重要题型，考查考生发现问题、分析问题和解决问题的能力。</p>
<p>备考时要多读材料、多练提纲，做到观点明确、论证充分、对策可行。</p></div></div>
<div class="comment-wrap" id="comments"><h3>全部评论（` + fmt.Sprint(n) + `）</h3>` + comments.String() + `
<div class="comment-form"><textarea placeholder="说点什么吧"></textarea><button>发表评论</button></div></div>
<div class="footer">公考之家 版权所有</div></body></html>`
		a, err := ExtractHTML([]byte(page), "https://www.gwyoo.com/lx/2024/0801/7788.html")
		if err != nil {
			t.Fatalf("%d comments: %v", n, err)
		}
		if !strings.HasPrefix(a.Summary, "案例分析题是遴选笔试的重要题型") {
			t.Errorf("%d comments: summary %q", n, a.Summary)
		}
		if strings.Contains(a.Body, "网友") || strings.Contains(a.Body, "第0楼") || !strings.Contains(a.Body, "对策可行") {
			t.Errorf("%d comments: the comments are in the body (%d runes):\n%.300s", n, utf8.RuneCountInString(a.Body), a.Body)
		}
	}
}

// TestOneCommentOrCommentsWithoutClasses: a section named as comments that
// opens by saying so (网友评论（1）) is left out with one comment in it, or
// with comments carrying no class of their own (they had been the text's
// last paragraphs, its heading too).
func TestOneCommentOrCommentsWithoutClasses(t *testing.T) {
	for name, section := range map[string]string{
		"one":        `<div id="comments"><h3>网友评论（1）</h3><div class="comment-item"><p>张伟：非常实用，第二步的框架我在模拟面试中用过，效果很好，感谢老师分享这么详细的方法。</p></div></div>`,
		"no classes": `<div class="pinglun"><h3>网友评论</h3><div><p>李明：非常实用，第二步的框架我在模拟面试中用过，效果很好。</p></div><div><p>王芳：如果没有相关工作经历应该怎么办？希望老师能再写一篇详细讲讲。</p></div></div>`,
		"all":        `<section class="cmt-box"><h4>全部评论 2</h4><p>李明：非常实用，效果很好。</p><p>王芳：希望老师能再写一篇详细讲讲。</p></section>`,
	} {
		page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>遴选笔试申论真题解析</title></head><body><div class="article"><h1>遴选笔试申论真题解析</h1><div class="content">` + examPageText + `</div>` + section + `</div></body></html>`
		a, err := ExtractHTML([]byte(page), "https://www.beichenlx.com/a/1.html")
		if err != nil || strings.Contains(a.Body, "评论") || strings.Contains(a.Body, "老师") || !strings.Contains(a.Body, "社会组织参与社区事务") {
			t.Errorf("%s: body %q, %v", name, a.Body, err)
		}
	}
}

// TestTitleFromHeadingWithoutTitleTag: a page whose <title> is empty
// or missing (a WeChat page as the server sends it without og:title, a
// page whose script sets the title) was refused as "title is empty",
// with its <h1> (#activity-name) right there.
func TestTitleFromHeadingWithoutTitleTag(t *testing.T) {
	for _, head := range []string{`<title></title>`, ``} {
		page := `<!DOCTYPE html><html><head><meta charset="utf-8">` + head + `</head><body><h1 id="activity-name">遴选笔试申论真题解析</h1><div class="content">` + examPageText + `</div></body></html>`
		a, err := ExtractHTML([]byte(page), "https://www.beichenlx.com/a/1.html")
		if err != nil || a.Title != "遴选笔试申论真题解析" {
			t.Errorf("head %q: title %q, %v", head, a.Title, err)
		}
	}
}

// TestSiteNameTitleGivesWayToHeading: a <title> of the site's name only
// (as its og:site_name, or the page's 来源 names it) is no article's title:
// the page's heading is (every page of such a site was titled 北辰遴选).
func TestSiteNameTitleGivesWayToHeading(t *testing.T) {
	for name, head := range map[string]string{
		"og:site_name": `<title>北辰遴选</title><meta property="og:site_name" content="北辰遴选">`,
		"spaced":       `<title> 北辰遴选 </title><meta property="og:site_name" content="北辰遴选">`,
		"source":       `<title>北辰遴选</title>`,
	} {
		page := `<!DOCTYPE html><html><head><meta charset="utf-8">` + head + `</head><body><div class="article"><h1>遴选笔试申论真题解析</h1><div class="info">来源：北辰遴选</div><div class="content">` + examPageText + `</div></div></body></html>`
		a, err := ExtractHTML([]byte(page), "https://www.beichenlx.com/a/1.html")
		if err != nil || a.Title != "遴选笔试申论真题解析" {
			t.Errorf("%s: title %q, %v", name, a.Title, err)
		}
	}
	// A title that is the site's name with the article's (标题-北辰遴选) is
	// cut as before; a page whose heading is the site's name keeps its title.
	page := `<html><head><title>遴选笔试申论真题解析-北辰遴选</title><meta property="og:site_name" content="北辰遴选"></head><body><h1>北辰遴选</h1><div class="content">` + examPageText + `</div></body></html>`
	if a, err := ExtractHTML([]byte(page), "https://www.beichenlx.com/a/2.html"); err != nil || a.Title != "遴选笔试申论真题解析" {
		t.Errorf("title and site: title %q, %v", a.Title, err)
	}
}

// TestFullWidthColonInFrontMatter: a note typed with a Chinese input
// method has title：… (a full-width colon). The refusal cut the colon in
// two (invalid UTF-8 on the operator's terminal: grep called the output
// binary), named a Go type and said nothing of the colon.
func TestFullWidthColonInFrontMatter(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "note.md")
	os.WriteFile(p, []byte("---\ntitle：学习二十届三中全会精神笔记\ndate：2026年8月3日\n---\n\n党的二十届三中全会审议通过了决定。\n"), 0o644)
	_, errs := ReadPaths([]string{p}, ReadOptions{})
	if len(errs) != 1 {
		t.Fatalf("errors %v", errs)
	}
	msg := errs[0].Error()
	if !utf8.ValidString(msg) {
		t.Errorf("the message is not UTF-8: %q", msg)
	}
	if strings.Contains(msg, "content.frontMatter") || !strings.Contains(msg, "：") {
		t.Errorf("the message names a Go type or not the full-width colon: %q", msg)
	}
}

// TestIndentedKeyInFrontMatter: a key indented by mistake under another's
// value is read by YAML as more of that value (the title had been 遴选面试技巧
// summary：面试答题三步法), or with ": " refused with advice to quote the
// title. Each is refused at its line, naming the indented key. A block
// value's indented lines (summary: |) and a list's are the value's.
func TestIndentedKeyInFrontMatter(t *testing.T) {
	const text = "\n---\n\n正文第一段，讲面试答题的方法与步骤，帮助考生形成稳定的答题节奏。\n"
	for name, c := range map[string]struct {
		header string
		line   int // 0: imported
	}{
		"wide colon":  {"title: 遴选面试技巧\n  summary：面试答题三步法\ndate: 2026-08-01", 3},
		"colon":       {"title: 遴选面试技巧\n  summary: 面试答题三步法\ndate: 2026-08-01", 3},
		"tab":         {"title: 遴选面试技巧\n\tauthor: 徐浩然", 3},
		"block":       {"title: 遴选面试技巧\nsummary: |\n  date: 这一行是摘要的文字\n  第二行", 0},
		"folded":      {"title: 遴选面试技巧\nsummary: >-\n  author: 摘要里的字\ndate: 2026-08-01", 0},
		"list":        {"title: 遴选面试技巧\ntags:\n  - 面试\n  - 遴选", 0},
		"not a key":   {"title: 遴选面试技巧\n  之二：答题三步法", 0},
		"quoted text": {"title: \"遴选面试技巧\n  summary：面试\"", 0},
	} {
		dir := t.TempDir()
		p := filepath.Join(dir, "note.md")
		os.WriteFile(p, []byte("---\n"+c.header+text), 0o644)
		arts, errs := ReadPaths([]string{p}, ReadOptions{})
		if c.line == 0 {
			if len(errs) != 0 || len(arts) != 1 {
				t.Errorf("%s: %v %v", name, arts, errs)
			}
			continue
		}
		if len(errs) != 1 {
			t.Errorf("%s: imported %v, want it refused", name, arts)
			continue
		}
		msg := errs[0].Error()
		if !strings.Contains(msg, fmt.Sprintf("note.md:%d:", c.line)) || !strings.Contains(msg, "indented") {
			t.Errorf("%s: %q, want line %d named and the key said to be indented", name, msg, c.line)
		}
	}
}

// TestListPageWithPager: a government site's column lists its notices with
// the date before each link, and a pager below (共8条 1/1页, 上一页 下一页):
// the pager's words, no link's, had made the list an article (通知公告, its
// summary the site's name). An article ending with a pager of its own pages
// stays an article.
func TestListPageWithPager(t *testing.T) {
	titles := []string{"关于印发《某市推进基层治理现代化实施方案》的通知", "某市人民政府关于调整最低工资标准的通知", "关于做好2026年度高校毕业生就业工作的通知",
		"某市关于进一步优化营商环境的若干措施", "关于开展2026年安全生产月活动的通知", "某市人民政府办公室关于印发数字政府建设规划的通知"}
	var items strings.Builder
	for i, title := range titles {
		fmt.Fprintf(&items, `<li><span class="date">2026-08-%02d</span><a href="/zwgk/%d.html" title="%s">%s</a></li>`+"\n", 20-i, i, title, title)
	}
	for _, pager := range []string{"共6条 1/1页", "首页 上一页 1 2 3 下一页 尾页", "共 6 条记录 第 1/1 页 每页 20 条"} {
		page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告_某市人民政府</title></head><body><div class="header"><a href="/">某市人民政府</a></div>` +
			`<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 通知公告</div><div class="list"><ul>` + items.String() + `</ul></div><div class="page">` + pager + `</div></body></html>`
		if a, err := ExtractHTML([]byte(page), "https://www.moushi.gov.cn/zwgk/tzgg/"); err == nil {
			t.Errorf("%s: a list page imported as %q: %q", pager, a.Title, a.Body)
		}
	}
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>遴选笔试申论真题解析</title></head><body><h1>遴选笔试申论真题解析</h1><div class="content">` + examPageText +
		`</div><div class="page">共2页 <a href="/a/1_2.html">下一页</a></div></body></html>`
	if a, err := ExtractHTML([]byte(page), "https://www.beichenlx.com/a/1.html"); err != nil || a.Title != "遴选笔试申论真题解析" {
		t.Errorf("an article with a pager: %q, %v", a.Title, err)
	}
}

// TestArchiveOfArticles: a blog's category page (WordPress: an <article>
// for each post, its linked heading in a <header>, a <time>, an excerpt)
// had been imported as an article titled 分类：面试指导.
func TestArchiveOfArticles(t *testing.T) {
	arts, errs := ReadPaths([]string{filepath.Join("testdata", "pages", "wordpress-archive.html")}, ReadOptions{})
	if len(arts) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "list page") {
		t.Errorf("an archive: %v %v", arts, errs)
	}
	// The post itself, with readers' comments in <article>s, is one.
	arts, errs = ReadPaths([]string{filepath.Join("testdata", "pages", "wordpress-comments.html")}, ReadOptions{})
	if len(arts) != 1 || len(errs) != 0 {
		t.Errorf("a post: %v %v", arts, errs)
	}
}

// TestTitleOnlyNoteIsNoArticle: a Markdown note of a heading alone
// (a stub: # 遴选面试自我介绍模板) imported as an article without text or
// address; a follower asking for it got the title alone back as the
// answer. The same page in HTML is refused (no article text).
func TestTitleOnlyNoteIsNoArticle(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "title-only.md")
	os.WriteFile(p, []byte("# 遴选面试自我介绍模板\n"), 0o644)
	arts, errs := ReadPaths([]string{p}, ReadOptions{})
	if len(arts) != 0 || len(errs) != 1 {
		t.Errorf("imported %+v, errors %v", arts, errs)
	}
}

// TestHTMLInJSONLSummary: a CMS export's summary and body are HTML
// (<p>, <b>, &nbsp;): the follower's card said <p>这是<b>加粗</b>的摘要&nbsp;内容</p>.
func TestHTMLInJSONLSummary(t *testing.T) {
	line := `{"id":"x-10","title":"遴选笔试时间安排","summary":"<p>这是<b>加粗</b>的摘要&nbsp;内容</p>","body":"<p>正文是HTML片段。</p><p>第二段。</p>","url":"https://www.beichenlx.com/x/10.html"}` + "\n"
	arts, errs := ReadJSONL(strings.NewReader(line), "export.jsonl")
	if len(arts) != 1 {
		t.Fatalf("refused: %v", errs)
	}
	if d := Describe(arts[0]); d != "这是加粗的摘要 内容" && d != "这是加粗的摘要\u00a0内容" {
		t.Errorf("card description %q", d)
	}
	if arts[0].Body != "正文是HTML片段。\n\n第二段。" {
		t.Errorf("body %q", arts[0].Body)
	}
}

// TestWeChatBoilerplateNotText: what every WeChat article says around
// its text (点击上方蓝字 关注我们, - END -, 长按二维码 关注我们, 点个“在看”你最好看)
// stayed in the body: each article searchable by 关注我们.
func TestWeChatBoilerplateNotText(t *testing.T) {
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>每日一练 | 遴选案例分析题</title></head><body>
<h1 class="rich_media_title" id="activity-name">每日一练 | 遴选案例分析题</h1><a id="js_name">北辰遴选</a>
<div class="rich_media_content" id="js_content" style="visibility: hidden;">
<section><p style="text-align:center"><span>点击上方蓝字 关注我们</span></p></section>
<p>某市在推进老旧小区改造过程中，部分居民对加装电梯意见不一，低层住户担心采光和噪音，高层住户希望尽快加装。请你谈谈作为社区工作人员如何协调。</p>
<p>首先，深入走访了解诉求。其次，搭建协商平台。最后，依法依规推进，形成书面协议。</p>
<p style="text-align:center">- END -</p><p style="text-align:center">长按二维码 关注我们</p><p style="text-align:center">点个“在看”你最好看</p>
</div><script>var ct = "1722562200";</script></body></html>`
	a, err := ExtractHTML([]byte(page), "https://mp.weixin.qq.com/s?__biz=MzA3NzI0MjY2Mg==&mid=2650123999&idx=2&sn=9999")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"关注我们", "END", "在看"} {
		if strings.Contains(a.Body, s) {
			t.Errorf("body has %q:\n%s", s, a.Body)
		}
	}
}

// TestMarkdownDateForms: 2026/8/1 and 2026.8.1 are read, 2026-8-1 (as
// many Chinese notes write it, and YAML leaves a text) and the typeset
// 2026 年 8 月 1 日 are refused as "not a YYYY-MM-DD date".
func TestMarkdownDateForms(t *testing.T) {
	dir := t.TempDir()
	for i, d := range []string{"2026-8-1", "2026 年 8 月 1 日"} {
		p := filepath.Join(dir, fmt.Sprintf("d%d.md", i))
		os.WriteFile(p, []byte("---\ntitle: 日期测试\ndate: "+d+"\n---\n\n正文内容。\n"), 0o644)
		arts, errs := ReadPaths([]string{p}, ReadOptions{})
		if len(arts) != 1 || arts[0].PublishedOn != "2026-08-01" {
			t.Errorf("date: %s: %+v %v", d, arts, errs)
		}
	}
}

// TestSamePageSavedTwice: one WeChat article saved twice (from the
// desktop and from a phone's link) in one folder: the second is reported
// without a line, and told to give "id: in its front matter", which a
// page has not.
func TestSamePageSavedTwice(t *testing.T) {
	dir := t.TempDir()
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>遴选笔试申论真题解析</title>
<meta property="og:url" content="http://mp.weixin.qq.com/s?__biz=MzA3NzI0MjY2Mg==&amp;mid=2650123456&amp;idx=1&amp;sn=abcdef&amp;chksm=84aa#rd"></head><body><h1 id="activity-name">遴选笔试申论真题解析</h1><div id="js_content">` + examPageText + `</div></body></html>`
	os.WriteFile(filepath.Join(dir, "a.html"), []byte(page), 0o644)
	os.WriteFile(filepath.Join(dir, "b.html"), []byte(page), 0o644)
	_, errs := ReadPaths([]string{dir}, ReadOptions{})
	if len(errs) != 1 {
		t.Fatalf("errors %v", errs)
	}
	if msg := errs[0].Error(); strings.Contains(msg, "front matter") || !strings.Contains(msg, "b.html:1:") {
		t.Errorf("%s", msg)
	}
}

// TestTitlesYAMLReadsOtherwise: titles as Chinese sites and notes
// write them. 每日一练 #12 lost its #12 without a word (YAML read a
// comment); [转载]… and *重要*… were refused with the parser's words alone
// ("did not find expected key"), where a value holding ": " says to quote it.
func TestTitlesYAMLReadsOtherwise(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "hash.md")
	os.WriteFile(p, []byte("---\ntitle: 每日一练 #12\n---\n\n正文内容。\n"), 0o644)
	if arts, errs := ReadPaths([]string{p}, ReadOptions{}); len(arts) == 1 && arts[0].Title != "每日一练 #12" {
		t.Errorf("title %q (no word of the dropped #12): %v", arts[0].Title, errs)
	}
	for _, title := range []string{"[转载]2026年遴选公告解读", "*重要* 遴选公告"} {
		p := filepath.Join(dir, "t.md")
		os.WriteFile(p, []byte("---\ntitle: "+title+"\n---\n\n正文内容。\n"), 0o644)
		_, errs := ReadPaths([]string{p}, ReadOptions{})
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), "quote") {
			t.Errorf("%s: %v", title, errs)
		}
	}
}

// TestExamSiteFurnitureNotText: an exam-prep site's page (GBK as the
// site serves it): its disclaimer box below the article and the QR code's
// 扫码加入…群 line stayed in the body (a follower sending 免责声明 got this
// article's card), and its 时间： line gave no date.
func TestExamSiteFurnitureNotText(t *testing.T) {
	page := `<!DOCTYPE html>
<!-- saved from url=(0052)https://www.beichenlx.com/lxks/shenlun/20240801/1234.html -->
<html lang="zh-CN"><head><meta charset="utf-8"><title>2024年中央机关遴选笔试申论真题解析（一）-北辰遴选</title></head><body>
<div class="main clearfix"><div class="left">
<div class="art-title"><h1>2024年中央机关遴选笔试申论真题解析（一）</h1></div>
<div class="art-info"><span>时间：2024-08-01 09:12</span> <span>来源：北辰遴选</span> <span>作者：李老师</span> <span>浏览：<em>2381</em>次</span></div>
<div class="art-content">
<p>【导读】2024年中央机关遴选笔试已于7月28日结束，本文对申论第一题进行解析，供考生参考。</p>
<p>第一题要求考生根据给定资料1，概括某市推进基层治理现代化的主要做法。题目要求全面、准确、有条理，不超过300字。</p>
<p>答题时要注意：要点要从资料中提炼，不要照抄原文；要按照逻辑顺序排列，做到条理清晰；字数要控制在要求范围内。</p>
<p style="text-align:center"><img src="/img/qrcode.png"><br>扫码加入2024遴选备考交流群，领取真题资料</p>
</div>
<div class="disclaimer">免责声明：本站部分文章来源于网络，如有侵权请联系删除。</div>
</div></div>
<div class="footer">Copyright &copy; 2015-2024 北辰遴选 版权所有 京ICP备12345678号-1</div></body></html>`
	a, err := ExtractHTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"免责声明", "扫码加入"} {
		if strings.Contains(a.Body, s) {
			t.Errorf("body has %q:\n%s", s, a.Body)
		}
	}
	if a.PublishedOn != "2024-08-01" {
		t.Errorf("published_on %q", a.PublishedOn)
	}
}

// TestFolderSaysWhatItPassedOver: Chrome and Edge save a page as
// "Webpage, Single File" (.mhtml). A folder of such pages imported
// nothing, exit 0, "read 0 articles (0 problems)": not a word of them,
// where the file alone is refused as an unsupported type.
func TestFolderSaysWhatItPassedOver(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "note.md"), []byte("# 遴选案例分析答题模板\n\n案例分析题的答题步骤：读题、审材料、列提纲、写答案。\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "page.mhtml"), []byte("From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.beichenlx.com/a/1.html\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n<html><body><h1>遴选</h1></body></html>\r\n--b--\r\n"), 0o644)
	arts, errs := ReadPaths([]string{dir}, ReadOptions{})
	if len(arts) != 1 || len(errs) != 1 || !strings.Contains(fmt.Sprint(errs), "page.mhtml") {
		t.Errorf("%d articles, errors %v", len(arts), errs)
	}
}

// An article with a list of related articles (each with an excerpt)
// below it is still an article.
func TestArticleWithRelatedListIsAnArticle(t *testing.T) {
	var rel strings.Builder
	for i := range 5 {
		fmt.Fprintf(&rel, `<li><a href="/r/%d.html">相关文章第%d篇：基层治理的新探索</a><p>本文介绍某地在基层治理方面的做法和经验，供大家参考学习第%d篇。</p></li>`, i, i, i)
	}
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>遴选笔试申论真题解析</title></head><body>
<h1>遴选笔试申论真题解析</h1><div class="content">` + examPageText + `</div><div class="related"><h3>相关文章</h3><ul>` + rel.String() + `</ul></div></body></html>`
	a, err := ExtractHTML([]byte(page), "https://www.beichenlx.com/a/2.html")
	if err != nil || !strings.Contains(a.Body, "多元共治") {
		t.Errorf("an article with related links: %v %q", err, a.Body)
	}
}

// A line of Chinese text where a key: value is wanted: YAML's message named
// content.frontMatter and cut the text mid-character.
func TestFrontMatterLineOfText(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.md")
	os.WriteFile(p, []byte("---\n标题很长的一行没有冒号的文字内容\n---\n\n正文。\n"), 0o644)
	_, errs := ReadPaths([]string{p}, ReadOptions{})
	if len(errs) != 1 || !utf8.ValidString(errs[0].Error()) || strings.Contains(errs[0].Error(), "content.frontMatter") || !strings.Contains(errs[0].Error(), "a.md:2:") {
		t.Errorf("errors %q", errs)
	}
}

// TestOneFileOfNoArticleTypeSaysWhatToDo: a file given alone that mpbot does
// not read says what would import it: a page saved as a single file says
// how to save it (as in a folder; alone it was "unsupported file type"),
// a plain-text article how to make it Markdown (a newcomer's run: refused
// with no way in), anything else the types read.
func TestOneFileOfNoArticleTypeSaysWhatToDo(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ name, want string }{
		{"page.mhtml", `page.mhtml: not read: a page saved as a single file: save it as "Webpage, HTML only"`},
		{"note.txt", `note.txt: unsupported file type (want .jsonl, .json, .md or .html): a plain-text article imports as Markdown, renamed .md with "# " before its title line`},
		{"sheet.xlsx", `sheet.xlsx: unsupported file type (want .jsonl, .json, .md or .html)`},
	} {
		path := filepath.Join(dir, c.name)
		if err := os.WriteFile(path, []byte("遴选考试\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		arts, errs := ReadPaths([]string{path}, ReadOptions{})
		if len(arts) != 0 || len(errs) != 1 || !strings.HasSuffix(errs[0].Error(), c.want) && !strings.Contains(errs[0].Error(), c.want) {
			t.Errorf("%s: %d articles, errors %v; want %q", c.name, len(arts), errs, c.want)
		}
	}
}
