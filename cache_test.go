package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mpbot/bot/wechat"
)

// TestCachedAnswersOutlastTheBot: the search's answer cache hands every
// caller asking the same question the hits it keeps, uncopied, so nothing
// the bot does with them (votes' reordering, lists, snippets, 更多) may
// change them. Three followers each ask every demo question and then 更多
// over the webhook: the first is answered by a fresh search, the other two
// from the cache, the third after the second has used the cached hits, and
// all three must get the same replies.
func TestCachedAnswersOutlastTheBot(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	base, stop := startServe(t, cfg, &syncBuffer{})
	defer stop()
	sim := simulatorFor(t, cfg, base)
	var msgID int64
	ask := func(from, text string) string {
		msgID++
		out, err := sim.Send(context.Background(), wechat.Inbound{From: from, MsgType: "text", Content: text, MsgID: msgID, CreateTime: time.Now().Unix()})
		if err != nil {
			t.Fatalf("send %q: %v", text, err)
		}
		return out.String()
	}
	// The questions an article answers: the others meet courtesy rules,
	// whose replies take turns.
	b, err := os.ReadFile(filepath.Join("search", "testdata", "questions-demo.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var qs []string
	for line := range strings.Lines(string(b)) {
		if f := strings.Split(strings.TrimSpace(line), "\t"); len(f) == 3 && f[1] != "" {
			qs = append(qs, f[0])
		}
	}
	if len(qs) < 80 {
		t.Fatalf("%d demo questions with answers", len(qs))
	}
	for i, q := range qs {
		var first [2]string
		for f := range 3 {
			from := fmt.Sprintf("o_cache_%d_%d", i, f)
			got := [2]string{ask(from, q), ask(from, "更多")}
			if f == 0 {
				first = got
			} else if got != first {
				t.Errorf("%q, follower %d of 3:\n%q\nwant, as the first got it:\n%q", q, f+1, got, first)
			}
		}
	}
}
