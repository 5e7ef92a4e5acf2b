package admin

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"mpbot/content"
)

// TestArticlePageShowsTheFollowersCard: the article page's "粉丝看到的卡片"
// (the card followers see) showed the stored summary as it is, while the
// bot describes a card with content.Describe: a government work report,
// whose summary is its salutation 各位代表：, showed 各位代表： where
// followers read 现在，我代表国务院，向大会报告政府工作…; a resolution
// whose summary is its title showed the title twice; a summary imported
// with a line break (教育是强国建设、\n民族复兴之基。) showed the break the
// follower's card does not have (an operator run's find, on the shared
// corpus's doc-c8ea2145 and doc-0513678d), and an article without a page,
// which followers get as text, showed as a card.
func TestArticlePageShowsTheFollowersCard(t *testing.T) {
	arts := map[string]content.Article{
		"report": {ID: "report", Title: "2025年中华人民共和国国务院政府工作报告", Summary: "各位代表：", URL: "https://example.org/report",
			Body: "各位代表：\n\n现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。"},
		"resolution": {ID: "resolution", Title: "第十四届全国人民代表大会第一次会议关于政府工作报告的决议", Summary: "第十四届全国人民代表大会第一次会议关于政府工作报告的决议",
			URL: "https://example.org/resolution", Body: "第十四届全国人民代表大会第一次会议听取和审议了国务院总理李克强所作的政府工作报告。"},
		"wrapped": {ID: "wrapped", Title: "教育强国建设", Summary: "教育是强国建设、\n民族复兴之基。", URL: "https://example.org/c1", Body: "教育是强国建设、民族复兴之基。"},
	}
	c := New(Deps{
		Token: "the-console-token",
		Article: func(_ context.Context, id string) (content.Article, error) {
			if a, ok := arts[id]; ok {
				return a, nil
			}
			return content.Article{}, content.ErrNotFound
		},
		Log: slog.New(slog.DiscardHandler),
	})
	srv := httptest.NewServer(c)
	defer srv.Close()
	// An article without a page is sent as its text, not a card.
	arts["note"] = content.Article{ID: "note", Title: "学习笔记", Body: "全过程人民民主是社会主义民主政治的本质属性。"}
	req, _ := http.NewRequest("GET", srv.URL+"/articles/note", nil)
	req.Header.Set("Authorization", "Bearer the-console-token")
	if code, body, _ := get(t, req); code != 200 || strings.Contains(body, `class="bubble card"`) || !strings.Contains(body, "本质属性") {
		t.Errorf("an article without a page: %d, shown as a card or without its text:\n%s", code, body)
	}
	delete(arts, "note")
	for id, a := range arts {
		req, _ := http.NewRequest("GET", srv.URL+"/articles/"+id, nil)
		req.Header.Set("Authorization", "Bearer the-console-token")
		code, body, _ := get(t, req)
		if code != 200 {
			t.Fatalf("%s: %d", id, code)
		}
		card := body[strings.Index(body, `class="bubble card"`):]
		card = card[:strings.Index(card, "</div></div>")]
		want := content.Describe(a)
		if !strings.Contains(card, `<div class="desc">`+want+`</div>`) && !(want == "" && !strings.Contains(card, `class="desc"`)) {
			t.Errorf("%s: the console's card is\n%s\nfollowers' card says %q", id, card, want)
		}
	}
}
