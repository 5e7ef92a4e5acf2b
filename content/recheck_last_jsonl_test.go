package content

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// An HTML body's own a<b 时 … a>b and <Nature> are text, not tags (a
// re-check's find: eaten). (Bodies with no closing tag stay as written:
// <p>标签表示一个段落 names a tag.)
func TestRecheckLastJSONLMarkupWithoutClosingTags(t *testing.T) {
	cases := map[string]struct{ body, want string }{
		"journal": {"<p>该成果发表在<Nature>杂志上。</p><p>第二段。</p>", "发表在<Nature>杂志上"},
		"compare": {"<p>当 a<b 时取小者，当 a>b 时取大者。</p><p>记住这条规律。</p>", "当 a<b 时取小者，当 a>b 时取大者。"},
	}
	for name, c := range cases {
		line, _ := json.Marshal(map[string]string{"id": name, "title": "正文测试", "url": "https://www.beichenlx.com/j/" + name + ".html", "body": c.body})
		a, err := decodeArticle(line)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if strings.Contains(a.Body, "<") && name != "compare" && name != "journal" || !strings.Contains(a.Body, c.want) {
			t.Errorf("%s: body %q, want it to hold %q", name, a.Body, c.want)
		}
	}
}

// A CMS's export writes lines with <br> or opens paragraphs without closing
// them: those bodies are HTML too, read as text (they had kept their tags,
// and the cards' summaries showed them). One such tag in prose is text.
func TestJSONLBodiesOfLineBreaksAndOpenParagraphs(t *testing.T) {
	cases := map[string]struct {
		body  string
		paras []string
	}{
		"br":        {"第一段讲政策。<br>第二段讲落实。<br/>第三段讲成效。", []string{"第一段讲政策。", "第二段讲落实。", "第三段讲成效。"}},
		"br spaced": {"第一段。<BR />\n第二段。<br>\n第三段。", []string{"第一段。", "第二段。", "第三段。"}},
		"open p":    {"<p>第一段讲政策。\n<p class=\"txt\">第二段讲落实。\n<p>第三段讲成效。", []string{"第一段讲政策。", "第二段讲落实。", "第三段讲成效。"}},
		"one p":     {"<p>标签表示一个段落，<br>标签表示换行。", nil},
		"one br":    {"换行用<br>标签。\n下一段。", nil},
	}
	for name, c := range cases {
		line, _ := json.Marshal(map[string]string{"id": name, "title": "正文测试", "url": "https://www.beichenlx.com/j/" + strings.ReplaceAll(name, " ", "-") + ".html", "body": c.body})
		a, err := decodeArticle(line)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if c.paras == nil { // text naming a tag: kept as written
			if a.Body != c.body {
				t.Errorf("%s: body %q, want it as written", name, a.Body)
			}
		} else if got := strings.Split(a.Body, "\n\n"); !slices.Equal(got, c.paras) {
			t.Errorf("%s: paragraphs %q, want %q", name, got, c.paras)
		}
	}
}
