package content

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestReadPaths(t *testing.T) {
	arts, errs := ReadPaths([]string{filepath.Join("testdata", "import")}, ReadOptions{Category: "考试分析"})
	byID := map[string]Article{}
	byURL := map[string]Article{}
	for _, a := range arts {
		byID[a.ID] = a
		byURL[a.URL] = a
	}
	if len(arts) != 6 {
		t.Errorf("read %d articles, want 6: %+v", len(arts), arts)
	}
	wantErrs := []string{
		"testdata/import/articles.jsonl:2:",
		"testdata/import/md/broken.md:4: front matter:",
	}
	if len(errs) != len(wantErrs) {
		t.Fatalf("errors %v", errs)
	}
	for i, w := range wantErrs {
		if !strings.HasPrefix(errs[i].Error(), w) {
			t.Errorf("error %d = %q, want prefix %q", i, errs[i], w)
		}
	}

	md := byID["md-renmin"]
	if md.Category != "政策理论导读" || md.Summary != "以人民为中心的发展思想是申论和案例分析的高频考点。" ||
		strings.Contains(md.Body, "**") || strings.Contains(md.Body, "](") || !strings.Contains(md.Body, "官方解读") {
		t.Errorf("markdown article %+v", md)
	}
	h := byURL["https://example.com/articles/heading-title"]
	if h.Title != "标题写在正文里的文章" || h.Summary != "第一段就是摘要的来源。" || h.Category != "考试分析" {
		t.Errorf("heading-title article %+v", h)
	}
	if byID["j-3"].Category != "考试分析" {
		t.Errorf("--category not applied to jsonl: %+v", byID["j-3"])
	}
	// A Markdown file with only a # heading: the heading is the title, and
	// with neither id nor url the file's name is the id.
	if a := byID["no-front-matter"]; a.Title != "没有头信息" || a.Body != "正文。" {
		t.Errorf("markdown without front matter %+v", a)
	}
}

// TestSavedPage: a page saved by a browser, with no canonical link, a
// site-wide description and the original publisher in a source line.
func TestSavedPage(t *testing.T) {
	arts, errs := ReadPaths([]string{filepath.Join("testdata", "import-saved", "saved-page.html")}, ReadOptions{})
	if len(errs) > 0 || len(arts) != 1 {
		t.Fatalf("%v %v", arts, errs)
	}
	a := arts[0]
	checks := []struct{ field, got, want string }{
		{"url (from the saved-from comment)", a.URL, "https://www.example-lx.cn/news/2024/0312/fengqiao.html"},
		{"title", a.Title, "新时代枫桥经验的三个关键词"},
		{"author", a.Author, "徐浩然"},
		{"published_on", a.PublishedOn, "2024-03-12"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if !strings.HasPrefix(a.Summary, "枫桥经验诞生于二十世纪六十年代") {
		t.Errorf("summary %q: the site's own description is not the article's", a.Summary)
	}
	if !strings.Contains(a.Source, "浙江日报") {
		t.Errorf("source %q lost the original publisher", a.Source)
	}
	for _, junk := range []string{"¥", "VIP", "登录", "Copyright"} {
		if strings.Contains(a.Body, junk) {
			t.Errorf("body kept %q", junk)
		}
	}
	// --url names the address of a page that gives none, and wins over
	// what the page says.
	page, _ := os.ReadFile(filepath.Join("testdata", "import-saved", "saved-page.html"))
	bare := strings.Replace(string(page), "<!-- saved from url=(0056)https://www.example-lx.cn/news/2024/0312/fengqiao.html -->", "", 1)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "p.html"), []byte(bare), 0o644)
	if _, errs := ReadPaths([]string{filepath.Join(dir, "p.html")}, ReadOptions{}); len(errs) != 1 || !strings.Contains(errs[0].Error(), "--url") {
		t.Fatalf("a page without an address: %v", errs)
	}
	arts, errs = ReadPaths([]string{filepath.Join(dir, "p.html")}, ReadOptions{URL: "https://example.com/given"})
	if len(errs) > 0 || arts[0].URL != "https://example.com/given" {
		t.Fatalf("--url: %v %v", arts, errs)
	}
	withBase := strings.Replace(bare, "<head>", `<head><base href="https://example.com/base/">`, 1)
	os.WriteFile(filepath.Join(dir, "b.html"), []byte(withBase), 0o644)
	if arts, errs := ReadPaths([]string{filepath.Join(dir, "b.html")}, ReadOptions{}); len(errs) > 0 || arts[0].URL != "https://example.com/base/" {
		t.Fatalf("<base href>: %v %v", arts, errs)
	}
	if _, errs := ReadPaths([]string{dir}, ReadOptions{URL: "https://example.com/x"}); len(errs) != 1 || !strings.Contains(errs[0].Error(), "one file") {
		t.Fatalf("--url with a folder: %v", errs)
	}
	// Cut short between characters, anywhere before its end: refused (an
	// operator run's find: the site's logo and an advert, or a body cut
	// mid-sentence, replaced the article whole).
	for _, at := range []int{700, len(page) / 2, len(page) - 20} {
		for !utf8.RuneStart(page[at]) || page[at-1] == '>' { // in text or inside a tag, as cuts fall
			at--
		}
		cut := filepath.Join(dir, fmt.Sprintf("cut%d.html", at))
		os.WriteFile(cut, page[:at], 0o644)
		if _, errs := ReadPaths([]string{cut}, ReadOptions{}); len(errs) != 1 || !strings.Contains(errs[0].Error(), "cut short") {
			t.Errorf("the page cut at byte %d of %d: %v", at, len(page), errs)
		}
	}
	// A whole page that omits </body> and </html> (HTML5 allows it,
	// minifiers do) is read (a review's find: refused as cut short). Not
	// one a browser saved, which writes its </html> (TestPageCutAtALineEnd).
	open := strings.NewReplacer("</body>", "", "</html>", "").Replace(bare)
	omitted := filepath.Join(dir, "omitted.html")
	os.WriteFile(omitted, []byte(open), 0o644)
	if arts, errs := ReadPaths([]string{omitted}, ReadOptions{URL: "https://example.com/given"}); len(errs) > 0 || len(arts) != 1 || arts[0].Title != "新时代枫桥经验的三个关键词" {
		t.Errorf("a page without its end tags: %v %v", arts, errs)
	}
}

// TestCategorySpaces: a space typed around a category is no part of it (an
// operator run's find: 政策理论导读 with a space after it was a category of
// its own, listed like the other, whose articles were never the reading).
func TestCategorySpaces(t *testing.T) {
	dir := t.TempDir()
	jl := `{"id":"a","title":"一","url":"https://x/a","category":"政策理论导读 "}` + "\n" +
		`{"id":"b","title":"二","url":"https://x/b","category":"政策理论导读\u3000"}` + "\n" +
		`{"id":"c","title":"三","url":"https://x/c"}` + "\n"
	os.WriteFile(filepath.Join(dir, "a.jsonl"), []byte(jl), 0o644)
	os.WriteFile(filepath.Join(dir, "d.md"), []byte("---\nid: d\ncategory: \" 时政热点\"\n---\n# 四\n\n正文。\n"), 0o644)
	arts, errs := ReadPaths([]string{dir}, ReadOptions{Category: "考试分析 "})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	got := map[string]string{}
	for _, a := range arts {
		got[a.ID] = a.Category
	}
	if want := map[string]string{"a": "政策理论导读", "b": "政策理论导读", "c": "考试分析", "d": "时政热点"}; !maps.Equal(got, want) {
		t.Errorf("categories %q, want %q", got, want)
	}
}

// TestImportLimits: what no article needs is refused with file:line, and
// the rest of the file still comes in: a JSON Lines line over the limit, a
// link a phone should not open, a Markdown file of 50 MB.
func TestImportLimits(t *testing.T) {
	dir := t.TempDir()
	var jl strings.Builder
	jl.WriteString(`{"id":"a","title":"第一篇","url":"https://x/a"}` + "\n")
	jl.WriteString(`{"id":"huge","title":"大","url":"https://x/h","body":"` + strings.Repeat("字", MaxArticleBytes/3+10) + `"}` + "\n")
	jl.WriteString(`{"id":"js","title":"脚本","url":"javascript:alert(1)"}` + "\n")
	jl.WriteString(`{"id":"c","title":"封面","url":"https://x/c","cover":"data:image/png;base64,xx"}` + "\n")
	jl.WriteString(`{"id":"q","title":"引号","url":"https://example.com/a b\"c"}` + "\n") // a helper's find: on every card
	jl.WriteString(`{"id":"b","title":"第二篇","url":"https://x/b"}`)
	os.WriteFile(filepath.Join(dir, "a.jsonl"), []byte(jl.String()), 0o644)
	big := "---\ntitle: 大文件\nurl: https://x/big\n---\n" + strings.Repeat("正文", 25<<20/3)
	os.WriteFile(filepath.Join(dir, "big.md"), []byte(big), 0o644)

	arts, errs := ReadPaths([]string{dir}, ReadOptions{})
	if len(arts) != 2 || arts[0].ID != "a" || arts[1].ID != "b" {
		t.Fatalf("kept %d articles, want a and b", len(arts))
	}
	want := []string{
		"a.jsonl:2: line is 2.0 MiB; one article may be at most 2.0 MiB",
		`a.jsonl:3: url "javascript:alert(1)" is not an http(s) URL`,
		"a.jsonl:4: cover",
		`a.jsonl:5: url "https://example.com/a b\"c" holds a space, quote or other character a link cannot`,
		"big.md:1: file is 50.0 MiB",
	}
	if len(errs) != len(want) {
		t.Fatalf("errors %v", errs)
	}
	for i, w := range want {
		if !strings.Contains(errs[i].Error(), w) {
			t.Errorf("error %d = %q, want %q", i, errs[i], w)
		}
	}
}

// TestExtractExamPage: a real-looking exam-prep page, with the article
// among a bookshop, a VIP box, QR prompts, a login box and a footer.
func TestExtractExamPage(t *testing.T) {
	arts, errs := ReadPaths([]string{filepath.Join("testdata", "import", "html", "linxuan-exam.html")}, ReadOptions{})
	if len(errs) > 0 || len(arts) != 1 {
		t.Fatalf("%v %v", arts, errs)
	}
	a := arts[0]
	checks := []struct{ field, got, want string }{
		{"title", a.Title, "2023年中央机关公开遴选笔试案例分析题解析"},
		{"url", a.URL, "https://www.example-gk.cn/linxuan/2023/0626/12345.html"},
		{"published_on", a.PublishedOn, "2023-06-26"},
		{"source", a.Source, "某某公考网"},
		{"author", a.Author, "李老师"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	for _, keep := range []string{"新时代枫桥经验", "上热下冷", "备考建议"} {
		if !strings.Contains(a.Body, keep) {
			t.Errorf("body lost %q:\n%s", keep, a.Body)
		}
	}
	for _, junk := range []string{"¥", "已售", "VIP", "扫码", "登录", "Copyright", "首页", "浏览"} {
		if strings.Contains(a.Body, junk) {
			t.Errorf("body kept page furniture %q:\n%s", junk, a.Body)
		}
	}
	if !strings.HasPrefix(a.Summary, "2023年中央机关公开遴选和公开选调公务员笔试") {
		t.Errorf("summary %q", a.Summary)
	}
}

func TestReadJSONLReportsBadLines(t *testing.T) {
	in := `{"id":"a","title":"好","url":"https://x/a"}

{"id":"b","title":
{"id":"c","url":"https://x/c"}
{"id":"d","title":"好","url":"https://x/d","colour":"red"}
{"id":"e","title":"好","url":"https://x/e","published_on":"2026-13-01"}
{"id":"f","title":"也好","url":"https://x/f"}
{"id":"g","title":"a\u0000b","url":"https://x/g"}
{"id":"h","title":"一","url":"https://x/h"}{"id":"i","title":"二","url":"https://x/i"}
{"id":"j","title":"好","url":"https://x/j"} trailing words
{"id":"k","title":"好","url":"https://x/k"}  ` + "\t" + `
{"id":"z-1","title":"","url":"ftp://x","published_on":"bad"}
null
[{"id":"l","title":"好"}]
{"id":"t-6 ","title":"好","url":"https://x/t6"}
`
	got, errs := ReadJSONL(strings.NewReader(in), "in.jsonl")
	if len(got) != 3 || got[0].ID != "a" || got[1].ID != "f" || got[2].ID != "k" {
		t.Fatalf("kept %+v", got)
	}
	want := []string{"in.jsonl:3: invalid JSON: the line ends inside the article, before its closing }", "in.jsonl:4: title is empty", `in.jsonl:5: unknown field "colour" (an article's fields:`, "in.jsonl:6: published_on",
		"in.jsonl:8: title holds a NUL character", "in.jsonl:9: invalid JSON: more after the article's closing }",
		"in.jsonl:10: invalid JSON: more after the article's closing }",
		// An operator run's: every reason on the line's one line, a line
		// that is no object said so in the file's words, an id with a space
		// after it (a second article beside t-6) refused.
		`in.jsonl:12: title is empty; url "ftp://x" is not an http(s) URL; published_on "bad" is not a YYYY-MM-DD date`,
		`in.jsonl:13: not an article: a line holds one JSON object, {"title": …}, not "null"`, "in.jsonl:14: not an article:",
		`in.jsonl:15: id "t-6 " has spaces around it: write "t-6"`}
	if len(errs) != len(want) {
		t.Fatalf("errors %v", errs)
	}
	for i, w := range want {
		if !strings.HasPrefix(errs[i].Error(), w) {
			t.Errorf("error %d = %q, want prefix %q", i, errs[i], w)
		}
	}
}

func TestDemoArticles(t *testing.T) {
	arts := DemoArticles()
	if len(arts) < 12 {
		t.Fatalf("%d demo articles", len(arts))
	}
	seen := map[string]bool{}
	daily := 0
	for _, a := range arts {
		if seen[a.ID] {
			t.Errorf("duplicate id %s", a.ID)
		}
		seen[a.ID] = true
		if a.Summary == "" || !strings.HasPrefix(a.URL, "https://") {
			t.Errorf("%s lacks a summary or an https url", a.ID)
		}
		if a.Category == "政策理论导读" {
			daily++
		}
	}
	if daily < 3 {
		t.Errorf("only %d daily-reading candidates", daily)
	}
}

// TestExtractPages holds pages laid out as real sites lay them out: the
// heading inside the article, a date line, the site's source line before
// the original publisher's, a <title> that is not the article's.
func TestExtractPages(t *testing.T) {
	for _, c := range []struct {
		file, title, summaryStart, bodyStart, source, author, date string
	}{
		{"plain-article.html", "低空经济发展新趋势", "低空经济是以民用有人驾驶", "低空经济是以民用有人驾驶", "《浙江日报》（北辰遴选）", "徐浩然", "2026-06-26"},
		{"title-not-heading.html", "银发经济的机遇与挑战", "银发经济是向老年人提供产品", "银发经济是向老年人提供产品", "", "", "2026-06-20"},
		{"heading-h1.html", "乡村振兴战略的二十字总方针解读", "产业兴旺、生态宜居", "产业兴旺、生态宜居", "", "", ""},
		// The first heading is the site's logo: the <title> names the
		// article, and the article's own subheading stays in its text.
		{"column-title.html", "乡村振兴战略解读", "产业兴旺、生态宜居", "乡村振兴战略的二十字总方针解读\n\n产业兴旺", "", "", ""},
		{"site-suffix.html", "新质生产力解读", "新质生产力是创新起主导作用", "新质生产力是创新起主导作用", "", "", ""},
		// A sidebar's 来源 lines are its links', not the article's.
		{"related-links.html", "数字政府建设要点", "数字政府建设是推进", "数字政府建设是推进", "北辰遴选", "", "2026-06-28"},
		// A <nav> of plain text, not links (an operator run's find: it
		// began the body, the heading repeated after it).
		{"text-nav.html", "枫桥经验的新时代内涵", "“枫桥经验”诞生于20世纪60年代", "“枫桥经验”诞生于20世纪60年代", "人民日报", "", "2026-10-08"},
		// A page on one line: the <title>'s text ran into the source line,
		// and its author and date were lost (an operator run's find).
		{"minified.html", "国家安全体系和能力现代化", "推进国家安全体系和能力现代化", "推进国家安全体系和能力现代化", "人民日报（2024年03月05日第09版）（北辰遴选）", "张三", "2024-03-05"},
		// A breadcrumb of plain text, as government sites write it
		// (当前位置：首页 > 政策解读 > 正文): it began the body, the heading
		// repeated after it (an operator run's find).
		{"text-crumb.html", "我市出台支持中小企业发展若干措施", "近日，市政府印发", "近日，市政府印发", "市发展改革委", "", "2024-06-18"},
		// WordPress: the byline reads 作者 徐浩然 (the author was that),
		// and readers' comments, each an <article>, follow the post.
		{"wordpress-comments.html", "遴选面试结构化答题三步法", "结构化面试是遴选考试的重要环节", "结构化面试是遴选考试的重要环节", "", "徐浩然", "2026-08-12"},
	} {
		arts, errs := ReadPaths([]string{filepath.Join("testdata", "pages", c.file)}, ReadOptions{})
		if len(errs) > 0 || len(arts) != 1 {
			t.Errorf("%s: %v %v", c.file, arts, errs)
			continue
		}
		a := arts[0]
		for _, f := range []struct{ field, got, want string }{
			{"title", a.Title, c.title}, {"source", a.Source, c.source}, {"author", a.Author, c.author}, {"published_on", a.PublishedOn, c.date},
		} {
			if f.got != f.want {
				t.Errorf("%s: %s = %q, want %q", c.file, f.field, f.got, f.want)
			}
		}
		if !strings.HasPrefix(a.Summary, c.summaryStart) {
			t.Errorf("%s: summary %q, want it to start %q", c.file, a.Summary, c.summaryStart)
		}
		// Nor the site's footer (网站更新时间 had stayed: an operator run's find).
		if strings.Contains(a.Body, "网站更新时间") || strings.Contains(a.Body, "版权所有") || strings.Contains(a.Body, "发表回复") || strings.Contains(a.Body, "说：") {
			t.Errorf("%s: the footer in the body: %q", c.file, a.Body)
		}
		// The body is the article's text: not its title again, nor the
		// lines that went into fields.
		if !strings.HasPrefix(a.Body, c.bodyStart) {
			t.Errorf("%s: body starts %q, want %q", c.file, a.Body[:min(len(a.Body), 90)], c.bodyStart)
		}
	}
}

// TestPageWithoutArticle: a site's home page (navigation and footer) is no
// article (an operator's find: it imported as 首页 and answered 首页), nor
// is a column's list of its articles' links (another's: it imported as
// 时政热点, its body the three titles); an article with links in its text,
// or a list of its own of no links, is one.
func TestPageWithoutArticle(t *testing.T) {
	for _, c := range []struct {
		file string
		ok   bool
	}{
		{"home-page.html", false},
		{"column-list.html", false},
		{"column-list-dated.html", false},
		// Its breadcrumb plain text, not links (an operator run's find:
		// imported as 政策解读, its summary 当前位置：首页 > 政策解读, its
		// body the four titles with their dates).
		{"column-list-text-crumb.html", false},
		{"article-with-links.html", true},
	} {
		arts, errs := ReadPaths([]string{filepath.Join("testdata", "pages", c.file)}, ReadOptions{})
		if c.ok && (len(arts) != 1 || len(errs) != 0) || !c.ok && (len(arts) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "no article text in the page")) {
			t.Errorf("%s: %+v %v", c.file, arts, errs)
		}
	}
}

// TestEncodings: files saved by older Chinese editors and sites. A page
// says its charset and is decoded; a JSON Lines or Markdown file must be
// UTF-8 and says so at the line, rather than importing mojibake.
func TestEncodings(t *testing.T) {
	gbk := func(s string) string {
		b, err := simplifiedchinese.GBK.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	page := func(meta string) string {
		return `<html><head>` + meta + `<title>乡村振兴解读</title><link rel="canonical" href="https://example.com/gb"></head><body><div class="post">` +
			`<p>乡村振兴战略是新时代做好“三农”工作的总抓手，坚持农业农村优先发展，加快推进农业农村现代化，建设宜居宜业和美乡村。</p>` +
			`<p>各地因地制宜发展特色产业，完善联农带农机制，推动农民持续增收，让广大农民共享改革发展成果。</p></div></body></html>`
	}
	dir := t.TempDir()
	files := map[string]string{
		"declared.html":   gbk(page(`<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`)),
		"undeclared.html": gbk(page("")),
		// UTF-8 whose first KiB is ASCII (an analytics script before the
		// <meta>): read as it is, not guessed to be GB18030.
		"ascii-head.html":   page(`<script>` + strings.Repeat("var a=1;", 300) + `</script><meta charset="utf-8">`),
		"no-meta-utf8.html": page(`<script>` + strings.Repeat("var a=1;", 300) + `</script>`),
		// Re-saved as UTF-8 with the old tag left: the bytes say UTF-8.
		"utf8-says-gb.html": page(`<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`),
		"bom.jsonl":         "\ufeff" + `{"id":"b1","title":"枫桥经验","url":"https://example.com/b1"}` + "\n",
		"gbk.jsonl":         `{"id":"u1","title":"好","url":"https://example.com/u1"}` + "\n" + gbk(`{"id":"g1","title":"标题测试","url":"https://example.com/g1"}`) + "\n",
		"gbk.md":            "---\nurl: https://example.com/m\n---\n" + gbk("# 标题\n\n正文"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, "lying.html"), []byte(gbk(page(`<meta charset="utf-8">`))), 0o644)
	if _, errs := ReadPaths([]string{filepath.Join(dir, "lying.html")}, ReadOptions{}); len(errs) != 1 || !strings.Contains(errs[0].Error(), "declares UTF-8 but is not") {
		t.Errorf("a page declaring UTF-8 in GBK: %v", errs)
	}
	// Cut short inside its last character: said so, not taken for GBK.
	whole := page(`<meta charset="utf-8">`) + "枫桥经验"
	os.WriteFile(filepath.Join(dir, "cut.html"), []byte(whole[:len(whole)-1]), 0o644)
	if _, errs := ReadPaths([]string{filepath.Join(dir, "cut.html")}, ReadOptions{}); len(errs) != 1 || !strings.Contains(errs[0].Error(), "ends inside a character: it was cut short") {
		t.Errorf("a page cut inside a character: %v", errs)
	}
	for _, name := range []string{"declared.html", "undeclared.html", "ascii-head.html", "no-meta-utf8.html", "utf8-says-gb.html"} {
		arts, errs := ReadPaths([]string{filepath.Join(dir, name)}, ReadOptions{})
		if len(errs) > 0 || len(arts) != 1 || arts[0].Title != "乡村振兴解读" || !strings.Contains(arts[0].Body, "联农带农") {
			t.Errorf("%s: %+v %v", name, arts, errs)
		}
	}
	arts, errs := ReadPaths([]string{filepath.Join(dir, "bom.jsonl")}, ReadOptions{})
	if len(errs) > 0 || len(arts) != 1 || arts[0].ID != "b1" {
		t.Errorf("a BOM lost the first line: %+v %v", arts, errs)
	}
	arts, errs = ReadPaths([]string{filepath.Join(dir, "gbk.jsonl")}, ReadOptions{})
	if len(arts) != 1 || arts[0].ID != "u1" || len(errs) != 1 || !strings.Contains(errs[0].Error(), "gbk.jsonl:2: not UTF-8") {
		t.Errorf("GBK line: %+v %v", arts, errs)
	}
	arts, errs = ReadPaths([]string{filepath.Join(dir, "gbk.md")}, ReadOptions{})
	if len(arts) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "gbk.md:4: not UTF-8") {
		t.Errorf("GBK Markdown: %+v %v", arts, errs)
	}
	// A NUL in a Markdown body is reported at its line (an operator run's
	// find: line 1 for one on line 4).
	nul := filepath.Join(t.TempDir(), "nul.md")
	if err := os.WriteFile(nul, []byte("# 标题\n\n第一段。\n第二行\x00有个空字符。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs := ReadPaths([]string{nul}, ReadOptions{}); len(errs) != 1 || !strings.Contains(errs[0].Error(), "nul.md:4:") || !strings.Contains(errs[0].Error(), "NUL") {
		t.Errorf("a NUL on line 4: %v", errs)
	}
	// Cut inside the last character, a file is cut short, not of another
	// encoding (an operator run's find: told to save it as UTF-8).
	md := "---\ntitle: 乡村振兴\n---\n\n联农带农"
	jsonl := `{"id":"c1","title":"乡村振兴","url":"https://example.com/c1"}` + "\n" + `{"id":"c2","title":"联农带农`
	for name, data := range map[string]string{"cut.md": md[:len(md)-1], "cut.jsonl": jsonl[:len(jsonl)-2]} {
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		_, errs := ReadPaths([]string{path}, ReadOptions{})
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), "ends inside a character: it was cut short") {
			t.Errorf("%s cut inside its last character: %v", name, errs)
		}
	}
}

// TestOneIDPerImport: two files of one import giving one id (two notes
// named index.md, which both take the id index) are not both imported, the
// second silently replacing the first: the second is reported and skipped.
func TestOneIDPerImport(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"x", "y"} {
		os.MkdirAll(filepath.Join(dir, sub), 0o755)
		if err := os.WriteFile(filepath.Join(dir, sub, "index.md"), []byte("# 第一篇"+sub+"\n\n正文。\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	arts, errs := ReadPaths([]string{dir}, ReadOptions{})
	if len(arts) != 1 || arts[0].ID != "index" || arts[0].Title != "第一篇x" {
		t.Fatalf("articles %+v", arts)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), filepath.Join(dir, "y", "index.md")+`: id "index" is also `+filepath.Join(dir, "x", "index.md")) {
		t.Fatalf("errors %v", errs)
	}
	// In JSON Lines the advice is the line's id, not front matter.
	jl := filepath.Join(t.TempDir(), "a.jsonl")
	os.WriteFile(jl, []byte(`{"id":"k","title":"一","url":"https://x/1"}`+"\n"+`{"id":"k","title":"二","url":"https://x/2"}`+"\n"), 0o644)
	if _, errs := ReadPaths([]string{jl}, ReadOptions{}); len(errs) != 1 || !strings.Contains(errs[0].Error(), `the line's "id"`) ||
		!strings.Contains(errs[0].Error(), jl+`:2: id "k" is also `+jl+`:1's`) { // an operator's find: no lines
		t.Fatalf("a JSON Lines id twice: %v", errs)
	}
	// --url names one page's address: given with JSON Lines it was
	// ignored, unseen.
	if arts, errs := ReadPaths([]string{jl}, ReadOptions{URL: "https://x/page"}); len(arts) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "--url is for one .html or .md file") {
		t.Fatalf("--url with JSON Lines: %v %v", arts, errs)
	}
}

// TestIDAndAddressOfOneImport: a file with an address and no id would
// replace an article of the same import that has that address and an id;
// it is refused too. Two articles with ids of their own may share one.
func TestIDAndAddressOfOneImport(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.md": "---\nid: x\nurl: https://example.com/u\n---\n# 甲\n\n正文。\n",
		"b.md": "---\nurl: https://example.com/u\n---\n# 乙\n\n正文。\n",
		"c.md": "---\nid: y\nurl: https://example.com/v\n---\n# 丙\n\n正文。\n",
		"d.md": "---\nid: z\nurl: https://example.com/v\n---\n# 丁\n\n正文。\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	arts, errs := ReadPaths([]string{dir}, ReadOptions{})
	var ids []string
	for _, a := range arts {
		ids = append(ids, a.ID)
	}
	if strings.Join(ids, ",") != "x,y,z" || len(errs) != 1 || !strings.Contains(errs[0].Error(), `b.md: address "https://example.com/u" is also`) {
		t.Fatalf("articles %v, errors %v", ids, errs)
	}
}

// TestEmptyFrontMatter: --- and --- with nothing between were refused as
// front matter never closed.
func TestEmptyFrontMatter(t *testing.T) {
	p := filepath.Join(t.TempDir(), "note.md")
	os.WriteFile(p, []byte("---\n---\n# 标题\n\n正文。\n"), 0o644)
	arts, errs := ReadPaths([]string{p}, ReadOptions{})
	if len(errs) > 0 || len(arts) != 1 || arts[0].Title != "标题" || arts[0].ID != "note" {
		t.Fatalf("%+v %v", arts, errs)
	}
}

// TestEmptyFolder: a folder with nothing to import (.txt files, or its
// articles behind a link) is an error, not "read 0 articles" and exit 0.
func TestEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte(`{"id":"a"}`), 0o644)
	if _, errs := ReadPaths([]string{dir}, ReadOptions{}); len(errs) != 1 || !strings.Contains(errs[0].Error(), "no .jsonl, .json, .md or .html files") {
		t.Fatalf("%v", errs)
	}
}

// TestMarkdownAsBlogsWriteIt: an operator's finds. The front matter's title
// again as a heading was the summary (the card showed it twice) and the
// body's start; a bad field was reported at line 1, and a front matter
// error had two line numbers and a Go type's name.
func TestMarkdownAsBlogsWriteIt(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"blog.md":   "---\ntitle: 乡村振兴战略解读\nurl: https://example.com/x\n---\n\n\n# 乡村振兴战略解读\n\n## 一、背景\n乡村振兴是新时代三农工作的总抓手。\n",
		"tag.md":    "---\ntitle: 两会\nurl: https://example.com/t\n---\n#两会# 今年的政府工作报告提出了新目标。\n",
		"setext.md": "---\nurl: https://example.com/s\n---\n乡村振兴战略解读\n========\n\n材料\n-\n\n见[上文][8]、[截图][10]、[公告] [11]与[FAQ][]，文献[13][14]，文献[1][2][9]，[1,2][3]，[1][]，[１][2]，a[b [上文][8] c。\n\n[1]: images/fig1.png\n[2]: https://baike.baidu.com/item/枫桥经验\n[百科]: https://zh.wikipedia.org/wiki/乡村振兴 \"维基\"\n\n[主持人]: 欢迎收看本期节目。\n[嘉宾]: 谢谢邀请。\n[Q]: 2024\n[问]: 省考/国考哪个难？\n[答]: 1/3\n[话题]: #两会#\n[答]: 见附件.docx\n[答案]: A/C\n[Q]: 5G/6G\n[3]: ./images/截图1.png\n[4]: images/图1.png\n[5]: /upload/2024年国考公告.pdf\n[6]: baike.baidu.com/item/枫桥经验\n[7]: www.example.com\n[8]: #section-2\n[9]: mailto:a@b.com\n[得分]: 3.5/10\n[日期]: 2024.03.05/2024.03.06\n[注]: /表示无\n[话题]: #AI\n[10]: ./图片/截图\n[11]: /上传/公告\n[faq]: #FAQ\n[注]: /表示无/不适用\n[评分]: /满分/100\n[答]: /不/\n[标签]: #python\n[12]: #unused\n",
		"image.md": "---\ntitle: 封面\nurl: https://example.com/i\n---\n# ![logo](https://x.com/l.png) 封面\n\n![封面](x.png)\n\n---\n\n* * *\n\n" +
			"![a](https://x.com/a_(1).png) ![图][1] <img src=\"x.png\" alt=\"会场\">\n\n[1]: https://x.com/a.png\n\n一、报名\n------\n\n正文第一段。\n---\n\n第二段。\n",
		"date.md":    "---\ntitle: 日期\nurl: https://example.com/d\npublished_on: 2026-13-45\n---\n正文。\n",
		"date2.md":   "---\ntitle: 日期二\nurl: https://example.com/d2\ndate: 2026/02/30 10:00\n---\n正文。\n",
		"unknown.md": "---\ntitle: 错字\nauther: 某人\n---\n正文。\n",
		// An operator's find: reported a line early, where the parser
		// began the mapping.
		"unclosed.md": "---\ntitle: 标签\nurl: https://example.com/u\ntags: [a, b\nsummary: 摘要\n---\n正文。\n",
	}
	for name, text := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	arts, errs := ReadPaths([]string{dir}, ReadOptions{})
	// A review's finds: two blank lines kept the heading in the body; a
	// heading with its text on the next line, and a #tag#, lost the
	// paragraph as the summary.
	if len(arts) != 4 || arts[1].Summary != "第二段。" || arts[1].Body != "一、报名\n\n正文第一段。\n\n第二段。" || arts[1].Title != "封面" {
		// (正文第一段。 over --- is, in Markdown, a heading, as 一、报名 over ------.)
		t.Errorf("image.md: title %q, summary %q, body %q (images and rules are no text)", arts[1].Title, arts[1].Summary, arts[1].Body)
	}
	// A fifth review's: a title underlined with ===, an underline of one
	// character, prose that looks like a reference's definition. A
	// twelfth's: an anchor or a path of Han characters is a reference only
	// when the text uses it (/表示无/不适用 was dropped, #FAQ kept).
	if s := arts[2]; s.Title != "乡村振兴战略解读" || s.Body != "材料\n\n见上文、截图、公告与FAQ，文献[13][14]，文献[1][2][9]，[1,2][3]，[1][]，[１][2]，a[b 上文 c。\n\n[主持人]: 欢迎收看本期节目。\n[嘉宾]: 谢谢邀请。\n[Q]: 2024\n[问]: 省考/国考哪个难？\n[答]: 1/3\n[话题]: #两会#\n[答]: 见附件.docx\n[答案]: A/C\n[Q]: 5G/6G\n[得分]: 3.5/10\n[日期]: 2024.03.05/2024.03.06\n[注]: /表示无\n[话题]: #AI\n[注]: /表示无/不适用\n[评分]: /满分/100\n[答]: /不/\n[标签]: #python\n[12]: #unused" || s.Summary != "见上文、截图、公告与FAQ，文献[13][14]，文献[1][2][9]，[1,2][3]，[1][]，[１][2]，a[b 上文 c。" {
		t.Errorf("setext.md: title %q, summary %q, body %q", s.Title, s.Summary, s.Body)
	}
	arts = slices.Delete(arts, 1, 3)
	if len(arts) != 2 || arts[0].Title != "乡村振兴战略解读" || arts[0].Summary != "乡村振兴是新时代三农工作的总抓手。" || strings.Contains(arts[0].Body, "乡村振兴战略解读") {
		t.Fatalf("blog.md read as %+v", arts)
	}
	if arts[1].Summary != "#两会# 今年的政府工作报告提出了新目标。" {
		t.Errorf("tag.md's summary %q", arts[1].Summary)
	}
	want := []string{
		// Written as a date, but no day: said so (it said "not a YYYY-MM-DD
		// date": an operator run's find).
		filepath.Join(dir, "date.md") + `:4: published_on "2026-13-45" is no day of the calendar: its month or day is out of range`,
		filepath.Join(dir, "date2.md") + `:4: date "2026-02-30" is no day of the calendar: its month or day is out of range`, // named as the file has it
		filepath.Join(dir, "unclosed.md") + `:4: front matter: did not find expected ',' or ']'`,
		filepath.Join(dir, "unknown.md") + `:3: front matter: unknown field auther (did you mean author?)`,
	}
	if len(errs) != len(want) {
		t.Fatalf("errors %v", errs)
	}
	for i := range want {
		if errs[i].Error() != want[i] {
			t.Errorf("error %q, want %q", errs[i], want[i])
		}
	}
}

// TestMarkdownAsEditorsSaveIt: what an importer run wrote (each was refused
// or read wrong): a # title with its text on the next line, a heading
// closed by #, front matter after blank lines or with spaces after its ---.
func TestMarkdownAsEditorsSaveIt(t *testing.T) {
	for _, c := range []struct {
		name, text       string
		title, url, body string
		wantErr          string
	}{
		{"heading-no-blank.md", "# 新时代“枫桥经验”的内涵与发展\n“枫桥经验”诞生于20世纪60年代。\n\n第二段。\n", "新时代“枫桥经验”的内涵与发展", "",
			"“枫桥经验”诞生于20世纪60年代。\n\n第二段。", ""},
		{"closed.md", "# 遴选面试常见题型 #\n\n正文。\n", "遴选面试常见题型", "", "正文。", ""},
		{"trailing-space.md", "--- \ntitle: 分隔线后有空格\nurl: https://example.com/ts\n---  \n正文。\n", "分隔线后有空格", "https://example.com/ts", "正文。", ""},
		{"lead-blank.md", "\n\n---\ntitle: 前有空行\nurl: https://example.com/lb\n---\n正文。\n", "前有空行", "https://example.com/lb", "正文。", ""},
		// Lines are the file's: the field at fault is on line 5.
		{"lead-blank-bad.md", "\n\n---\ntitle: 前有空行\npublished_on: 2026-13-45\n---\n正文。\n", "", "", "", "lead-blank-bad.md:5:"},
	} {
		path := filepath.Join(t.TempDir(), c.name)
		os.WriteFile(path, []byte(c.text), 0o644)
		arts, errs := ReadPaths([]string{path}, ReadOptions{})
		if c.wantErr != "" {
			if len(errs) != 1 || !strings.Contains(errs[0].Error(), c.wantErr) {
				t.Errorf("%s: errors %v, want %q", c.name, errs, c.wantErr)
			}
			continue
		}
		if len(errs) > 0 || len(arts) != 1 {
			t.Errorf("%s: %v", c.name, errs)
			continue
		}
		if a := arts[0]; a.Title != c.title || a.URL != c.url || a.Body != c.body {
			t.Errorf("%s: title %q url %q body %q", c.name, a.Title, a.URL, a.Body)
		}
	}
}

// TestPagesAsSitesServeThem: pages an importer run saved the way sites and
// browsers serve them (testdata/review-pages), each read wrong before.
func TestPagesAsSitesServeThem(t *testing.T) {
	for _, c := range []struct {
		file, url, err, date, source, author string
		summary                              string // its start
		title                                string
		has, lacks                           []string
	}{
		// A site's home as the <base href> or og:url is no article's
		// address: two pages took it, each import replacing the last.
		{file: "base1", err: "its <base href> https://www.beichenlx.com/: a site's home"},
		{file: "base2", err: "give it with --url"},
		{file: "ogroot1", err: "its og:url https://www.beichenlx.com/: a site's home"},
		// A relative canonical link, resolved (the site's home was taken).
		{file: "relcanon", url: "https://www.beichenlx.com/news/2024/0305/d1.html", date: "2024-03-05"},
		// A digest's items end （来源：新华社）: text, not source lines (the
		// page was refused as having no text, or its items dropped).
		{file: "digest2", url: "https://www.beichenlx.com/sz/digest0305b.html", source: "北辰遴选",
			has: []string{"（来源：新华社）", "（来源：中国政府网）", "统计公报"}},
		{file: "src_img", source: "北辰遴选", author: "北辰教研组", has: []string{"资金来源：中央财政衔接推进乡村振兴补助资金1770亿元"}},
		// WeChat serves the text hidden, shown by its script; the account
		// and the date are the page's.
		{file: "wechat_raw", date: "2024-03-05", source: "北辰遴选", has: []string{"热词一：新质生产力"}},
		// 今天是：2024年12月01日 in the header is not the article's date.
		{file: "chrome_saved", date: "2024-03-05", source: "《浙江日报》（北辰遴选）", author: "徐浩然"},
		// A date the text names (自2025年5月20日起施行) is not the page's,
		// and one that is no day does not refuse the page.
		{file: "nodate_body", date: "-", has: []string{"自2025年5月20日起施行"}},
		{file: "d8", date: "-"}, // "-": none
		// 2024-03-04T17:30:00Z is the 5th in China.
		{file: "utc", date: "2024-03-05"},
		// Fields separated by no-break spaces.
		{file: "nbspinfo", source: "人民日报", author: "张三", lacks: []string{"浏览次数"}},
		// An account's call to follow it is no summary; a description
		// over lines is one line of a card's length.
		{file: "wx_op1", summary: "热词一：新质生产力。政府工作报告提出"},
		{file: "longdesc", summary: "央视网消息（新闻联播）：长江是中华民族的母亲河"},
		// A title with its site's name after a bare hyphen (the page's own
		// 来源) or a dash between no-break spaces, and one written over two
		// lines. (Titles led by a column's or a site's name, title-t1, t4,
		// t6, t8, keep the wrong part: see pageTitle.)
		{file: "title-t3", title: "中央政治局会议审议长三角一体化政策措施"},
		{file: "title-t5", title: "中央政治局会议审议长三角一体化政策措施"},
		{file: "title-t7", title: "中央政治局会议审议长三角一体化政策措施"},
		// 信息来源 is the source; the line is no text.
		{file: "govtable", date: "2024-04-01", source: "省委组织部", lacks: []string{"浏览次数", "信息来源"}},
	} {
		data, err := os.ReadFile(filepath.Join("testdata", "review-pages", c.file+".html"))
		if err != nil {
			t.Fatal(err)
		}
		a, err := ExtractHTML(data, "")
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s: error %v, want %q", c.file, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.file, err)
			continue
		}
		if c.url != "" && a.URL != c.url || c.date != "" && a.PublishedOn != strings.Trim(c.date, "-") || c.source != "" && a.Source != c.source || c.author != "" && a.Author != c.author {
			t.Errorf("%s: url %q, date %q, source %q, author %q", c.file, a.URL, a.PublishedOn, a.Source, a.Author)
		}
		if c.title != "" && a.Title != c.title {
			t.Errorf("%s: title %q", c.file, a.Title)
		}
		if c.summary != "" && (!strings.HasPrefix(a.Summary, c.summary) || strings.Contains(a.Summary, "\n") || utf8.RuneCountInString(a.Summary) > summaryRunes) {
			t.Errorf("%s: summary %q", c.file, a.Summary)
		}
		for _, s := range c.has {
			if !strings.Contains(a.Body, s) {
				t.Errorf("%s: body lacks %q:\n%s", c.file, s, a.Body)
			}
		}
		for _, s := range c.lacks {
			if strings.Contains(a.Body, s) {
				t.Errorf("%s: body has %q:\n%s", c.file, s, a.Body)
			}
		}
	}
}

// TestFolderAsBrowsersSaveIt: a page saved "complete" has its frames in
// page_files beside it (a comment box was imported as an article, and its
// share bar failed the import); .shtml and .xhtml pages are pages too.
func TestFolderAsBrowsersSaveIt(t *testing.T) {
	dir := t.TempDir()
	page, err := os.ReadFile(filepath.Join("testdata", "review-pages", "relcanon.html"))
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "深刻把握_files"), 0o755)
	os.WriteFile(filepath.Join(dir, "深刻把握.html"), page, 0o644)
	os.WriteFile(filepath.Join(dir, "深刻把握_files", "saved_resource.html"), []byte(`<!-- saved from url=(0040)https://changyan.sohu.com/api/2/comment -->
<html><head><title>畅言评论</title></head><body><p>已经报名了遴选课程，老师讲得很好，推荐大家一起报名学习，效果很好。</p></body></html>`), 0o644)
	os.MkdirAll(filepath.Join(dir, "other_files"), 0o755) // no other.html beside it: read
	os.WriteFile(filepath.Join(dir, "other_files", "a.shtml"), []byte(strings.Replace(string(page), "d1.html", "a.shtml", 1)), 0o644)
	arts, errs := ReadPaths([]string{dir}, ReadOptions{})
	if len(errs) > 0 || len(arts) != 2 || arts[0].Title != "国务院常务会议部署防汛救灾工作" || !strings.HasSuffix(arts[1].URL, "a.shtml") && !strings.HasSuffix(arts[0].URL, "a.shtml") {
		for _, a := range arts {
			t.Logf("%s %s", a.Title, a.URL)
		}
		t.Fatalf("%d articles, errors %v", len(arts), errs)
	}
}

// TestEmptyPageAndAFileNamedTwice: what an importer run met: an empty page
// was "the Node field is nil"; a folder and a file in it named the file as
// clashing with itself.
func TestEmptyPageAndAFileNamedTwice(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.html")
	os.WriteFile(empty, nil, 0o644)
	if _, errs := ReadPaths([]string{empty}, ReadOptions{}); len(errs) != 1 || !strings.Contains(errs[0].Error(), "empty.html:1: the page has no text") {
		t.Fatalf("an empty page: %v", errs)
	}
	os.Remove(empty)
	page, _ := os.ReadFile(filepath.Join("testdata", "review-pages", "relcanon.html"))
	os.WriteFile(filepath.Join(dir, "a.html"), page, 0o644)
	if arts, errs := ReadPaths([]string{dir, filepath.Join(dir, "a.html")}, ReadOptions{}); len(errs) > 0 || len(arts) != 1 {
		t.Fatalf("a file named twice: %d articles, %v", len(arts), errs)
	}
}

// TestMarkdownMarkupIsNoText: what an importer run saw reach followers'
// cards and chats (testdata/review-pages/*.md): emphasis, inline HTML and
// entities, an HTML comment, a table's bars and rules, a code fence's
// language, footnotes, a link whose address has parentheses.
func TestMarkdownMarkupIsNoText(t *testing.T) {
	arts, errs := ReadPaths([]string{filepath.Join("testdata", "review-pages", "emph_first.md"), filepath.Join("testdata", "review-pages", "hexo.md")}, ReadOptions{})
	if len(errs) > 0 || len(arts) != 2 {
		t.Fatalf("%d articles, %v", len(arts), errs)
	}
	if want := "本期导读：聚焦国常会最新部署，解读防汛救灾 与就业政策。"; arts[0].Summary != want {
		t.Errorf("summary %q, want %q", arts[0].Summary, want)
	}
	want := "公文写作题要求考生按照给定材料，撰写通知、报告、请示等公文。\n\n一、格式要点\n\n1. 标题要素齐全\n2. 主送机关准确\n\n注意：不要混淆“请示”与“报告”。\n\n" +
		"文种 行文方向\n请示 上行文\n通知 下行文\n\n关于××的请示\n\n脚注示例。\n\n《党政机关公文处理工作条例》。"
	if arts[1].Body != want {
		t.Errorf("body\n%q, want\n%q", arts[1].Body, want)
	}
	for _, c := range []struct{ in, want string }{
		{"见[维基](https://zh.wikipedia.org/wiki/两个确立_(政治))。", "见维基。"},
		{"<https://www.gov.cn/zhengce/> 与 \\*号 与 snake_case_name 与 a<b 且 c>d", "https://www.gov.cn/zhengce/ 与 *号 与 snake_case_name 与 a<b 且 c>d"},
		{"## 背景 ##", "背景"},
		// A review's: text that only looked like markup.
		{"?id=1&timestamp=2&section=3&region=4", "?id=1&timestamp=2&section=3&region=4"},
		{"2*3*4=24，带*号的为必答题，*号不计分", "2*3*4=24，带*号的为必答题，*号不计分"},
		{"|a|+|b|≥|a+b|", "|a|+|b|≥|a+b|"},
		{"标出：____ 是实现，填_，", "标出：____ 是实现，填_，"},
		{"_config_.yml 与 [^_^] 与 x <b and y> z", "_config_.yml 与 [^_^] 与 x <b and y> z"},
		{"*甲* 与 *乙*，&lt;通知&gt;", "甲 与 乙，<通知>"},
		// A third review's: emphasis around a sentence's punctuation is
		// still emphasis; blanks, a == b and 5%% are text.
		{"*本文转载自人民日报，版权归原作者所有。*", "本文转载自人民日报，版权归原作者所有。"},
		{"***重要提示：报名截止时间为3月5日，逾期不候。***", "重要提示：报名截止时间为3月5日，逾期不候。"},
		{"**注意\n请于3月5日前提交材料**", "注意\n请于3月5日前提交材料"},
		{"请填写：姓名____，单位____", "请填写：姓名____，单位____"},
		{"判断 a == b 是否成立，增长率为5%%，较上年提高2个百分点%%注释%%", "判断 a == b 是否成立，增长率为5%%，较上年提高2个百分点"},
		// A fourth review's: bold beside Chinese punctuation, as exam notes
		// write it, is bold (CommonMark's CJK-friendly reading); 2**3 is not.
		{"**材料一：**2023年，全国居民人均可支配收入39218元。", "材料一：2023年，全国居民人均可支配收入39218元。"},
		{"**注意：**请于3月5日前提交。", "注意：请于3月5日前提交。"},
		{"深刻领悟**“两个确立”**的决定性意义，增强**“四个意识”**。", "深刻领悟“两个确立”的决定性意义，增强“四个意识”。"},
		{"**【答案】**B。**【解析】**本题考查“两个确立”。", "【答案】B。【解析】本题考查“两个确立”。"},
		{"学习**《决定》**提出的重大举措，***《条例》：***全文", "学习《决定》提出的重大举措，《条例》：全文"},
		{"2**3=8，带**号的为必答题", "2**3=8，带**号的为必答题"},
		// An operator run's notes: Obsidian, Typora, Hexo.
		{"[[枫桥经验的由来]]与[[浦江经验|浦江经验（领导下访）]]，==重点==%% 待补充 %%", "枫桥经验的由来与浦江经验（领导下访），重点"},
		{"> [!note] 核心要点\n> 矛盾不上交", "核心要点\n矛盾不上交"},
		{"[TOC]\n{% note info %}本文{% endnote %}![[枫桥镇.png]]", "本文"},
	} {
		if got := stripMarkdown(c.in, nil); got != c.want {
			t.Errorf("%q: %q, want %q", c.in, got, c.want)
		}
	}
}

// TestErrorsInTheFilesWords: what a file got wrong is said in the file's
// terms (an importer run's finds: Go's type names; a line counted from the
// front matter's start).
func TestErrorsInTheFilesWords(t *testing.T) {
	dir := t.TempDir()
	lines := filepath.Join(dir, "a.jsonl")
	os.WriteFile(lines, []byte(`{"id":"a","title":"t","url":"https://x/a","published_on":20240305}`+"\n"+`{"id":"b","title":["x"],"url":"https://x/b"}`+"\n"+
		`{"id":"c","title":"t","url":"https://x/c","tags":"两会"}`+"\n"+`{"id":"d","title":"t","url":"https://x/d","tags":[1,2]}`+"\n"+
		`{"id":"e","title":"t","url":"https://x/e","tags":"两会","published_on":"2024-13-45"}`+"\n"), 0o644)
	md := filepath.Join(dir, "dup.md")
	os.WriteFile(md, []byte("---\ntitle: 一\ntitle: 二\nurl: https://x/d\n---\n正文\n"), 0o644)
	arts, errs := ReadPaths([]string{lines, md}, ReadOptions{})
	if i := slices.IndexFunc(arts, func(a Article) bool { return a.ID == "c" }); i < 0 || !slices.Equal(arts[i].Tags, []string{"两会"}) {
		t.Errorf("tags given as text: %+v", arts)
	}
	var got []string
	for _, e := range errs {
		got = append(got, strings.TrimPrefix(e.Error(), dir+string(filepath.Separator)))
	}
	// "tags": "两会" is one tag, as a front matter's tags: 两会 is (a
	// newcomer's run: refused here, taken there).
	want := []string{`a.jsonl:1: "published_on" is text, not a number`, `a.jsonl:2: "title" is text, not a list`,
		`a.jsonl:4: "tags" is a list of texts: one entry is a number`,
		`a.jsonl:5: published_on "2024-13-45" is no day of the calendar: its month or day is out of range`,
		`dup.md:3: front matter: mapping key "title" already defined at line 2`}
	if !slices.Equal(got, want) {
		t.Fatalf("errors\n%q, want\n%q", got, want)
	}
}

// TestSingleFilePage: a page the SingleFile extension saved gives its
// address in its opening comment (an importer run's find: refused).
func TestSingleFilePage(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "review-pages", "nodate_body.html"))
	if err != nil {
		t.Fatal(err)
	}
	bare := regexp.MustCompile(`<link rel="canonical"[^>]*>`).ReplaceAllString(string(page), "")
	saved := "<!DOCTYPE html> <html lang=\"zh-CN\"><!--\n Page saved with SingleFile \n url: https://www.beichenlx.com/jd/minying-sf.html \n saved date: Tue Mar 05 2024 10:00:00 GMT+0800 (中国标准时间)\n-->" +
		strings.TrimPrefix(strings.TrimPrefix(bare, "<!DOCTYPE html>"), "\n")
	a, err := ExtractHTML([]byte(saved), "")
	if err != nil || a.URL != "https://www.beichenlx.com/jd/minying-sf.html" {
		t.Fatalf("%q %v", a.URL, err)
	}
}

// TestPageTitles: titles as sites write them, from three reviews' pages: a
// WeChat title is not cut at its ｜, spaces between names stay, a site's
// name the page gives itself goes after a bare hyphen, and a short title
// keeps its place before its site's name.
func TestPageTitles(t *testing.T) {
	const text = "<p>会议指出，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。</p><p>会议要求，各地区各部门要抓好贯彻落实，浙江省人民政府办公厅负责协调。</p>"
	for _, c := range []struct{ head, h1, want string }{
		{"我省出台措施支持民营经济发展壮大 - 要闻 - 浙江省人民政府", "我省出台措施支持民营经济发展壮大", "我省出台措施支持民营经济发展壮大"},
		{"市委常委会召开会议_学习贯彻党的二十届三中全会精神_某市人民政府", "", "市委常委会召开会议"},
		{"遴选面试｜结构化面试答题思路，三步讲清楚", `<h1 class="rich_media_title" id="activity-name">遴选面试｜结构化面试答题思路，三步讲清楚</h1>`, "遴选面试｜结构化面试答题思路，三步讲清楚"},
		{"习近平在湖南考察时强调 坚持改革创新 扎实推进高质量发展-新华网", `<meta property="og:site_name" content="新华网">`, "习近平在湖南考察时强调 坚持改革创新 扎实推进高质量发展"},
		{"习近平 李强 赵乐际 分别参加代表团审议_新华网", "", "习近平 李强 赵乐际 分别参加代表团审议"},
		{"中国-东盟博览会开幕", "", "中国-东盟博览会开幕"},
		{"中国--东盟自贸区3.0版谈判取得实质性进展", "", "中国--东盟自贸区3.0版谈判取得实质性进展"},
		{"新基建赋能制造业-工业互联网", "", "新基建赋能制造业-工业互联网"},
		{"任免通知_国家发展和改革委员会", "", "任免通知"},
		{"政府工作报告_国务院政策文件库_中国政府网", "", "政府工作报告"},
	} {
		h1, meta := c.h1, ""
		if strings.HasPrefix(h1, "<meta") {
			h1, meta = "", h1
		} else if h1 != "" && !strings.HasPrefix(h1, "<") {
			h1 = "<h1>" + h1 + "</h1>"
		}
		page := "<html><head><title>" + c.head + "</title>" + meta + "</head><body><div class=\"header\">" + h1 + "</div><div class=\"article\">" + text + "</div></body></html>"
		a, err := ExtractHTML([]byte(page), "https://example.com/a.html")
		if err != nil || a.Title != c.want {
			t.Errorf("%s: title %q (%v), want %q", c.head, a.Title, err, c.want)
		}
	}
}

// TestSourceLinesAndDates: source lines and dates as two reviews' pages
// wrote them (a notice's 时间： line left the text and dated the page; a
// value's brackets were cut; fields in spans side by side were one; a
// sidebar's or a footer's date won; dates opening a short line were not
// read).
func TestSourceLinesAndDates(t *testing.T) {
	const text = "<p>国务院总理主持召开国务院常务会议，听取当前防汛救灾工作情况汇报，部署做好下一阶段防汛救灾工作，研究推动高质量发展的政策措施。</p>"
	for _, c := range []struct {
		name, before, info, after, date, source, author string
		has, lacks                                      []string
	}{
		{name: "notice", info: "发布时间：2024-03-01", after: "<p>时间：2024年3月15日上午9:00</p><p>地点：市行政中心</p>", date: "2024-03-01", has: []string{"时间：2024年3月15日上午9:00"}},
		{name: "brackets", info: "来源：人民日报（2024年03月05日第09版） 作者：张三（中央党校教授）", source: "人民日报（2024年03月05日第09版）", author: "张三（中央党校教授）"},
		{name: "spans", info: "<span>发布时间：2024-03-05</span><span>来源：市农业农村局</span><span>作者：张三</span>", date: "2024-03-05", source: "市农业农村局", author: "张三"},
		{name: "item", info: "2024-03-05", after: "<p>2. 总理出访（来源：新华社）</p>", date: "2024-03-05", has: []string{"2. 总理出访（来源：新华社）"}},
		{name: "weekday", info: "2024年03月05日 星期二", date: "2024-03-05"},
		{name: "bracketed", info: "[2024-03-05]", date: "2024-03-05"},
		{name: "time-glued", info: "2024年03月05日09:21 人民网－人民日报", date: "2024-03-05"},
		{name: "sidebar", before: "<p><a href=\"/x\">全市防汛工作会议召开</a></p><p class=\"date\">2024-08-20</p>", info: "日期：2024-08-22 16:35 来源：市委宣传部", date: "2024-08-22", source: "市委宣传部"},
		{name: "footer", info: "2024-06-15 10:22:11 来源：华图教育", after: "<div class=\"footer\">网站更新时间：2024-11-01</div>", date: "2024-06-15"},
		// A third review's: a header's date and a notice's meeting date did
		// not beat the date labelled the page's, wherever it is.
		{name: "header-date", before: "<p>2024年07月01日 星期一</p>", after: "<p>发布日期：2024-03-05</p>", date: "2024-03-05"},
		{name: "meeting", info: "发布时间：2024-03-05", after: "<p>会议时间：2024年3月20日上午9时</p>", date: "2024-03-05", has: []string{"会议时间：2024年3月20日上午9时"}},
		{name: "gov.cn", info: "2024-01-16 18:08 来源： 中国政府网 【字体：大 中 小】打印", date: "2024-01-16", source: "中国政府网"},
		// An operator run's: the page's date as exam-prep sites label it,
		// read, and its line out of the body; a date labelled inside a
		// word (出生日期, 截止日期) is the text's.
		{name: "riqi", info: "日期：2024-05-10", date: "2024-05-10", lacks: []string{"日期"}},
		{name: "riqi-han", info: "日期：2024年5月10日", date: "2024-05-10", lacks: []string{"日期"}},
		{name: "fabu", info: "发布：2024-05-10", date: "2024-05-10", lacks: []string{"发布"}},
		{name: "updated", info: "更新时间：2024-05-10", date: "2024-05-10", lacks: []string{"更新"}},
		{name: "fabuyu", info: "发布于 2024-05-10", date: "2024-05-10", lacks: []string{"发布"}},
		{name: "fabuyu-source", info: "发布于 2024-05-10 来源：华图教育", date: "2024-05-10", source: "华图教育", lacks: []string{"发布"}},
		{name: "deadline", info: "", after: "<p>截止日期：2024年6月30日</p><p>出生日期：1970年3月2日</p>", date: "-", has: []string{"截止日期：2024年6月30日", "出生日期：1970年3月2日"}},
		// A review's: a notice's schedule line is its own, below the text.
		{name: "notice-riqi", info: "2024-06-20 来源：人事考试网", after: "<p>一、笔试安排</p><p>日期：2024年7月6日</p><p>地点：市行政中心</p>",
			date: "2024-06-20", source: "人事考试网", has: []string{"日期：2024年7月6日"}},
		{name: "notice-riqi-undated", info: "", after: "<p>一、笔试安排</p><p>日期：2024年7月6日</p><p>地点：市行政中心</p>",
			date: "-", has: []string{"日期：2024年7月6日"}},
	} {
		page := "<html><head><title>国务院常务会议部署防汛救灾工作_新闻</title></head><body><div class=\"side\">" + c.before +
			"</div><div class=\"article\"><h1>国务院常务会议部署防汛救灾工作</h1><div class=\"info\">" + c.info + "</div>" + text + c.after + "</div></body></html>"
		a, err := ExtractHTML([]byte(page), "https://example.com/"+c.name+".html")
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if c.date != "" && a.PublishedOn != strings.Trim(c.date, "-") || c.source != "" && a.Source != c.source || c.author != "" && a.Author != c.author {
			t.Errorf("%s: date %q source %q author %q", c.name, a.PublishedOn, a.Source, a.Author)
		}
		for _, h := range c.has {
			if !strings.Contains(a.Body, h) {
				t.Errorf("%s: body lacks %q:\n%s", c.name, h, a.Body)
			}
		}
		for _, l := range c.lacks {
			if strings.Contains(a.Body, l) {
				t.Errorf("%s: body has %q:\n%s", c.name, l, a.Body)
			}
		}
	}
}

// TestFrontMatterAsBlogsWriteIt: what Hexo, Jekyll, Hugo and Obsidian put in
// front matter is read or passed over (an operator run's notes were refused:
// unknown field date, layout, aliases; tags: 遴选 as one text); a --- after
// blank lines and before a heading is a rule, not front matter; TOML's +++
// is named.
func TestFrontMatterAsBlogsWriteIt(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"hexo.md":     "---\ntitle: 公文写作\ndate: 2024-01-20 21:30:00\nupdated: 2024-01-21 10:00:00\ncategories: [遴选, 笔试]\ntags: 遴选\nlayout: post\naliases: [gw]\ndescription: 公文写作的要点\n---\n正文。\n",
		"rule.md":     "\n---\n\n# 遴选笔试备考指南\n\n今年的笔试更重视材料分析。\n\n---\n\n第二部分。\n",
		"glued.md":    "\n---\n# 标题紧贴分隔线\n正文。\n",
		"blank-fm.md": "\n\n---\n\ntitle: 前有空行\npublished_on: 2024-03-05\n---\n正文。\n",
		"hugo.md":     "+++\ntitle = \"共同富裕\"\n+++\n正文。\n",
		"bad-date.md": "---\ntitle: 日期\ndate: 2024-13-45\n---\n正文。\n",
	}
	for name, text := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	arts, errs := ReadPaths([]string{dir}, ReadOptions{})
	var got []string
	for _, e := range errs {
		got = append(got, strings.TrimPrefix(e.Error(), dir+string(filepath.Separator)))
	}
	if len(got) != 2 || !strings.HasPrefix(got[0], "bad-date.md:3: ") || !strings.HasPrefix(got[1], "hugo.md:1: front matter between +++ lines (TOML) is not read") {
		t.Fatalf("errors %q", got)
	}
	if len(arts) != 4 {
		t.Fatalf("%d articles", len(arts))
	}
	if b := arts[0]; b.Title != "前有空行" || b.PublishedOn != "2024-03-05" {
		t.Errorf("blank-fm.md: %+v", b)
	}
	if g := arts[1]; g.Title != "标题紧贴分隔线" || g.Body != "正文。" {
		t.Errorf("glued.md: title %q body %q", g.Title, g.Body)
	}
	h := arts[2]
	if h.PublishedOn != "2024-01-20" || h.Category != "遴选" || !slices.Equal(h.Tags, []string{"遴选"}) || h.Summary != "公文写作的要点" {
		t.Errorf("hexo.md: %+v", h)
	}
	if r := arts[3]; r.Title != "遴选笔试备考指南" || r.Body != "今年的笔试更重视材料分析。\n\n第二部分。" {
		t.Errorf("rule.md: title %q body %q", r.Title, r.Body)
	}
}

// TestOperatorRunsPages: an operator run's last finds: an address routed
// by its fragment is a page's; a site's footer leaves the end of the text;
// and a page without an article says so in words.
func TestOperatorRunsPages(t *testing.T) {
	const text = "<p>国务院总理主持召开国务院常务会议，听取当前防汛救灾工作情况汇报，部署做好下一阶段防汛救灾工作，研究推动高质量发展的政策措施。</p>"
	page := `<html><head><title>防汛</title><link rel="canonical" href="https://m.example.com/#/detail?id=12345"></head><body><div class="article">` + text +
		`<p>人 民 网 股 份 有 限 公 司 版 权 所 有 ，未 经 书 面 授 权 禁 止 使 用</p><p>Copyright © 1997-2024 by www.people.com.cn. all rights reserved</p></div></body></html>`
	a, err := ExtractHTML([]byte(page), "")
	if err != nil || a.URL != "https://m.example.com/#/detail?id=12345" || strings.Contains(a.Body, "版 权") || strings.Contains(a.Body, "Copyright") {
		t.Fatalf("%q %q %v", a.URL, a.Body, err)
	}
	// An article's own last paragraph on copyright is no footer.
	law := strings.Replace(page, `<p>人 民 网`, `<p>未经许可转载他人作品，即侵犯所谓“版权所有”，可能构成侵权并承担相应法律责任。</p><p>人 民 网`, 1)
	if a, err := ExtractHTML([]byte(law), ""); err != nil || !strings.Contains(a.Body, "承担相应法律责任。") || strings.Contains(a.Body, "Copyright") {
		t.Fatalf("%q %v", a.Body, err)
	}
	if _, err := ExtractHTML([]byte(`<html><body><div class="share"><a href="#">分享到微信</a></div></body></html>`), "https://x/a"); err == nil || strings.Contains(err.Error(), "Node") {
		t.Fatalf("a page without an article: %v", err)
	}
}

// TestDescribe: a card's description is the summary on one line, or the
// first paragraph when the summary says nothing of the article (the
// corpus's documents: each day's reading card said 各位代表： or nothing).
func TestDescribe(t *testing.T) {
	body := "各位代表：\n\n现在，我代表国务院，向大会报告政府工作。"
	for _, c := range []struct {
		title, summary, body, want string
	}{
		{"政府工作报告", "各位代表：", body, "现在，我代表国务院，向大会报告政府工作。"},
		{"政府工作报告", "各位代表：\u200d", body, "现在，我代表国务院，向大会报告政府工作。"},
		{"十一大报告", "同志们！", "同志们！\n\n中国共产党第十一次全国代表大会，现在开幕了。", "中国共产党第十一次全国代表大会，现在开幕了。"},
		{"决议", "\u200b", "\u200b\n\n（2021年3月11日通过）\n\n大会批准这个报告。", "大会批准这个报告。"},
		{"政府工作报告", "政府工作报告", "政府工作报告\n\n——2024年3月5日\n\n" + body, "现在，我代表国务院，向大会报告政府工作。"},
		{"决胜全面建成小康社会 夺取伟大胜利", "决胜全面建成小康社会", "决胜全面建成小康社会\n\n同志们：\n\n现在，我代表第十八届中央委员会向大会作报告。", "现在，我代表第十八届中央委员会向大会作报告。"},
		{"马克思主义在中国", "一、去年", "一、去年\n\n去年，这里没有任何组织。", "去年，这里没有任何组织。"},
		{"决议", "会议听取了李强所作的\n政府工作报告\n。会议充分肯定", "", "会议听取了李强所作的政府工作报告。会议充分肯定"},
		{"会议", "习近平 李强\n出席", "", "习近平 李强出席"},
		{"枫桥经验", "介绍枫桥经验", "", "介绍枫桥经验"},         // no body: a short summary stands
		{"枫桥经验", "介绍枫桥经验", "枫桥经验的来历。", "介绍枫桥经验"}, // short, but no heading (a review's find)
		{"国常会", "国务院常务会议部署稳就业", "会议由李强主持。", "国务院常务会议部署稳就业"},
		{"論聯合政府", "論聯合政府\n的版本包括：", "論聯合政府\n的版本包括：\n\n毛泽东1945年在七大所作的报告。", "毛泽东1945年在七大所作的报告。"},
		{"意见", "（一）总体要求", "（一）总体要求\n\n坚持稳中求进工作总基调。", "坚持稳中求进工作总基调。"},
		{"2024年中华人民共和国国务院政府工作报告", "政府工作报告", "政府工作报告\n\n各位代表：\n\n现在，我代表国务院。", "现在，我代表国务院。"},
		{"枫桥经验", "枫桥经验是基层治理的经验。", "正文。", "枫桥经验是基层治理的经验。"},
		{"枫桥经验", "", "", ""},
		{"枫桥经验", "枫桥经验", "", ""},
	} {
		if got := Describe(Article{Title: c.title, Summary: c.summary, Body: c.body}); got != c.want {
			t.Errorf("%q / %q: %q, want %q", c.title, c.summary, got, c.want)
		}
	}
}

// TestBlogDates: a date as blogs write it is the day it names (an operator
// run's find: date: 2024/05/06 10:00 was refused as not YYYY-MM-DD).
func TestBlogDates(t *testing.T) {
	for in, want := range map[string]string{"2024-05-06": "2024-05-06", "2024-05-06 10:00:00": "2024-05-06", "2024/05/06 10:00": "2024-05-06",
		"2024.5.6": "2024-05-06", "2024年5月6日": "2024-05-06", "2024年12月1日 星期日": "2024-12-01", "May 6, 2024": "May 6, 2024", "2024/5": "2024/5"} {
		if got := dayOf(in); got != want {
			t.Errorf("dayOf(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestColonInFrontMatter: a title with ": " unquoted says how to write it
// (an operator run's find: the YAML parser's words alone).
func TestColonInFrontMatter(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "c.md"), []byte("---\ntitle: 学习笔记: 二十大报告\nurl: https://example.com/c\n---\n正文。\n"), 0o644)
	_, errs := ReadPaths([]string{filepath.Join(dir, "c.md")}, ReadOptions{})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), `c.md:2: front matter:`) || !strings.Contains(errs[0].Error(), `needs quotes (title: '学习笔记: 二十大报告')`) {
		t.Fatalf("a title with a colon: %v", errs)
	}
}

// TestTitleWholeInAHeading: a <title> that the article's own heading repeats
// whole is the title, its ｜ and all, and the heading leaves the body (an
// operator run's find: cut at ｜ to 遴选面试, the heading the body's first
// line).
func TestTitleWholeInAHeading(t *testing.T) {
	para := "<p>" + strings.Repeat("结构化面试重在考察考生的综合分析能力、组织协调能力和言语表达能力，答题要紧扣岗位、言之有物。", 4) + "</p>"
	for _, heading := range []string{`<h2 id="activity-name">遴选面试｜结构化面试答题思路</h2>`, `<h2>遴选面试｜结构化面试答题思路</h2>`} {
		page := `<html><head><meta charset="utf-8"><title>遴选面试｜结构化面试答题思路</title></head><body><article>` + heading + para + para + `</article></body></html>`
		a, err := ExtractHTML([]byte(page), "https://example.com/ms")
		if err != nil {
			t.Fatal(err)
		}
		if a.Title != "遴选面试｜结构化面试答题思路" || strings.HasPrefix(a.Body, "遴选面试") {
			t.Errorf("%s: title %q, body %.40q", heading, a.Title, a.Body)
		}
	}
}

// TestWeChatLinksOfOneArticle: copies of one WeChat article's link (with a
// reader's tracking parameters, a fragment, or without them) are one
// address (an operator run's find: saved twice, it was two articles).
func TestWeChatLinksOfOneArticle(t *testing.T) {
	const canonical = "https://mp.weixin.qq.com/s?__biz=MzA4NDI3NjcyNA==&mid=2650000001&idx=1&sn=abcdef0123456789"
	for _, in := range []string{canonical, canonical + "#rd", canonical + "&chksm=84aa&scene=21#wechat_redirect",
		"https://mp.weixin.qq.com/s?__biz=MzA4NDI3NjcyNA==&mid=2650000001&idx=1&sn=abcdef0123456789&scene=126&sessionid=17",
		// http:// in one copy's og:url, https:// in the other's saved-from
		// comment (an operator run's find: two articles).
		"http://mp.weixin.qq.com/s?__biz=MzA4NDI3NjcyNA==&mid=2650000001&idx=1&sn=abcdef0123456789&chksm=84aa#rd",
		"https://MP.weixin.qq.com/s?__biz=MzA4NDI3NjcyNA==&mid=2650000001&idx=1&sn=abcdef0123456789"} {
		if got := ArticleURL(in); got != canonical {
			t.Errorf("ArticleURL(%q) = %q", in, got)
		}
	}
	for _, same := range []string{"https://mp.weixin.qq.com/s/AbCdEf123", "https://example.com/a.html#part2", "https://mp.weixin.qq.com/s?__biz=x&mid=1"} {
		if got := ArticleURL(same); got != same {
			t.Errorf("ArticleURL(%q) = %q, want it as given", same, got)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"https://mp.weixin.qq.com/s/AbCdEf123#rd", "https://mp.weixin.qq.com/s/AbCdEf123"},
		{"http://mp.weixin.qq.com/s/AbCdEf123", "https://mp.weixin.qq.com/s/AbCdEf123"},
		// Without all four naming parameters, the tracking ones still go.
		{"http://mp.weixin.qq.com/s?__biz=MzA5NjQ1&sn=abcdef123&chksm=8b1234&scene=21#rd", "https://mp.weixin.qq.com/s?__biz=MzA5NjQ1&sn=abcdef123"},
		{"https://mp.weixin.qq.com/s?src=11&timestamp=1717200000&signature=abc&chksm=8b&scene=1", "https://mp.weixin.qq.com/s?src=11&timestamp=1717200000&signature=abc"},
		// Another site may serve another page at http://.
		{"http://example.com/a.html#part2", "http://example.com/a.html#part2"},
	} {
		if got := ArticleURL(c.in); got != c.want {
			t.Errorf("ArticleURL(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// The two copies as saved are one address.
	var urls []string
	for _, f := range []string{"wechat-og-url-http.html", "wechat-saved-from-https.html"} {
		arts, errs := ReadPaths([]string{filepath.Join("testdata", "pages", f)}, ReadOptions{})
		if len(errs) > 0 || len(arts) != 1 {
			t.Fatalf("%s: %v %v", f, arts, errs)
		}
		urls = append(urls, arts[0].URL)
	}
	if want := "https://mp.weixin.qq.com/s?__biz=MzA5NjQ1&mid=2650001&idx=1&sn=abcdef123"; urls[0] != want || urls[1] != want {
		t.Errorf("two copies of one article at %q, want both %q", urls, want)
	}
	// Imported, an article has the address without them.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "w.jsonl"), []byte(`{"title":"一篇","url":"`+canonical+`&chksm=84aa&scene=21#wechat_redirect"}`+"\n"), 0o644)
	if arts, errs := ReadPaths([]string{dir}, ReadOptions{}); len(errs) > 0 || len(arts) != 1 || arts[0].URL != canonical {
		t.Errorf("imported: %+v %v", arts, errs)
	}
}

// TestPageCutAtALineEnd: a page cut at a line's end ends with a tag's >,
// as a whole page without its end tags does (an operator run's find:
// head -n 14 of cut-policy.html, just after a </p>, was read and replaced
// the article's 3 paragraphs with 2; after a <p>, with 1). A browser's
// saved page is cut short wherever it ends before </html>; another is when
// a block the article lives in (a <div>, whose </div> no page may omit)
// is left open. A page that omits only the end tags HTML lets it is read.
func TestPageCutAtALineEnd(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "pages", "cut-policy.html"))
	if err != nil {
		t.Fatal(err)
	}
	saved := strings.SplitAfter(strings.TrimSuffix(string(page), "\n"), "\n")
	// The same page served, not saved: a canonical link for the comment.
	served := strings.SplitAfter(strings.Replace(string(page), "<!-- saved from url=(0048)https://www.beichenlx.com/news/2024/0305/123.html -->",
		`<link rel="canonical" href="https://www.beichenlx.com/news/2024/0305/123.html">`, 1), "\n")
	dir := t.TempDir()
	for _, c := range []struct {
		name     string
		lines    []string
		from, to int // cut after each of these lines (1-based)
		want     string
	}{
		{"saved, cut anywhere in its body", saved, 7, len(saved) - 1, "the page ends before its </"},
		{"saved, cut after the article", saved, 16, len(saved) - 1, "which the browser that saved it wrote"},
		{"served, cut inside the article's <div>", served, 10, 15, `its <div class="main"> of line 10 not closed`},
	} {
		for n := c.from; n <= c.to; n++ {
			path := filepath.Join(dir, fmt.Sprintf("cut%d.html", n))
			if err := os.WriteFile(path, []byte(strings.Join(c.lines[:n], "")), 0o644); err != nil {
				t.Fatal(err)
			}
			arts, errs := ReadPaths([]string{path}, ReadOptions{})
			if len(arts) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), fmt.Sprintf("cut%d.html:%d: ", n, n)) ||
				!strings.Contains(errs[0].Error(), c.want) || !strings.Contains(errs[0].Error(), "cut short") {
				t.Errorf("%s: cut after line %d: %v %v, want %q", c.name, n, arts, errs, c.want)
			}
		}
	}
	// Pages that omit the end tags HTML lets them (a whole page without
	// </body></html>; a minifier's, without </p> and </li> either) are read.
	for _, c := range []struct{ name, page string }{
		{"no </body></html>", strings.NewReplacer("</body>", "", "</html>", "").Replace(strings.Join(served, ""))},
		{"minified", `<html lang="zh-CN"><head><meta charset="utf-8"><title>2024年政府工作报告要点解读_时政热点_北辰遴选</title>` +
			`<link rel="canonical" href="https://www.beichenlx.com/news/2024/0305/123.html"><body><div class="main"><h1>2024年政府工作报告要点解读</h1>` +
			`<p>3月5日，国务院总理李强在十四届全国人大二次会议上作政府工作报告。报告提出今年经济增长预期目标为5%左右。` +
			`<p>报告强调，大力推进现代化产业体系建设，加快发展新质生产力。<ul><li>充分发挥创新主导作用<li>以科技创新推动产业创新</ul>` +
			`<p>报告还提出，深入实施科教兴国战略，强化高质量发展的基础支撑。</div>`},
	} {
		path := filepath.Join(dir, "whole.html")
		if err := os.WriteFile(path, []byte(c.page), 0o644); err != nil {
			t.Fatal(err)
		}
		arts, errs := ReadPaths([]string{path}, ReadOptions{})
		if len(errs) > 0 || len(arts) != 1 || !strings.Contains(arts[0].Body, "报告还提出") {
			t.Errorf("%s: %v %v", c.name, arts, errs)
		}
	}
}

// TestBoxesAndNeighbourLinks: a login or VIP box inside the article's
// <div>, and the links to the previous and next articles and related ones
// after its text, are the site's (an operator run's find: a search for
// 开通VIP会员, or for the previous article's title, answered with this
// one). A sentence that opens 上一篇 and a members' article in a
// <div class="vip-content"> are the article's.
func TestBoxesAndNeighbourLinks(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "pages", "boxes-prev-next.html"))
	if err != nil {
		t.Fatal(err)
	}
	const members = "会员专享：结构化面试的综合分析题，要先亮明观点，再分析原因，最后提出对策。组织协调题要突出目的、重点和创新，避免记流水账。应急应变题要先控制局面，再分清轻重缓急，最后总结经验、完善机制。人际关系题要体现尊重领导、团结同事、服务群众的态度，从大局出发化解矛盾。"
	for _, c := range []struct {
		name, page string
		has, lacks []string
	}{
		{"boxes and links", string(page),
			[]string{"极端天气事件偏多。", "做好人员转移避险。", "上一篇文章讲到的汛前检查"},
			[]string{"登录", "注册", "VIP", "上一篇：", "春耕", "下一篇", "新质生产力", "相关阅读", "防汛工作 2024-05-20", "会商会", "版权所有"}},
		{"a members' article", `<html><head><title>结构化面试答题思路</title></head><body><div class="article"><h1>结构化面试答题思路</h1>` +
			`<div class="vip-content"><p>` + members + `</p></div><div class="vip-tip">开通VIP会员，免费学习全部遴选课程！</div>` +
			`<p>下一篇：遴选笔试备考指南</p></div></body></html>`,
			[]string{members}, []string{"开通VIP会员", "下一篇"}},
		{"a course's advert", `<html><head><title>结构化面试答题思路</title></head><body><div class="article-body"><h1>结构化面试答题思路</h1>` +
			`<p>` + members + `</p><div class="course-card"><p>2025遴选笔试系统班</p><p>￥1980 <del>￥2980</del></p><a href="/buy/1">立即购买</a></div>` +
			`<div class="ad"><p>遴选面试一对一辅导，限时优惠</p></div><p>综合分析题的答题要点就讲到这里。</p></div></body></html>`,
			[]string{members, "综合分析题的答题要点就讲到这里。"}, []string{"系统班", "￥", "立即购买", "一对一辅导"}},
		// A review's: a notice's fields in boxes so named are its text.
		{"a notice's registration fields", `<html><head><title>遴选公告</title></head><body><div class="article"><h1>遴选公告</h1>` +
			`<p>` + members + `</p><div class="reg-time">报名时间：2025年3月1日至3月10日</div><div class="course-fee">考试不收取任何费用，报名后凭准考证参加笔试</div></div></body></html>`,
			[]string{"报名时间：2025年3月1日至3月10日", "报名后凭准考证参加笔试"}, nil},
		{"a list's last items that are no related links", `<html><head><title>会议要求</title></head><body><div class="article"><h1>会议要求</h1>` +
			`<p>会议要求，各地区各有关部门要压实防汛抗旱责任，强化监测预警，做好人员转移避险，确保人民群众生命财产安全。</p>` +
			`<p>一是压实责任</p><p>二是强化预警</p></div></body></html>`,
			[]string{"一是压实责任", "二是强化预警"}, nil},
	} {
		a, err := ExtractHTML([]byte(c.page), "https://www.beichenlx.com/a/2.html")
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		for _, s := range c.has {
			if !strings.Contains(a.Body, s) {
				t.Errorf("%s: body lacks %q:\n%s", c.name, s, a.Body)
			}
		}
		for _, s := range c.lacks {
			if strings.Contains(a.Body, s) {
				t.Errorf("%s: body has %q:\n%s", c.name, s, a.Body)
			}
		}
	}
	for _, c := range []struct {
		names string
		box   bool
	}{
		{"login-box", true}, {"vip", true}, {"loginBox", true}, {"reg-modal", true}, {"paywall", true}, {"x js_vip_tip", true},
		{"region", false}, {"dialogue-text", false}, {"article", false}, {"registration-guide", false}, {"vipshop", false},
		{"course-card", true}, {"ad", true}, {"advert", true}, {"course-ad", true}, {"shop-box", true}, {"goods-list", true}, {"vipshop-ad", true},
		{"address", false}, {"adjust", false}, {"courseware", false}, {"products-intro", false},
		{"dialog-item", false}, {"popup-news", false}, {"modal", false}, {"mask", false},
	} {
		if got := named(c.names, boxWords) || named(c.names, advertWords); got != c.box {
			t.Errorf("named(%q) = %v, want %v", c.names, got, c.box)
		}
	}
}

// TestTextInBoxesNamedSo: a short element whose class names a dialog, a
// pop-up or a sign-in is the article's text unless it prompts the reader
// to log in, sign up or pay (a review's find: an interview's questions
// and answers, each in a <div class="dialog-item">, imported as its intro
// sentence alone; a short news item in a <div class="popup-news"> was
// refused as no article text).
func TestTextInBoxesNamedSo(t *testing.T) {
	for _, c := range []struct {
		file string
		has  []string
	}{
		{"interview-dialog.html", []string{"记者近日走进社区", "问：您怎样理解群众工作？", "答：先听完群众的话，再一起想办法。", "答：脚上沾多少泥，心里就有多少真情。"}},
		{"popup-news.html", []string{"11月15日起，我市集中供暖正式启动"}},
	} {
		page, err := os.ReadFile(filepath.Join("testdata", "pages", c.file))
		if err != nil {
			t.Fatal(err)
		}
		a, err := ExtractHTML(page, "")
		if err != nil {
			t.Errorf("%s: %v", c.file, err)
			continue
		}
		for _, s := range c.has {
			if !strings.Contains(a.Body, s) {
				t.Errorf("%s: body lacks %q:\n%s", c.file, s, a.Body)
			}
		}
	}
	// Named as a box, but prompting for nothing: text.
	a, err := ExtractHTML([]byte(`<html><head><title>党员到社区报到</title></head><body><div class="article"><h1>党员到社区报到</h1>`+
		`<p>今年以来，我市组织在职党员到居住地社区报到，参与志愿服务和基层治理，受到群众欢迎。</p>`+
		`<div class="signin-record"><p>截至目前，全市已有2.3万名党员报到。</p></div></div></body></html>`), "https://www.beichenlx.com/a/33.html")
	if err != nil || !strings.Contains(a.Body, "全市已有2.3万名党员报到") {
		t.Errorf("signin-record: %v\n%s", err, a.Body)
	}
}

// TestNeighbourLinksAndSentences: a line opening 上篇 or 下一篇 that is a
// sentence of the article's (上篇 我们已经介绍了…。, 下一篇 将解读…。) is
// kept; the links to the previous and next articles (上一篇 and a link's
// title, 下一篇 没有了, 上一篇：…) are not (a review's find: both sentences
// ending a page were dropped).
func TestNeighbourLinksAndSentences(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "pages", "prev-next-sentences.html"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := ExtractHTML(page, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"上篇 我们已经介绍了通知的主要内容，本篇重点解读新增的五项措施。", "下一篇 将解读配套的补贴政策。"} {
		if !strings.Contains(a.Body, s) {
			t.Errorf("body lacks %q:\n%s", s, a.Body)
		}
	}
	for _, s := range []string{"解读之一", "没有了"} {
		if strings.Contains(a.Body, s) {
			t.Errorf("body has %q:\n%s", s, a.Body)
		}
	}
}

// TestWeChatRelatedLinks: the block of links WeChat accounts end their
// articles with, under 往期推荐, 往期回顾, 精彩推荐 and the like, is the
// account's, not the article's (a review's find: the titles stayed in the
// body, and a search for one answered with this article). A title ending
// in ？ is a link's too.
func TestWeChatRelatedLinks(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "pages", "wechat-related.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, heading := range []string{"往期推荐", "往期回顾", "往期精选", "精彩推荐", "▼ 往期推荐 ▼", "- 往期回顾 -"} {
		a, err := ExtractHTML([]byte(strings.Replace(string(page), "往期推荐", heading, 1)), "")
		if err != nil {
			t.Fatalf("%s: %v", heading, err)
		}
		if !strings.Contains(a.Body, "与原因一一对应。") {
			t.Errorf("%s: body lacks its last paragraph:\n%s", heading, a.Body)
		}
		for _, s := range []string{strings.Trim(heading, "▼- "), "结构化面试答题思路", "这三个误区"} {
			if strings.Contains(a.Body, s) {
				t.Errorf("%s: body has %q:\n%s", heading, s, a.Body)
			}
		}
	}
}

// TestBreadcrumbLine: a breadcrumb of plain text at the top of a page's
// text is the page's (when labelled, or a trail from 首页); a line of an
// article's that says > or / or names a place is not.
func TestBreadcrumbLine(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"当前位置：首页 > 政策解读", true},
		{"您现在的位置： 首页 >> 新闻中心 >> 正文", true},
		{"您所在的位置：网站首页 » 政务公开", true},
		{"当前位置：首页 > 政策解读 > 关于进一步优化营商环境、激发市场活力的实施意见", true},
		{"首页 > 政策解读 > 正文", true},
		{"位置：首页 / 通知公告", true},
		{"首页", false},
		{"收入 > 支出 > 结余", false},
		{"位置：市政府三楼会议室", false},
		{"当前位置：首页。本文介绍如何设置导航。", false},
		{"首页 > 近日，市政府印发了关于支持中小企业发展的若干措施", false},
		// A place, labelled (a review's finds).
		{"所在位置：市民中心三楼会议室", false}, {"当前位置：北京市朝阳区建国路88号", false}, {"目前位置：北纬21.3度、东经115.6度", false},
		{"当前位置：首页", true}, {"当前位置：政策解读 > 正文", true},
	} {
		if got := breadcrumbLine(c.line); got != c.want {
			t.Errorf("breadcrumbLine(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// TestRelativeCanonicalAlone: a page whose one address is a relative
// canonical link says so, naming it (an operator run's find: "the page
// names no URL (no canonical link, …)" of a page that has one).
func TestRelativeCanonicalAlone(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "review-pages", "relcanon.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := strings.Replace(string(data), `<base href="https://www.beichenlx.com/">`, "", 1)
	path := filepath.Join(t.TempDir(), "relcanon-alone.html")
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs := ReadPaths([]string{path}, ReadOptions{})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), `the page's canonical link "/news/2024/0305/d1.html" is relative, and nothing names its site`) ||
		!strings.Contains(errs[0].Error(), "--url") {
		t.Fatalf("errors %v", errs)
	}
	if arts, errs := ReadPaths([]string{path}, ReadOptions{URL: "https://www.beichenlx.com/news/2024/0305/d1.html"}); len(errs) != 0 || len(arts) != 1 {
		t.Fatalf("with --url: %v %v", arts, errs)
	}
}

// TestArticleUnderTheArticleLimitAsShown: one article, however read, is at
// most 2 MiB as `mpbot articles show` prints it, so that it can be shown,
// edited and imported again (an operator run's find: a 7 MiB page stored an
// article the .json importer then refused; a review's: a 2 MiB Markdown
// file of short lines, 2.4 MiB shown); the file is reported, the rest read.
func TestArticleUnderTheArticleLimitAsShown(t *testing.T) {
	dir := t.TempDir()
	var page strings.Builder
	page.WriteString(`<html><head><title>大页面</title><link rel="canonical" href="https://example.org/bigpage"></head><body><article><h1>大页面</h1>`)
	for page.Len() < 7<<20 {
		page.WriteString("<p>" + strings.Repeat("内容", 200) + "</p>")
	}
	page.WriteString("</article></body></html>")
	var md strings.Builder
	md.WriteString("---\ntitle: 长文\nurl: https://example.org/long\n---\n\n")
	for md.Len() < MaxArticleBytes-64 {
		md.WriteString("短句。\n\n")
	}
	files := map[string]string{"big.html": page.String(), "long.md": md.String(),
		"ok.md": "---\ntitle: 短文\nurl: https://example.org/short\n---\n\n" + strings.Repeat("正文。", 1000)}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	arts, errs := ReadPaths([]string{dir}, ReadOptions{})
	said := fmt.Sprint(errs)
	if len(arts) != 1 || arts[0].Title != "短文" || len(errs) != 2 || !strings.Contains(said, "big.html: the article is") || !strings.Contains(said, "long.md: the article is") ||
		!strings.Contains(said, "as `mpbot articles show` prints it; one article may be at most 2.0 MiB") {
		t.Errorf("read %d articles, errors %v; want the short one, and the page and the long file reported", len(arts), errs)
	}
	for _, a := range arts {
		if shownSize(a) > MaxArticleBytes {
			t.Errorf("%s shown as %s", a.Title, sizeOf(shownSize(a)))
		}
	}
}

// TestEmptyJSONLinesFileIsReported: a .jsonl file with no article in it
// (0 bytes, or blank lines only: an export that failed, a script that
// truncated the file before writing it) imported as "read 0 articles (0
// problems)", exit 0, while an empty .json, .md or .html file is reported
// at its line 1 (an operator run's find: `mpbot import empty.jsonl`
// said nothing was wrong).
func TestEmptyJSONLinesFileIsReported(t *testing.T) {
	for name, text := range map[string]string{"empty.jsonl": "", "blank.jsonl": "   \n\n\r\n"} {
		dir := t.TempDir()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		arts, errs := ReadPaths([]string{path}, ReadOptions{})
		if len(arts) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), name+":1:") {
			t.Errorf("%s (%q): %d articles, errors %v; want it reported as %s:1, as an empty .json file is", name, text, len(arts), errs, name)
		}
	}
}

// TestBOMOnlyJSONLinesFileIsEmpty: a .jsonl file holding only a UTF-8 BOM
// (and perhaps blank lines) is the empty export a Windows tool writes
// (PowerShell's Out-File -Encoding utf8, Notepad's "UTF-8 with BOM"), and
// an empty .json so written is reported as empty. The .jsonl one is
// reported as "invalid JSON: EOF": the emptiness check looks at the line
// before its BOM is taken off, so the line counts as written.
func TestBOMOnlyJSONLinesFileIsEmpty(t *testing.T) {
	for name, text := range map[string]string{"bom.jsonl": "\ufeff", "bom-blank.jsonl": "\ufeff\n\n"} {
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		arts, errs := ReadPaths([]string{path}, ReadOptions{})
		if len(arts) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), name+":1: empty") {
			t.Errorf("%s (%q): %d articles, errors %v; want %s:1: empty, as an empty .jsonl file and a BOM-only .json file are", name, text, len(arts), errs, name)
		}
	}
}

// TestJSONDatesAsFrontMatterReadsThem: a JSON article's date written as a
// blog or a CMS writes it (2026/11/26, 2026.11.26, 2026年11月26日, a time
// after it) is its day, as in a Markdown file's front matter: JSON Lines
// refused what Markdown took (a newcomer's run). A date of no day is still
// refused.
func TestJSONDatesAsFrontMatterReadsThem(t *testing.T) {
	in := `{"id":"a","title":"好","url":"https://x/a","published_on":"2026/11/26"}
{"id":"b","title":"好","url":"https://x/b","published_on":"2026.1.6","scheduled_on":"2026年12月1日"}
{"id":"c","title":"好","url":"https://x/c","published_on":"2026-11-26 08:30:00"}
{"id":"d","title":"好","url":"https://x/d","published_on":"2026-11-26T08:30:00+08:00"}
{"id":"e","title":"好","url":"https://x/e","published_on":"2026/13/45"}
{"id":"f","title":"好","url":"https://x/f","published_on":"上周三"}
`
	got, errs := ReadJSONL(strings.NewReader(in), "in.jsonl")
	want := map[string][2]string{"a": {"2026-11-26"}, "b": {"2026-01-06", "2026-12-01"}, "c": {"2026-11-26"}, "d": {"2026-11-26"}}
	if len(got) != len(want) {
		t.Fatalf("kept %+v; errors %v", got, errs)
	}
	for _, a := range got {
		if w := want[a.ID]; a.PublishedOn != w[0] || a.ScheduledOn != w[1] {
			t.Errorf("%s: published_on %q, scheduled_on %q; want %q, %q", a.ID, a.PublishedOn, a.ScheduledOn, w[0], w[1])
		}
	}
	if len(errs) != 2 || !strings.Contains(errs[0].Error(), `in.jsonl:5: published_on "2026-13-45" is no day of the calendar`) ||
		!strings.Contains(errs[1].Error(), `in.jsonl:6: published_on "上周三" is not a YYYY-MM-DD date (2026/11/26, 2026.11.26 and 2026年11月26日 are read too)`) {
		t.Errorf("errors %v", errs)
	}
	// A .json file's articles are read alike.
	arts, errs := readJSONFile("in.json", []byte(`[{"id":"g","title":"好","url":"https://x/g","published_on":"2026/11/26"}]`), "")
	if len(errs) != 0 || len(arts) != 1 || arts[0].PublishedOn != "2026-11-26" {
		t.Errorf("json: %+v %v", arts, errs)
	}
}

// TestBlogEnginesFieldsPassedOrRead: a Jekyll post's published: true and a
// Hugo post's publishDate and expiryDate refused the note as an unknown
// field (a newcomer's run, without a hint); published is passed over,
// publishDate read as date is, excerpt as description is.
func TestBlogEnginesFieldsPassedOrRead(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"jekyll.md": "---\nlayout: post\ntitle: 申论范文两篇\ndate: 2026-11-26 10:00:00 +0800\npublished: true\nexcerpt: 两篇范文\ncategories: [政策理论导读]\n---\n\n范文一：以人民为中心。\n",
		"hugo.md":   "---\nTitle: 遴选面试技巧\nPublishDate: 2026-11-20T08:00:00+08:00\nexpiryDate: 2027-01-01\ndraft: false\n---\n\n面试技巧。\n",
		"bad.md":    "---\ntitle: 日期写错\npublishDate: 上周三\n---\n\n正文。\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	arts, errs := ReadPaths([]string{dir}, ReadOptions{})
	got := map[string]Article{}
	for _, a := range arts {
		got[a.Title] = a
	}
	if a := got["申论范文两篇"]; a.PublishedOn != "2026-11-26" || a.Summary != "两篇范文" || a.Category != "政策理论导读" {
		t.Errorf("jekyll: %+v", a)
	}
	if a := got["遴选面试技巧"]; a.PublishedOn != "2026-11-20" {
		t.Errorf("hugo: %+v", a)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), `bad.md:3: publishDate "上周三" is not a YYYY-MM-DD date`) {
		t.Errorf("errors %v", errs)
	}
}
