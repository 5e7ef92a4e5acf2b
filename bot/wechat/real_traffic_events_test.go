package wechat

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// A menu button of type scancode_waitmsg (also scancode_push, pic_*,
// location_select) carries a key, and `mpbot check` (CheckMenu's keyTypes)
// refuses such a button unless a rule's keys answer it: "the bot must
// answer each key". But the webhook reads these events as bot.KindEvent and
// answers "success": the rule bound to the key never runs. For
// scancode_waitmsg WeChat's client shows 消息接收中 and waits for that
// reply; the follower gets nothing.
func TestScancodeWaitmsgIsAnsweredByItsKeysRule(t *testing.T) {
	if errs := CheckMenu([]Button{{Name: "扫码", Type: "scancode_waitmsg", Key: "DAILY"}},
		func(key string) bool { return key == "DAILY" }); len(errs) != 0 {
		t.Fatalf("check refuses the button: %v", errs)
	}
	for _, mode := range modes {
		t.Run(mode, func(t *testing.T) {
			hs := newHarness(t, mode)
			out := hs.send(Inbound{From: "o_scanner", MsgType: "event", Event: "scancode_waitmsg", EventKey: "DAILY",
				CreateTime: time.Now().Unix(),
				Extra:      "<ScanCodeInfo><ScanType><![CDATA[qrcode]]></ScanType><ScanResult><![CDATA[https://example.com/q]]></ScanResult></ScanCodeInfo>"})
			if out.Success || out.MsgType != "news" {
				t.Errorf("scancode_waitmsg with key DAILY (a rule's key, which check required): got %s %q, want the DAILY rule's card, as a CLICK with that key gets", map[bool]string{true: "success", false: out.MsgType}[out.Success], out.Plain)
			}
		})
	}
}

// Messages without a MsgId (or with MsgId 0) are deduplicated on
// FromUserName+CreateTime alone, as events are, ignoring MsgType and
// content: two different messages from one follower within one second get
// the first one's reply, and the second is never answered or logged.
func TestMessagesWithoutMsgIdInOneSecondAreNotMerged(t *testing.T) {
	for _, mode := range modes {
		t.Run(mode, func(t *testing.T) {
			hs := newHarness(t, mode)
			now := time.Now().Unix()
			first := hs.send(Inbound{From: "o_fast", MsgType: "text", Content: "帮助", CreateTime: now})
			if first.MsgType != "text" || !strings.Contains(first.Content, "发送关键词") {
				t.Fatalf("帮助: got %s %q", first.MsgType, first.Content)
			}
			second := hs.send(Inbound{From: "o_fast", MsgType: "text", Content: "人工", CreateTime: now})
			if second.MsgType != "transfer_customer_service" {
				t.Errorf("人工 sent in the same second, no MsgId: got %s %q (the reply to 帮助), want transfer_customer_service", second.MsgType, second.Content)
			}
			third := hs.send(Inbound{From: "o_fast", MsgType: "image", CreateTime: now, MsgID: 0,
				Extra: "<PicUrl><![CDATA[https://x/p.jpg]]></PicUrl><MediaId><![CDATA[m]]></MediaId>"})
			if third.MsgType != "text" || !strings.Contains(third.Content, "只能读懂文字") {
				t.Errorf("an image with MsgId 0 in the same second: got %s %q, want replies.default", third.MsgType, third.Content)
			}
			if n := hs.answers.Load(); n != 3 {
				t.Errorf("the bot ran %d times for three different messages, want 3", n)
			}
		})
	}
}

// In compat mode the body carries the message twice (plaintext fields and
// the Encrypt copy, base64 of it), so the 64 KiB body limit refuses, 413, a
// follower's text that safe and plain modes answer: about 9,300 Chinese
// characters in compat against about 16,000 in safe and 21,000 in plain.
// WeChat then shows 该公众号暂时无法提供服务 and retries the refused request.
func TestCompatAnswersWhatSafeModeAnswers(t *testing.T) {
	text := strings.Repeat("枫桥经验", 2500) // 10,000 characters, 30 KB
	safe := newHarness(t, ModeSafe)
	if out := safe.send(safe.text("o_long", text)); out.Success {
		t.Fatalf("safe mode: no answer to the long text")
	}
	hs := newHarness(t, ModeCompat)
	in := hs.text("o_long", text)
	req, err := hs.sim.Request(t.Context(), in.XML(testGH))
	if err != nil {
		t.Fatal(err)
	}
	// compat: WeChat puts the plaintext fields beside Encrypt
	env, _ := readBody(req)
	plainInner := strings.TrimSuffix(strings.TrimPrefix(string(in.XML(testGH)), "<xml>"), "</xml>")
	compatBody := strings.Replace(env, "<xml>", "<xml>"+plainInner, 1)
	req2, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, req.URL.String(), strings.NewReader(compatBody))
	resp, err := http.DefaultClient.Do(req2)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("compat mode, a 10,000-character text (%d-byte body) that safe mode answers: status %d", len(compatBody), resp.StatusCode)
	}
}

func readBody(req *http.Request) (string, error) {
	var b strings.Builder
	buf := make([]byte, 4096)
	for {
		n, err := req.Body.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			return b.String(), nil
		}
	}
}
