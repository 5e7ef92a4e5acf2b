package content

import (
	"encoding/json"
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
