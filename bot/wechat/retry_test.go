package wechat

import (
	"bytes"
	"context"
	"encoding/json"
	"sync"
	"testing"
	"time"
)

// TestRetryGetsSameReplyOnce sends a message and WeChat's retry of it: the
// retry gets the same reply (freshly encrypted) and the bot runs once.
func TestRetryGetsSameReplyOnce(t *testing.T) {
	for _, mode := range modes {
		t.Run(mode, func(t *testing.T) {
			hs := newHarness(t, mode)
			in := hs.text("o_r", "遴选") // a list reply also stores a follow-up: an action
			first := hs.send(in)
			second := hs.send(in)
			if first.Content != second.Content || first.MsgType != second.MsgType {
				t.Fatalf("retry got %q, first got %q", second.Content, first.Content)
			}
			if n := hs.answers.Load(); n != 1 {
				t.Fatalf("bot ran %d times for one message and its retry", n)
			}
			ev := Inbound{From: "o_r", MsgType: "event", Event: "subscribe", CreateTime: time.Now().Unix()}
			hs.send(ev)
			hs.send(ev)
			if n := hs.answers.Load(); n != 2 {
				t.Fatalf("bot ran %d times after an event and its retry, want 2 in all", n)
			}
		})
	}
}

// TestRetryWhileComputing: the retry arrives while the first request is
// still being answered; both get the one reply.
func TestRetryWhileComputing(t *testing.T) {
	hs := newHarness(t, ModeSafe)
	hs.catalog.delay = 300 * time.Millisecond
	in := hs.text("o_c", "枫桥经验")
	var wg sync.WaitGroup
	outs := make([]*Outbound, 3)
	for i := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(i) * 50 * time.Millisecond)
			out, err := hs.sim.Send(context.Background(), in)
			if err != nil {
				t.Error(err)
				return
			}
			outs[i] = out
		}()
	}
	wg.Wait()
	for i, o := range outs {
		if o == nil || o.MsgType != "news" || !bytes.Equal(o.Plain[:40], outs[0].Plain[:40]) {
			t.Fatalf("request %d got %+v", i, o)
		}
	}
	if n := hs.answers.Load(); n != 1 {
		t.Fatalf("bot ran %d times", n)
	}
}

// TestDeadlineFallback: a reply that misses the budget is answered with
// "success" at once and delivered through the customer-service API; a retry
// meanwhile gets "success" too and causes no second delivery.
func TestDeadlineFallback(t *testing.T) {
	for _, mode := range modes {
		t.Run(mode, func(t *testing.T) {
			// The search is held until both calls are answered: "success"
			// came at the budget's end, not after the search (it had been
			// timed, 350 ms for a budget of 100 ms, and a loaded machine
			// could fail it).
			hs := newHarness(t, mode, withBudget(100*time.Millisecond))
			release := make(chan struct{})
			hs.catalog.block = release
			in := hs.text("o_slow", "浦江经验")
			out := hs.send(in)
			if !out.Success {
				close(release)
				t.Fatalf("slow reply: got %s, want success", out.MsgType)
			}
			if retry := hs.send(in); !retry.Success {
				close(release)
				t.Fatalf("retry during slow reply: got %s, want success", retry.MsgType)
			}
			close(release)
			c := waitCall(t, hs, "/cgi-bin/message/custom/send")
			var msg struct {
				ToUser string `json:"touser"`
				News   struct {
					Articles []struct{ URL string } `json:"articles"`
				} `json:"news"`
			}
			json.Unmarshal(c.Body, &msg)
			if msg.ToUser != "o_slow" || len(msg.News.Articles) != 1 || msg.News.Articles[0].URL != "https://example.com/mpbot-demo/pujiang" {
				t.Fatalf("late reply sent as %s", c.Body)
			}
			// A retry after the late reply went out still gets success, not
			// a second copy.
			if retry := hs.send(in); !retry.Success {
				t.Fatalf("retry after late delivery: got %s", retry.MsgType)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			hs.h.Wait(ctx)
			if n := len(hs.api.Calls("/cgi-bin/message/custom/send")); n != 1 {
				t.Fatalf("%d customer-service sends, want 1", n)
			}
			if n := hs.answers.Load(); n != 1 {
				t.Fatalf("bot ran %d times", n)
			}
		})
	}
}

// TestModeAllSendsExtrasThroughAPI: a rule with two replies answers with the
// first and sends the second through the API, once even if retried.
func TestModeAllSendsExtrasThroughAPI(t *testing.T) {
	hs := newHarness(t, ModeCompat)
	in := hs.text("o_all", "全部")
	if out := hs.send(in); out.Content != "第一条" {
		t.Fatalf("passive reply %q", out.Content)
	}
	hs.send(in)
	c := waitCall(t, hs, "/cgi-bin/message/custom/send")
	if !bytes.Contains(c.Body, []byte("第二条")) {
		t.Fatalf("extra reply sent as %s", c.Body)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	hs.h.Wait(ctx)
	if n := len(hs.api.Calls("/cgi-bin/message/custom/send")); n != 1 {
		t.Fatalf("%d sends, want 1", n)
	}
}
