package bot

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"mpbot/content"
)

// TestListOfLongAddressesListsSomething: three articles whose
// addresses are 3,000 bytes each (mpbot import takes any length) are found
// for 犀牛; each line with its <a href> is longer than WeChat's 2,048 bytes,
// so none fits and the follower is told "以下是最相关的 0 篇文章：" and
// "回复序号（如 1）查看对应文章": a number then gets replies.no_list, and
// 更多 a page of nothing. Expected: the articles listed (by title alone,
// or a card for the first), never a list of 0 that asks for a number.
func TestListOfLongAddressesListsSomething(t *testing.T) {
	arts := content.DemoArticles()
	for i := range 3 {
		arts = append(arts, content.Article{ID: fmt.Sprint("lu-", i), Title: fmt.Sprintf("超长地址测试 犀牛 第%d篇", i), Summary: "犀牛", Body: "犀牛 正文",
			URL: fmt.Sprintf("https://example.com/%d/", i) + strings.Repeat("a", 3000)})
	}
	b := newDemoBot(t, catalogOf(arts), NewMemoryFollowUps())
	replies := b.Answer(context.Background(), Message{From: "o_rhino", Kind: KindText, Text: "犀牛"})
	for _, r := range replies {
		if r.Type == ReplyText && strings.Contains(r.Text, " 0 篇") {
			t.Errorf("a list of nothing: %q", r.Text)
		}
		if r.Type == ReplyText && !strings.Contains(r.Text, "犀牛") {
			t.Errorf("no article named: %q", r.Text)
		}
	}
}

// TestNewsReplyBounded: a configured card's title and links are bounded as
// an article's are (a hostile-input run's find: a 30,000-character title
// passed check, and the card reached no follower).
func TestNewsReplyBounded(t *testing.T) {
	for _, c := range []struct {
		spec ReplySpec
		want string
	}{
		{ReplySpec{Type: "news", Title: strings.Repeat("长", 30000), URL: "https://example.com/a"}, "news title is 30000 characters"},
		{ReplySpec{Type: "news", Title: "标题", URL: "https://example.com/" + strings.Repeat("a", 2000)}, "news url is 2020 bytes"},
		{ReplySpec{Type: "news", Title: "标题", URL: "https://example.com/a", Pic: "https://example.com/" + strings.Repeat("p", 2000)}, "news pic is 2020 bytes"},
	} {
		err := validateReply("replies.default", c.spec)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%.40v: got %v, want %q", c.spec, err, c.want)
		}
	}
	if err := validateReply("replies.default", ReplySpec{Type: "news", Title: "标题", URL: "https://example.com/a"}); err != nil {
		t.Errorf("a card within bounds: %v", err)
	}
}
