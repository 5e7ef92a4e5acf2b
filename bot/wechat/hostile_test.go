package wechat

import (
	"bytes"
	"context"
	"crypto/aes"
	"crypto/cipher"
	"encoding/base64"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"log/slog"
	"net/http"
	"net/netip"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// The hostile-input suite: what real traffic and attackers send, through
// the real HTTP handler. (The bot's side of it — punctuation, voice, small
// talk, numbers — is in package bot; serve's — config saves, start-up
// order, shutdown under load — in package main.)

// post sends a prepared request and returns the status and body.
func post(t *testing.T, req *http.Request) (int, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// clone makes a copy of a prepared request that can be sent again, as an
// attacker who captured it would.
func clone(t *testing.T, req *http.Request, body []byte) *http.Request {
	t.Helper()
	c, err := http.NewRequest(req.Method, req.URL.String(), bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	c.Header = req.Header.Clone()
	return c
}

// capture builds a signed request for in and returns it with its body.
func capture(t *testing.T, hs *harness, in Inbound) (*http.Request, []byte) {
	t.Helper()
	req, err := hs.sim.Request(context.Background(), in.XML(testGH))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(req.Body)
	return req, body
}

// TestReplayAfterRetriesRunsNothing: a captured request replayed after
// WeChat's retries are over (130 s later, while its timestamp is still
// accepted) runs no action again; once its timestamp is stale it is
// refused. The handler's clock is a fake one.
func TestReplayAfterRetriesRunsNothing(t *testing.T) {
	for _, mode := range modes {
		t.Run(mode, func(t *testing.T) {
			hs := newHarness(t, mode)
			start := time.Now()
			var mu sync.Mutex
			now := start
			hs.h.now = func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
			at := func(d time.Duration) { mu.Lock(); now = start.Add(d); mu.Unlock() }
			hs.sim.Now = hs.h.now

			req, body := capture(t, hs, Inbound{From: "o_victim", MsgType: "event", Event: "subscribe", CreateTime: start.Unix()})
			if status, reply := post(t, clone(t, req, body)); status != 200 || reply == "success" {
				t.Fatalf("first: %d %q", status, reply)
			}
			for _, after := range []time.Duration{10 * time.Second, 130 * time.Second, 4*time.Minute + 50*time.Second} {
				at(after)
				status, reply := post(t, clone(t, req, body))
				if status != 200 || (after > callTTL && reply != "success") {
					t.Fatalf("replayed after %v: %d %q", after, status, reply)
				}
			}
			if n := hs.answers.Load(); n != 1 {
				t.Fatalf("the welcome ran %d times, want once", n)
			}
			at(6 * time.Minute) // past the timestamp window
			if status, _ := post(t, clone(t, req, body)); status != http.StatusUnauthorized {
				t.Fatalf("replay with a stale timestamp: %d", status)
			}
		})
	}
}

// TestDedupeMemoryIsBounded: the dedupe memory forgets what no request can
// bring back (past the timestamp window), however many messages came.
func TestDedupeMemoryIsBounded(t *testing.T) {
	cs := newCalls()
	start := time.Unix(1_800_000_000, 0)
	for i := range 5000 {
		at := start.Add(time.Duration(i) * 100 * time.Millisecond)
		c, first, replay := cs.begin(string(rune(0x4e00+i)), at)
		if !first || replay {
			t.Fatalf("message %d seen as a retry or replay", i)
		}
		c.finish(nil, at)
	}
	end := start.Add(500*time.Second + replayTTL + callTTL)
	cs.begin("late", end)
	if len(cs.m) != 1 || len(cs.seen) != 0 {
		t.Fatalf("kept %d calls and %d seen after every window passed", len(cs.m), len(cs.seen))
	}
}

// TestRejectionLogIsCappedAndSummarised: request fields reach the log
// quoted and cut, X-Forwarded-For is believed only from a trusted proxy,
// and a flood of one kind of rejection is one line plus a count.
func TestRejectionLogIsCappedAndSummarised(t *testing.T) {
	hs := newHarness(t, ModeSafe)
	hs.h.rejects.interval = time.Hour // the whole flood in one interval, however slow the machine
	huge := strings.Repeat("9", 500_000)
	for range 200 {
		req, body := capture(t, hs, hs.text("o_x", "帮助"))
		q := req.URL.Query()
		q.Set("timestamp", huge)
		req.URL.RawQuery = q.Encode()
		req = clone(t, req, body)
		req.Header.Set("X-Forwarded-For", "6.6.6.6")
		if status, _ := post(t, req); status != http.StatusUnauthorized {
			t.Fatalf("status %d", status)
		}
	}
	hs.h.rejects.close() // as at shutdown: the interval's count is written
	logs := hs.logs.String()
	if !strings.Contains(logs, "count=199") {
		t.Fatalf("no summary of the other 199:\n%s", logs)
	}
	if len(logs) > 2000 {
		t.Fatalf("200 rejected requests wrote %d bytes of log:\n%.600s", len(logs), logs)
	}
	if strings.Contains(logs, "6.6.6.6") {
		t.Fatalf("an untrusted X-Forwarded-For reached the log:\n%s", logs)
	}
	if n := hs.logs.count("webhook request rejected"); n != 1 {
		t.Fatalf("%d detailed lines, want 1:\n%s", n, logs)
	}

	// Behind a trusted proxy, the client is the proxy's X-Forwarded-For.
	hs.h.cfg.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}
	req, body := capture(t, hs, hs.text("o_x", "帮助"))
	req = clone(t, req, body)
	req.Header.Set("X-Forwarded-For", "1.2.3.4, 127.0.0.9")
	q := req.URL.Query()
	q.Set("signature", strings.Repeat("0", 40))
	req.URL.RawQuery = q.Encode()
	post(t, req)
	waitFor(t, func() bool { return strings.Contains(hs.logs.String(), "remote=1.2.3.4") }, "the proxied client in the log")
}

// TestRejectionSummaryAtIntervalEnd: the count of the rejections not
// logged one by one is written when their interval ends, without waiting
// for another rejection.
func TestRejectionSummaryAtIntervalEnd(t *testing.T) {
	var logs syncBuffer
	l := newRejectLog(slog.New(slog.NewTextHandler(&logs, nil)))
	l.interval = 20 * time.Millisecond
	t0 := time.Now()
	rej := reject(401, "wrong signature", "")
	l.add(context.Background(), rej, "1.2.3.4", t0)
	l.add(context.Background(), rej, "1.2.3.5", t0.Add(time.Millisecond))
	l.add(context.Background(), rej, "1.2.3.6", t0.Add(2*time.Millisecond))
	waitFor(t, func() bool { return strings.Contains(logs.String(), "count=2") }, "the interval's summary")
	if n := logs.count("webhook request rejected"); n != 1 || !strings.Contains(logs.String(), "last_remote=1.2.3.6") {
		t.Fatalf("log:\n%s", logs.String())
	}
}

func waitFor(t *testing.T, ok func() bool, what string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestFollowerTextNeverAtWarn: a ciphertext whose length field is wrong
// decrypts to the follower's message in the wrong place; the rejection
// must not quote it.
func TestFollowerTextNeverAtWarn(t *testing.T) {
	hs := newHarness(t, ModeSafe)
	key, _ := DecodeAESKey(testAESKey)
	msg := Inbound{From: "o_x", MsgType: "text", Content: "我的身份证号是机密", MsgID: 9, CreateTime: time.Now().Unix()}.XML(testGH)
	plain := append([]byte("0123456789abcdef"), 0, 0, 0, 5) // claims 5 bytes of message: the rest reads as the AppID
	plain = append(plain, msg...)
	plain = append(plain, testAppID...)
	enc := base64.StdEncoding.EncodeToString(aesEncrypt(t, plain, key))
	req, _ := capture(t, hs, hs.text("o_x", "x"))
	encryptedBody(hs, enc)(t, hs, req)
	if status, _ := post(t, req); status != http.StatusBadRequest {
		t.Fatalf("status %d", status)
	}
	if logs := hs.logs.String(); strings.Contains(logs, "身份证") || !strings.Contains(logs, "another AppID") {
		t.Fatalf("log:\n%s", logs)
	}
}

// TestCompatModeTrustsOnlyTheCiphertext: in compat mode WeChat sends the
// message twice, in plaintext (unsigned) and encrypted; only the encrypted
// one counts, and a request claiming encryption without it is refused.
func TestCompatModeTrustsOnlyTheCiphertext(t *testing.T) {
	hs := newHarness(t, ModeCompat)
	req, body := capture(t, hs, hs.text("o_real", "帮助"))
	forged := bytes.Replace(body, []byte("</xml>"),
		[]byte("<FromUserName><![CDATA[o_forged]]></FromUserName><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[退订]]></Content><MsgId>77</MsgId></xml>"), 1)
	status, reply := post(t, clone(t, req, forged))
	out, err := hs.sim.Read([]byte(reply))
	if status != 200 || err != nil || !strings.Contains(out.Content, "发送关键词") || !bytes.Contains(out.Plain, []byte("o_real")) {
		t.Fatalf("compat request answered %d %+v %v; want the encrypted message's help reply to o_real", status, out, err)
	}
	plainOnly := Inbound{From: "o_forged", MsgType: "text", Content: "退订", MsgID: 78, CreateTime: time.Now().Unix()}.XML(testGH)
	if status, _ := post(t, clone(t, req, plainOnly)); status != http.StatusBadRequest {
		t.Fatalf("encrypt_type=aes without Encrypt: %d, want 400", status)
	}
}

// TestFieldLimits: a message whose ids or keys are far longer than
// WeChat's own is malformed.
func TestFieldLimits(t *testing.T) {
	hs := newHarness(t, ModeSafe)
	for _, in := range []Inbound{
		{From: strings.Repeat("o", 100), MsgType: "text", Content: "帮助", MsgID: 1},
		{From: "o_x", MsgType: "event", Event: "CLICK", EventKey: strings.Repeat("k", 5000)},
	} {
		in.CreateTime = time.Now().Unix()
		req, body := capture(t, hs, in)
		if status, _ := post(t, clone(t, req, body)); status != http.StatusBadRequest {
			t.Fatalf("%d-byte openid / %d-byte key: status %d", len(in.From), len(in.EventKey), status)
		}
	}
	if n := hs.answers.Load(); n != 0 {
		t.Fatalf("bot ran %d times", n)
	}
}

// TestRealTrafficThroughTheHandler: what followers type every day, through
// the whole webhook.
func TestRealTrafficThroughTheHandler(t *testing.T) {
	hs := newHarness(t, ModeSafe)
	cases := []struct {
		in   Inbound
		want string
	}{
		{hs.text("o_t", "帮助！"), "发送关键词"},
		{hs.text("o_t", "[微笑]帮助"), "发送关键词"},
		{Inbound{From: "o_t", MsgType: "voice", Recognition: "退订。", MsgID: 501, CreateTime: time.Now().Unix(),
			Extra: "<MediaId><![CDATA[m]]></MediaId><Format><![CDATA[amr]]></Format>"}, "已退订"},
		{Inbound{From: "o_t", MsgType: "voice", Recognition: "订阅。", MsgID: 502, CreateTime: time.Now().Unix(),
			Extra: "<MediaId><![CDATA[m]]></MediaId><Format><![CDATA[amr]]></Format>"}, "已订阅"},
		{hs.text("o_t", "3"), "没有待选"},
		// Pasted text with Word's line break (\v) or an escape: XML has
		// no place for them, and WeChat passes them on.
		{hs.text("o_t", "帮助\v\x1b"), "发送关键词"},
		{hs.text("o_t", "\x01帮助"), "发送关键词"},
		// Noncharacters XML refuses as well (a hostile run's find: 400,
		// and WeChat's "service unavailable" banner); ￥ beside them stays.
		{hs.text("o_t", "帮助\uffff"), "发送关键词"},
		{hs.text("o_t", "\ufffe帮助"), "发送关键词"},
		{hs.text("o_t", "￥帮助\uffff"), "发送关键词"},
	}
	for _, c := range cases {
		if out := hs.send(c.in); !strings.Contains(out.Content, c.want) {
			t.Errorf("%q (%s): reply %q, want %q", c.in.Content+c.in.Recognition, c.in.MsgType, out.Content, c.want)
		}
	}
}

// aesEncrypt encrypts as WeChat does (AES-256-CBC, IV the key's first 16
// bytes, PKCS#7 padding to 32 bytes) whatever plaintext it is given, so a
// test can send a ciphertext with a lying length field.
func aesEncrypt(t *testing.T, plain, key []byte) []byte {
	t.Helper()
	pad := 32 - len(plain)%32
	plain = append(plain, bytes.Repeat([]byte{byte(pad)}, pad)...)
	block, err := aes.NewCipher(key)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]byte, len(plain))
	cipher.NewCBCEncrypter(block, key[:16]).CryptBlocks(out, plain)
	return out
}

// TestReplaysCarryOver: what one process's calls give at shutdown, the
// next's take in: a copy of a message answered (or still being answered)
// is a replay there until its timestamp could no longer pass; other
// messages are new.
func TestReplaysCarryOver(t *testing.T) {
	start := time.Unix(1_800_000_000, 0)
	old := newCalls()
	c, _, _ := old.begin("answered", start)
	c.finish(nil, start)
	c, _, _ = old.begin("answered lately", start.Add(time.Minute))
	c.finish(nil, start.Add(time.Minute))
	c, _, _ = old.begin("late", start.Add(2*time.Minute)) // its reply went through the API
	c.giveUp(func() {})
	old.begin("under way", start.Add(2*time.Minute))        // nothing sent to WeChat: its retry is the next process's
	old.begin("expired", start.Add(-replayTTL-time.Minute)) // past: not kept
	at := start.Add(150 * time.Second)                      // "answered" has left the calls for seen
	rs := old.replays(at)
	if len(rs) != 3 {
		t.Fatalf("kept %+v, want three", rs)
	}
	next := newCalls()
	next.restore(rs, at)
	for _, key := range []string{"answered", "answered lately", "late"} {
		if _, first, replay := next.begin(key, at.Add(time.Second)); first || !replay {
			t.Errorf("%s after the restart: first %v, replay %v", key, first, replay)
		}
	}
	if _, first, replay := next.begin("under way", at.Add(time.Second)); !first || replay {
		t.Errorf("a retry of a message not answered before the restart: first %v, replay %v", first, replay)
	}
	if _, first, replay := next.begin("new", at); !first || replay {
		t.Errorf("a new message after the restart: first %v, replay %v", first, replay)
	}
	// Past the window, a copy could not pass the timestamp check anyway.
	if _, first, replay := next.begin("answered", start.Add(replayTTL+time.Second)); !first || replay {
		t.Errorf("answered, past the window: first %v, replay %v", first, replay)
	}
}

// TestReplaysMergedLater: what a process still stopping keeps, taken in
// while this one runs, is merged into the queue in order, so the memory
// still forgets in order.
func TestReplaysMergedLater(t *testing.T) {
	start := time.Unix(1_800_000_000, 0)
	cs := newCalls()
	for i := range 50 {
		at := start.Add(time.Duration(i) * time.Second)
		c, _, _ := cs.begin(fmt.Sprintf("here %d", i), at)
		c.finish(nil, at)
	}
	now := start.Add(callTTL + time.Minute) // the first half has moved to seen
	cs.begin("tick", now)
	var rs []Replay
	for i := range 40 {
		rs = append(rs, Replay{keyHash(fmt.Sprintf("there %d", i)), now.Add(time.Duration(90-2*i) * time.Second)})
	}
	cs.restore(rs, now)
	if !slices.IsSortedFunc(cs.seenOrder, func(a, b queuedSeen) int { return a.until.Compare(b.until) }) {
		t.Fatal("the seen queue is out of order after a merge")
	}
	if _, first, replay := cs.begin("there 7", now); first || !replay {
		t.Errorf("a message the other process answered: first %v, replay %v", first, replay)
	}
	cs.begin("tick", start.Add(replayTTL+10*time.Minute))
	if len(cs.seen) != 0 || len(cs.seenOrder) != 0 {
		t.Errorf("past every window, %d kept, %d queued", len(cs.seen), len(cs.seenOrder))
	}
}

// TestKeyHashIsFNV1a: what processes keep for each other is hash/fnv's
// 64-bit FNV-1a, as the table's comment says.
func TestKeyHashIsFNV1a(t *testing.T) {
	for _, key := range []string{"", "o_user|123", "枫桥经验|event|subscribe"} {
		h := fnv.New64a()
		h.Write([]byte(key))
		if got := keyHash(key); got != h.Sum64() {
			t.Errorf("keyHash(%q) = %x, fnv %x", key, got, h.Sum64())
		}
	}
}

// TestABugInTheBotCostsOneReply: a panic while answering is logged and the
// message answered with "success"; the server goes on answering (a
// review's find: the panic reached net/http, and the watchdog, never
// stopped, wrote to the dead response and took the process down).
func TestABugInTheBotCostsOneReply(t *testing.T) {
	hs := newHarness(t, ModeSafe, withBudget(200*time.Millisecond))
	hs.catalog.panics.Store(true)
	if out := hs.send(hs.text("o_bug", "枫桥经验")); !out.Success {
		t.Errorf("a panicking answer replied %+v, want success", out)
	}
	if hs.logs.count("the bot failed on a message") != 1 {
		t.Errorf("the panic was not logged once:\n%s", hs.logs.String())
	}
	hs.catalog.panics.Store(false)
	if out := hs.send(hs.text("o_bug", "枫桥经验")); out.Success || !strings.Contains(string(out.Plain), "枫桥") {
		t.Errorf("the next message after a panic: %+v", out)
	}
}

// TestPaddingBytesChecked: a ciphertext whose padding bytes are not all
// its length is refused, as PKCS#7 has it; one whose padding is right
// opens (a hostile run's find: only the last byte had been read).
func TestPaddingBytesChecked(t *testing.T) {
	key, _ := DecodeAESKey(testAESKey)
	block, err := aes.NewCipher(key)
	if err != nil {
		t.Fatal(err)
	}
	msg := []byte("<xml><Content><![CDATA[帮助]]></Content></xml>")
	plain := append([]byte("0123456789abcdef"), 0, 0, 0, byte(len(msg)))
	plain = append(append(plain, msg...), testAppID...)
	pad := 32 - len(plain)%32
	if pad < 2 {
		plain = append(plain, 'x') // room for a wrong byte beside the last
		pad = 32 - len(plain)%32
	}
	padded := append(plain, bytes.Repeat([]byte{byte(pad)}, pad)...)
	seal := func(p []byte) []byte {
		out := make([]byte, len(p))
		cipher.NewCBCEncrypter(block, key[:16]).CryptBlocks(out, p)
		return []byte(base64.StdEncoding.EncodeToString(out))
	}
	e := new(envelope)
	if got, _, err := e.open(block, key[:16], seal(padded)); err != nil || !bytes.Equal(got, msg) {
		t.Fatalf("right padding: %q %v", got, err)
	}
	wrong := bytes.Clone(padded)
	wrong[len(wrong)-2] ^= 0x55
	if _, _, err := e.open(block, key[:16], seal(wrong)); err == nil {
		t.Fatal("a padding byte that is not its length: opened")
	}
}

// TestAnnouncedTooLargeRefusedAtOnce: a signed request announcing a body
// over MaxBody with Expect: 100-continue is refused as too large before
// its body is asked for (a hostile run's find: the handler read the body,
// never sent, and answered 400 unreadable after the read timeout).
func TestAnnouncedTooLargeRefusedAtOnce(t *testing.T) {
	hs := newHarness(t, ModeSafe)
	req, _ := capture(t, hs, hs.text("o_big", "帮助"))
	big, err := http.NewRequest(http.MethodPost, req.URL.String(), unsentBody{})
	if err != nil {
		t.Fatal(err)
	}
	big.Header = req.Header.Clone()
	big.Header.Set("Expect", "100-continue")
	big.ContentLength = 100_000_000
	// The body fails as soon as it is asked for: a server that asked
	// (100 Continue) fails the request here.
	client := &http.Client{Transport: &http.Transport{ExpectContinueTimeout: time.Minute}}
	resp, err := client.Do(big)
	if err != nil {
		t.Fatalf("a body announced over %d bytes: %v (want 413 before the body)", MaxBody, err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d, want 413", resp.StatusCode)
	}
}

// unsentBody is a body the client cannot send.
type unsentBody struct{}

func (unsentBody) Read([]byte) (int, error) { return 0, errors.New("the body is never sent") }

// TestWrongAESKeySaysSo: a request whose msg_signature verifies (WeChat
// holds the token) but whose ciphertext does not open was encrypted with
// another EncodingAESKey: the console's and wechat.encoding_aes_key differ
// (a typo, a key regenerated on the console). The rejection must say so;
// it said `reason="bad ciphertext" detail="\"bad ciphertext\""`, the reason
// twice and no word of the key, for every message of the account.
func TestWrongAESKeySaysSo(t *testing.T) {
	for _, mode := range []string{ModeCompat, ModeSafe} {
		t.Run(mode, func(t *testing.T) {
			hs := newHarness(t, mode)
			hs.sim.AESKey = "mpbotdemokeympbotdemokeympbotdemokeympbotde" // WeChat's console has another key than mpbot
			_, err := hs.sim.Send(context.Background(), hs.text("o_k", "帮助"))
			var se *StatusError
			if !errors.As(err, &se) || se.Code != http.StatusBadRequest {
				t.Fatalf("got %v, want 400", err)
			}
			if !strings.Contains(hs.logs.String(), "encoding_aes_key") {
				t.Errorf("the rejection does not name wechat.encoding_aes_key as what differs from WeChat's:\n%s", hs.logs)
			}
		})
	}
}

// TestEmptyBodySaysSo: a POST with no body (a proxy that drops it, a probe)
// is refused with "EOF" as its only explanation (`malformed message XML:
// EOF`, `malformed envelope XML: "EOF"`), which does not say the body was
// empty.
func TestEmptyBodySaysSo(t *testing.T) {
	for _, mode := range modes {
		t.Run(mode, func(t *testing.T) {
			hs := newHarness(t, mode)
			req, _ := capture(t, hs, hs.text("o_e", "帮助"))
			setBody(nil)(t, hs, req)
			if status, _ := post(t, req); status != http.StatusBadRequest {
				t.Fatalf("status %d, want 400", status)
			}
			if !strings.Contains(hs.logs.String(), "empty body") {
				t.Errorf("the rejection of an empty body does not say it was empty:\n%s", hs.logs)
			}
		})
	}
}

// TestRetryBudgetCountsFromArrival: the reply budget counts from the
// request's arrival (README: "a body slow to arrive ... come out of it").
// A retry that waits for the first request's answer waited a whole budget
// from the moment its body was read instead, so a retry whose body was slow
// got its "success" a body's time after WeChat's 5 seconds.
func TestRetryBudgetCountsFromArrival(t *testing.T) {
	// Long enough that a busy machine's delays stay well inside the
	// difference asserted: answered at the budget's end (3 s after the
	// retry arrived), not a budget after its body (5.7 s).
	const budget = 3 * time.Second
	const bodyTime = 2700 * time.Millisecond
	hs := newHarness(t, ModeSafe, withBudget(budget))
	release := make(chan struct{})
	defer close(release)
	hs.catalog.block = release // the first request's answer is slow
	in := hs.text("o_rs", "枫桥经验")

	first := make(chan struct{})
	go func() {
		defer close(first)
		hs.sim.Send(context.Background(), in)
	}()
	time.Sleep(50 * time.Millisecond) // the first is being answered

	req, body := capture(t, hs, in)
	pr, pw := io.Pipe()
	req.Body, req.ContentLength = pr, int64(len(body))
	go func() {
		pw.Write(body[:len(body)/2])
		time.Sleep(bodyTime) // a slow client: the input
		pw.Write(body[len(body)/2:])
		pw.Close()
	}()
	start := time.Now()
	status, out := post(t, req)
	took := time.Since(start)
	if status != http.StatusOK || out != "success" {
		t.Fatalf("retry: %d %q, want success", status, out)
	}
	if took > budget+bodyTime/2 { // midway between the budget's end and a budget after the body
		t.Errorf("the retry was answered %v after it arrived, past the %v budget: the wait began when its body was read", took.Round(time.Millisecond), budget)
	}
	<-first
}
