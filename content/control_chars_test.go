package content

import (
	"fmt"
	"strings"
	"testing"
)

// TestImportRefusesWhatRepliesCannotShow: a title or summary holding a C0
// control character or a noncharacter (JSON "\u0001", "\u001b[2J",
// "\uffff") had been stored as it was: XML 1.0 cannot carry these (the
// webhook's reply dropped them, and "]]\u0001>" then closed its CDATA
// section: the follower got nothing), and `mpbot import`, `search`,
// `articles list` printed the escape sequences raw to the operator's
// terminal. So had a 3,000-byte address (a list of no article) and a
// 150,000-character title (a card WeChat never delivered). A hostile-input
// run's finds: each is now reported at its line, the other articles
// imported.
func TestImportRefusesWhatRepliesCannotShow(t *testing.T) {
	lines := []string{
		`{"id":"x-ctrl","title":"控制字符]]\u0001>标题 \u001b[2J\u001b]0;PWNED\u0007","body":"正文","url":"https://example.com/x3"}`,
		`{"id":"x-nonchar","title":"标题","summary":"摘要\u000b\ufffe]]\uffff>x","body":"正文","url":"https://example.com/x4"}`,
		fmt.Sprintf(`{"id":"x-url","title":"长地址","body":"正文","url":"https://example.com/%s"}`, strings.Repeat("a", 3000)),
		fmt.Sprintf(`{"id":"x-title","title":"%s","body":"正文","url":"https://example.com/x5"}`, strings.Repeat("长", 5000)),
		`{"id":"x-ok","title":"好的标题","summary":"换行\n和\t制表符可以","body":"正文\u0001里的","url":"https://example.com/x6"}`,
	}
	arts, errs := ReadJSONL(strings.NewReader(strings.Join(lines, "\n")+"\n"), "h.jsonl")
	if len(arts) != 1 || arts[0].ID != "x-ok" {
		t.Errorf("imported %v, want x-ok alone", arts)
	}
	for i, want := range []string{"h.jsonl:1: title holds a control character (U+0001)", "h.jsonl:2: summary holds a control character (U+000B)",
		"h.jsonl:3: url is 3020 bytes long", "h.jsonl:4: title is 5000 characters long"} {
		if i >= len(errs) || !strings.Contains(errs[i].Error(), want) {
			t.Errorf("error %d: want %q in %v", i, want, errs)
		}
	}
}
