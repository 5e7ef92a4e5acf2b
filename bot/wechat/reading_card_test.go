package wechat

import (
	"context"
	"encoding/json"
	"testing"

	"mpbot/bot"
	"mpbot/content"
)

// TestSentReadingCardIsTheBotsCard: the daily reading sent through the
// customer-service API (the daily push's
// customer-service sends) is described by the stored summary as it is,
// while the bot's card for the same article (每日一读, a search's card) and
// now the console's "what followers are sent" (bot.ArticleReply) describe
// it with content.Describe: a resolution whose summary is its title (the
// shared corpus's doc-0513678d, today's reading on it) is pushed with its
// title twice, a report with 各位代表：. API.Send makes its own choice of
// card or text beside bot.ArticleReply's; the two should be one.
func TestSentReadingCardIsTheBotsCard(t *testing.T) {
	api, fake, _ := newTestAPI(t)
	arts := []content.Article{
		{ID: "resolution", Title: "第十四届全国人民代表大会第一次会议关于政府工作报告的决议", Summary: "第十四届全国人民代表大会第一次会议关于政府工作报告的决议",
			URL: "https://example.org/resolution", Body: "第十四届全国人民代表大会第一次会议听取和审议了国务院总理李克强所作的政府工作报告。"},
		{ID: "report", Title: "2025年政府工作报告", Summary: "各位代表：", URL: "https://example.org/report",
			Body: "各位代表：\n\n现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。"},
	}
	for _, a := range arts {
		if _, err := api.Send(context.Background(), "o_1", a); err != nil {
			t.Fatal(err)
		}
	}
	calls := fake.Calls(customSend)
	if len(calls) != len(arts) {
		t.Fatalf("%d sends", len(calls))
	}
	for i, a := range arts {
		var msg struct {
			News struct {
				Articles []struct {
					Description string `json:"description"`
				} `json:"articles"`
			} `json:"news"`
		}
		if err := json.Unmarshal(calls[i].Body, &msg); err != nil || len(msg.News.Articles) != 1 {
			t.Fatalf("%s: %s (%v)", a.ID, calls[i].Body, err)
		}
		if got, want := msg.News.Articles[0].Description, bot.ArticleReply(a).Card.Description; got != want {
			t.Errorf("%s: the pushed card says %q; the bot's card (and the console's) %q", a.ID, got, want)
		}
	}
}
