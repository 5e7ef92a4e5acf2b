package wechat

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/silenceper/wechat/v2/util"
)

// tamper changes a signed request the way an attacker or a broken proxy
// would.
type tamper func(t *testing.T, hs *harness, req *http.Request)

func setQuery(key, value string) tamper {
	return func(t *testing.T, _ *harness, req *http.Request) {
		q := req.URL.Query()
		q.Set(key, value)
		req.URL.RawQuery = q.Encode()
	}
}

func setBody(body []byte) tamper {
	return func(t *testing.T, _ *harness, req *http.Request) {
		req.Body = io.NopCloser(bytes.NewReader(body))
		req.ContentLength = int64(len(body))
	}
}

// resign re-signs an envelope after its Encrypt was replaced, so that only
// the ciphertext itself is wrong.
func encryptedBody(hs *harness, enc string) tamper {
	return func(t *testing.T, _ *harness, req *http.Request) {
		q := req.URL.Query()
		q.Set("msg_signature", util.Signature(testToken, q.Get("timestamp"), q.Get("nonce"), enc))
		req.URL.RawQuery = q.Encode()
		setBody([]byte("<xml><ToUserName><![CDATA[gh]]></ToUserName><Encrypt><![CDATA["+enc+"]]></Encrypt></xml>"))(t, hs, req)
	}
}

func TestRejections(t *testing.T) {
	key, _ := DecodeAESKey(testAESKey)
	wrongApp := base64.StdEncoding.EncodeToString(util.AESEncryptMsg([]byte("0123456789abcdef"), []byte("<xml><FromUserName>x</FromUserName><MsgType>text</MsgType></xml>"), "wx_someone_else", key))
	cases := []struct {
		name   string
		modes  []string
		tamper tamper
		status int
		reason string
	}{
		{"wrong signature", modes, setQuery("signature", strings.Repeat("a", 40)), 401, "wrong signature"},
		{"missing signature", modes, setQuery("signature", ""), 401, "wrong signature"},
		{"stale timestamp", modes, func(t *testing.T, hs *harness, req *http.Request) {
			ts := strconv.FormatInt(time.Now().Add(-6*time.Minute).Unix(), 10)
			q := req.URL.Query()
			q.Set("timestamp", ts)
			q.Set("signature", util.Signature(testToken, ts, q.Get("nonce")))
			req.URL.RawQuery = q.Encode()
		}, 401, "away from now"},
		{"future timestamp", modes, func(t *testing.T, hs *harness, req *http.Request) {
			ts := strconv.FormatInt(time.Now().Add(6*time.Minute).Unix(), 10)
			q := req.URL.Query()
			q.Set("timestamp", ts)
			q.Set("signature", util.Signature(testToken, ts, q.Get("nonce")))
			req.URL.RawQuery = q.Encode()
		}, 401, "away from now"},
		{"garbage timestamp", modes, setQuery("timestamp", "soon"), 401, "bad timestamp"},
		{"timestamp not in WeChat's form", modes, func(t *testing.T, hs *harness, req *http.Request) {
			ts := "+" + strconv.FormatInt(time.Now().Unix(), 10)
			q := req.URL.Query()
			q.Set("timestamp", ts)
			q.Set("signature", util.Signature(testToken, ts, q.Get("nonce")))
			req.URL.RawQuery = q.Encode()
		}, 401, "bad timestamp"},
		// Expect: 100-continue: refused as announced, the body is never
		// read, and a client still writing it could meet the closed
		// connection before the answer (broken pipe: a flaky run).
		{"body too large", modes, func(t *testing.T, hs *harness, req *http.Request) {
			limit := MaxBody
			if hs.h.cfg.Mode == ModeCompat {
				limit *= 2 // its body holds the message twice
			}
			setBody(bytes.Repeat([]byte("x"), limit+1))(t, hs, req)
			req.Header.Set("Expect", "100-continue")
		}, 413, "body too large"},
		{"malformed XML", []string{ModePlain}, setBody([]byte("<xml><FromUserName>")), 400, "malformed message XML"},
		{"no sender", []string{ModePlain}, setBody([]byte("<xml><MsgType>text</MsgType></xml>")), 400, "no FromUserName"},
		{"bad MsgId", []string{ModePlain}, setBody([]byte("<xml><FromUserName>u</FromUserName><MsgType>text</MsgType><MsgId>abc</MsgId></xml>")), 400, "malformed message XML"},
		{"malformed envelope", []string{ModeCompat, ModeSafe}, setBody([]byte("<xml><Encrypt>")), 400, "malformed envelope"},
		{"wrong msg_signature", []string{ModeCompat, ModeSafe}, setQuery("msg_signature", strings.Repeat("b", 40)), 401, "wrong msg_signature"},
		{"ciphertext not base64", []string{ModeCompat, ModeSafe}, nil, 400, "not base64"},
		{"ciphertext garbage", []string{ModeCompat, ModeSafe}, nil, 400, "bad ciphertext"},
		{"wrong AppID", []string{ModeCompat, ModeSafe}, nil, 400, "another AppID"},
		{"unencrypted in safe mode", []string{ModeSafe}, func(t *testing.T, hs *harness, req *http.Request) {
			q := req.URL.Query()
			q.Del("encrypt_type")
			q.Del("msg_signature")
			req.URL.RawQuery = q.Encode()
			setBody(Inbound{From: "o_x", MsgType: "text", Content: "帮助", MsgID: 1}.XML(testGH))(t, hs, req)
		}, 401, "unencrypted request in safe mode"},
		{"encrypted in plain mode", []string{ModePlain}, setQuery("encrypt_type", "aes"), 400, "wechat.mode is plain"},
		{"method", modes, func(t *testing.T, hs *harness, req *http.Request) { req.Method = http.MethodPut }, 405, `method not allowed" detail="\"PUT\""`},
	}
	for _, c := range cases {
		switch c.name {
		case "ciphertext not base64":
			c.tamper = func(t *testing.T, hs *harness, req *http.Request) { encryptedBody(hs, "!!!not-base64!!!")(t, hs, req) }
		case "ciphertext garbage":
			c.tamper = func(t *testing.T, hs *harness, req *http.Request) {
				encryptedBody(hs, base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{7}, 64)))(t, hs, req)
			}
		case "wrong AppID":
			c.tamper = func(t *testing.T, hs *harness, req *http.Request) { encryptedBody(hs, wrongApp)(t, hs, req) }
		}
		for _, mode := range c.modes {
			t.Run(c.name+"/"+mode, func(t *testing.T) {
				hs := newHarness(t, mode)
				req, err := hs.sim.Request(context.Background(), hs.text("o_attacker", "帮助").XML(testGH))
				if err != nil {
					t.Fatal(err)
				}
				c.tamper(t, hs, req)
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != c.status {
					t.Fatalf("status %d (%s), want %d", resp.StatusCode, body, c.status)
				}
				if strings.Contains(string(body), c.reason) {
					t.Errorf("response body %q leaks the internal reason", body)
				}
				if n := hs.logs.count("webhook request rejected"); n != 1 {
					t.Errorf("logged %d rejections, want 1:\n%s", n, hs.logs)
				}
				if !strings.Contains(hs.logs.String(), c.reason) || !strings.Contains(hs.logs.String(), "remote=127.0.0.1") {
					t.Errorf("log does not give reason %q and remote address:\n%s", c.reason, hs.logs)
				}
				if n := hs.answers.Load(); n != 0 {
					t.Errorf("bot ran %d times for a rejected request", n)
				}
			})
		}
	}
}

// TestOfficialCryptoVector checks WeChat's published sample: the SDK's AES
// code, with our key decoding, must reproduce it byte for byte.
func TestOfficialCryptoVector(t *testing.T) {
	key, err := DecodeAESKey("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG")
	if err != nil {
		t.Fatal(err)
	}
	got := base64.StdEncoding.EncodeToString(util.AESEncryptMsg([]byte("aaaabbbbccccdddd"), []byte("我是中文abcd123"), "wxb11529c136998cb6", key))
	const want = "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg=="
	if got != want {
		t.Fatalf("ciphertext\n got %s\nwant %s", got, want)
	}
}

// TestOfficialEncryptedMessage feeds the official sample's encrypted video
// message through our request parser, signed as WeChat would sign it.
func TestOfficialEncryptedMessage(t *testing.T) {
	const enc = "jn1L23DB+6ELqJ+6bruv23M2GmYfkv0xBh2h+XTBOKVKcgDFHle6gqcZ1cZrk3e1qjPQ1F4RsLWzQRG9udbKWesxlkupqcEcW7ZQweImX9+wLMa0GaUzpkycA8+IamDBxn5loLgZpnS7fVAbExOkK5DYHBmv5tptA9tklE/fTIILHR8HLXa5nQvFb3tYPKAlHF3rtTeayNf0QuM+UW/wM9enGIDIJHF7CLHiDNAYxr+r+OrJCmPQyTy8cVWlu9iSvOHPT/77bZqJucQHQ04sq7KZI27OcqpQNSto2OdHCoTccjggX5Z9Mma0nMJBU+jLKJ38YB1fBIz+vBzsYjrTmFQ44YfeEuZ+xRTQwr92vhA9OxchWVINGC50qE/6lmkwWTwGX9wtQpsJKhP+oS7rvTY8+VdzETdfakjkwQ5/Xka042OlUb1/slTwo4RscuQ+RdxSGvDahxAJ6+EAjLt9d8igHngxIbf6YyqqROxuxqIeIch3CssH/LqRs+iAcILvApYZckqmA7FNERspKA5f8GoJ9sv8xmGvZ9Yrf57cExWtnX8aCMMaBropU/1k+hKP5LVdzbWCG0hGwx/dQudYR/eXp3P0XxjlFiy+9DMlaFExWUZQDajPkdPrEeOwofJb"
	h, err := NewHandler(Config{AppID: testAppID, Token: testToken, AESKey: testAESKey, Mode: ModeSafe}, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	h.now = func() time.Time { return time.Unix(1409304348, 0) }
	q := url.Values{"timestamp": {"1409304348"}, "nonce": {"xxxxxx"}, "encrypt_type": {"aes"},
		"signature":     {util.Signature(testToken, "1409304348", "xxxxxx")},
		"msg_signature": {util.Signature(testToken, "1409304348", "xxxxxx", enc)}}
	var req request
	rej := h.parseRequest(paramsOf(q), []byte("<xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName><Encrypt><![CDATA["+enc+"]]></Encrypt></xml>"), &req, new(envelope))
	if rej != nil {
		t.Fatalf("rejected: %v", rej)
	}
	m := toBot(&req.msg)
	if m.Kind != "video" || m.From != "gh_7f083739789a" || m.To != "oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw" {
		t.Fatalf("decoded %+v", m)
	}
}

// TestRejectionKeepsTheMessageOut: a field the parser cannot read is the
// message's own text; the rejection names the problem, not the value.
func TestRejectionKeepsTheMessageOut(t *testing.T) {
	for _, value := range []string{"my-secret-7", `1"my-secret-7`} {
		hs := newHarness(t, ModeSafe)
		req, err := hs.sim.Request(context.Background(), []byte("<xml><FromUserName>u</FromUserName><MsgType>text</MsgType><CreateTime>"+
			strings.ReplaceAll(value, `"`, "&quot;")+"</CreateTime></xml>"))
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		logs := hs.logs.String()
		if resp.StatusCode != 400 || !strings.Contains(logs, "malformed message") || strings.Contains(logs, "secret") {
			t.Fatalf("%s: status %d, log:\n%s", value, resp.StatusCode, logs)
		}
	}
}

// TestRejectionSaysWhatTheParserSaid: a parser's own error is logged whole
// (up to errTextMax), not cut as a request field is (a hostile run's find:
// 64 bytes cut it before what it named).
func TestRejectionSaysWhatTheParserSaid(t *testing.T) {
	hs := newHarness(t, ModeSafe)
	req, err := hs.sim.Request(context.Background(), []byte("<xml><FromUserName>u</FromUserName><MsgType>text</MsgType></Content></xml>"))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if logs := hs.logs.String(); resp.StatusCode != 400 || !strings.Contains(logs, `element <xml> closed by </Content>`) {
		t.Fatalf("status %d, log:\n%s", resp.StatusCode, logs)
	}
}

// TestCompatRefusesPlaintextOnceEncrypted: compat mode takes a plaintext
// request (signed URL, unsigned body) only until WeChat has sent an
// encrypted one; after that a plaintext request is someone replaying a
// signed URL with a body of their own (a hostile run's find: 退订 posted
// for any follower with one logged URL).
func TestCompatRefusesPlaintextOnceEncrypted(t *testing.T) {
	hs := newHarness(t, ModeCompat)
	plain := func(text string) int {
		t.Helper()
		req, err := hs.sim.Request(context.Background(), hs.text("o_victim", text).XML(testGH))
		if err != nil {
			t.Fatal(err)
		}
		q := req.URL.Query()
		q.Del("encrypt_type")
		q.Del("msg_signature")
		req.URL.RawQuery = q.Encode()
		setBody(Inbound{From: "o_victim", MsgType: "text", Content: text, MsgID: hs.msgID.Add(1)}.XML(testGH))(t, hs, req)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	// Before WeChat's console is switched: plaintext is WeChat's.
	if code := plain("帮助"); code != http.StatusOK {
		t.Fatalf("plaintext before any encrypted request: %d", code)
	}
	if _, err := hs.sim.Send(context.Background(), hs.text("o_real", "帮助")); err != nil {
		t.Fatal(err)
	}
	if code := plain("退订"); code != http.StatusUnauthorized {
		t.Fatalf("plaintext after an encrypted request: %d, want 401", code)
	}
}
