package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"mpbot/bot"
)

// TestConsoleTryAnswersOptStatusAsFollowersGet: the console's try box
// "shows the reply the way a follower's phone shows it" (README), but to
// 退订了吗 it shows replies.no_match, where a follower (and `mpbot try`)
// gets 你现在订阅着每日一读…: the console's bot is built without the
// follower table, and the bot asks the opt-out state only with one.
func TestConsoleTryAnswersOptStatusAsFollowersGet(t *testing.T) {
	const token = "the-console-token-of-a-test"
	t.Setenv("MPBOT_ADMIN_TOKEN", token)
	path := writeConfig(t, t.TempDir(), "")
	cfg, err := loadConfig(path, true)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	a, err := newApp(ctx, cfg, quietLogger(&syncBuffer{}), withWebhook)
	if err != nil {
		t.Fatal(err)
	}
	defer a.close()
	srv := httptest.NewServer(a.console(path))
	defer srv.Close()

	const q = "退订了吗"
	rs := a.bot.Answer(ctx, bot.Message{From: "o_follower", Kind: bot.KindText, Text: q, SentAt: time.Now()})
	if len(rs) == 0 {
		t.Fatal("no reply to the follower")
	}
	follower := rs[0].Text
	if !strings.Contains(follower, "每日一读") || strings.Contains(follower, "没有找到") {
		t.Fatalf("the follower's reply to %s: %s", q, follower)
	}

	req, _ := http.NewRequest("POST", srv.URL+"/try", strings.NewReader(url.Values{"text": {q}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	phone := string(b)
	if i := strings.Index(phone, `<div class="phone">`); i >= 0 {
		phone = phone[i:]
	}
	phone = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(phone, "")
	if !strings.Contains(phone, strings.SplitN(follower, "。", 2)[0]) {
		t.Errorf("the try box shows for %s:\n%s\nwhere a follower gets:\n%s", q, strings.TrimSpace(phone), follower)
	}
}
