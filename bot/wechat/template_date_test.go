package wechat

import (
	"context"
	"encoding/json"
	"testing"

	"mpbot/content"
)

// TestTemplateDateFieldOfAnUndatedArticle: push.template_fields naming
// `date` (README: "A field names the article's title, summary, date, …")
// fills a template keyword from the article's published_on. The daily
// reading goes to undated articles first ("else the oldest article of the
// category never chosen before (by published_on, then id; undated articles
// first)"), and 36 of the shared corpus's 88 articles of the shipped
// push.category (政策理论导读) are undated: their template message carries an
// empty time keyword, which WeChat refuses (47003 argument invalid) for
// every follower, each day, until the undated articles are read; neither
// check nor push --dry-run says so. An operator would expect a date in it
// (the reading's day, when the article has none).
func TestTemplateDateFieldOfAnUndatedArticle(t *testing.T) {
	api, fake, _ := newTestAPI(t)
	ts := &TemplateSender{API: api, TemplateID: "TPL", Fields: map[string]string{"thing1": "title", "time2": "date"}}
	a := content.Article{ID: "doc-0513678d", Title: "第十四届全国人民代表大会第一次会议关于政府工作报告的决议", URL: "https://example.com/x", Category: "政策理论导读"}
	if _, err := ts.SendOnce(context.Background(), "o_1", a, "2026-12-07:o_1"); err != nil {
		t.Fatal(err)
	}
	calls := fake.Calls("/cgi-bin/message/template/send")
	if len(calls) != 1 {
		t.Fatalf("%d calls", len(calls))
	}
	var m struct {
		Data map[string]struct {
			Value string `json:"value"`
		} `json:"data"`
	}
	json.Unmarshal(calls[0].Body, &m)
	if v, ok := m.Data["time2"]; !ok || v.Value == "" {
		t.Fatalf("the template's date keyword is sent empty for an undated article: %s", calls[0].Body)
	}
}
