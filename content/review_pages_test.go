package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const probeLong = "<p>第一题要求考生根据给定资料1，概括某市推进基层治理现代化的主要做法。题目要求全面、准确、有条理，不超过300字。</p>" +
	"<p>从资料来看，某市的做法主要集中在三个方面：一是党建引领；二是数字赋能；三是多元共治，发动志愿者和社会组织参与社区事务。</p>"

// A heading or short paragraph of the article's own that says 关注我们 is dropped as boilerplate.
func TestReviewBoilerplateEatsArticleText(t *testing.T) {
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>青年干部要关注民生</title></head><body><div class="content">
<h1>青年干部要关注民生</h1>` + probeLong + `<p>二、关注我们身边的困难群众</p>` + probeLong + `<p>这个工作的重点在看得见的地方。</p>` + probeLong + `</div></body></html>`
	a, err := ExtractHTML([]byte(page), "https://example.com/a/1.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"关注我们身边的困难群众", "重点在看得见"} {
		if !strings.Contains(a.Body, s) {
			t.Errorf("article's own paragraph %q dropped as boilerplate:\n%s", s, a.Body)
		}
	}
}

// An event notice whose first line is 时间：… takes the event's day as its published date.
func TestReviewEventTimeIsNotPublished(t *testing.T) {
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于举办遴选面试培训的通知</title></head><body><div class="content">
<h1>关于举办遴选面试培训的通知</h1><p>时间：2027年3月15日</p>` + probeLong + `</div></body></html>`
	a, err := ExtractHTML([]byte(page), "https://example.com/a/2.html")
	if err != nil {
		t.Fatal(err)
	}
	if a.PublishedOn == "2027-03-15" {
		t.Errorf("published_on is the event's time %q", a.PublishedOn)
	}
}

// A block scalar line "PS：…" inside the front matter is refused as a key with a full-width colon.
func TestReviewWideColonInsideBlockValue(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "n.md")
	os.WriteFile(p, []byte("---\ntitle: 面试笔记\nsummary: |\n  PS：本文转自北辰遴选\n---\n\n正文内容，讲面试。\n"), 0o644)
	arts, errs := ReadPaths([]string{p}, ReadOptions{})
	if len(arts) != 1 {
		t.Errorf("refused: %v", errs)
	}
}

// A roundup article (时政热点汇总) whose items are linked headlines with their paragraphs.
func TestReviewRoundupWithLinkedHeadlines(t *testing.T) {
	var items strings.Builder
	heads := []string{"国务院常务会议部署推进新型城镇化", "全国组织工作会议在京召开", "中央经济工作会议定调明年经济工作", "新修订的公务员法正式施行", "十四五规划纲要实施中期评估发布"}
	for i, h := range heads {
		items.WriteString(`<div class="item"><a href="/n/` + string(rune('a'+i)) + `.html">` + h + `</a><p>会议指出，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展，这是第` + string(rune('一'+i)) + `条要闻的要点。</p></div>`)
	}
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>一周时政热点汇总（8月第1周）</title></head><body><div class="content">
<h1>一周时政热点汇总（8月第1周）</h1><p>发布时间：2024-08-05</p><p>本周时政热点汇总如下，供备考遴选的同学学习参考。</p>` + items.String() + `</div></body></html>`
	a, err := ExtractHTML([]byte(page), "https://example.com/a/3.html")
	if err != nil {
		t.Errorf("roundup refused: %v", err)
	} else {
		t.Logf("%d runes", len([]rune(a.Body)))
	}
}

// A commentary page whose article container is named comment.
func TestReviewCommentaryContainer(t *testing.T) {
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>人民日报评论员：让基层减负落到实处</title></head><body>
<div class="comment" id="main"><h1>人民日报评论员：让基层减负落到实处</h1><p>本报评论员</p>` + probeLong + probeLong + `</div></body></html>`
	a, err := ExtractHTML([]byte(page), "https://example.com/a/4.html")
	if err != nil || !strings.Contains(a.Body, "多元共治") {
		t.Errorf("commentary: %v %q", err, a.Body)
	}
}
