package wechat

import (
	"strings"
	"testing"
	"unicode/utf8"

	"mpbot/content"
)

// TestRecheckDraftOfALongParagraphAfterAShortOneKeepsItsOpening: the draft cut
// gives a paragraph longer than a draft its opening only when it comes
// first (used == 0). After a short first paragraph — a heading such as
// 一、总体要求, or a written summary that draftContent puts first — a
// 25,000-character paragraph (a body pasted with single line breaks is
// one paragraph) is dropped whole: the follower's mass-sent article is the
// heading and 以上为节选, no text of the article at all.
func TestRecheckDraftOfALongParagraphAfterAShortOneKeepsItsOpening(t *testing.T) {
	long := strings.Repeat("各地区各部门要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。\n", 800) // ~25,600 runes, one paragraph
	for _, a := range []content.Article{
		{ID: "heading", Title: "报告", URL: "https://example.com/a", Body: "一、总体要求\n\n" + long},
		{ID: "summary", Title: "报告", URL: "https://example.com/a", Summary: "本文为政府工作报告全文。", Body: long},
	} {
		c := draftContent(a)
		if n := utf8.RuneCountInString(c); n >= 20000 {
			t.Errorf("%s: %d characters", a.ID, n)
		}
		if !strings.Contains(c, "各地区各部门要坚持稳中求进") {
			t.Errorf("%s: the draft has none of the article's text (%d characters): %q", a.ID, utf8.RuneCountInString(c), c)
		}
	}
}
