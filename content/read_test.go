package content

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestReadPaths(t *testing.T) {
	arts, errs := ReadPaths([]string{filepath.Join("testdata", "import")}, ReadOptions{Category: "考试分析"})
	byID := map[string]Article{}
	byURL := map[string]Article{}
	for _, a := range arts {
		byID[a.ID] = a
		byURL[a.URL] = a
	}
	if len(arts) != 5 {
		t.Errorf("read %d articles, want 5: %+v", len(arts), arts)
	}
	wantErrs := []string{
		"testdata/import/articles.jsonl:2:",
		"testdata/import/md/broken.md:4: front matter:",
		"testdata/import/md/no-front-matter.md:1: no YAML front matter",
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
`
	got, errs := ReadJSONL(strings.NewReader(in), "in.jsonl")
	if len(got) != 2 || got[0].ID != "a" || got[1].ID != "f" {
		t.Fatalf("kept %+v", got)
	}
	want := []string{"in.jsonl:3:", "in.jsonl:4: title is empty", `in.jsonl:5: invalid JSON: json: unknown field "colour"`, "in.jsonl:6: published_on"}
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
