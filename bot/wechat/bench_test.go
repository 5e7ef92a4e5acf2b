package wechat

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/silenceper/wechat/v2/officialaccount/message"
	"github.com/silenceper/wechat/v2/util"
)

// baseline is the floor a webhook cannot go below: verify the signatures,
// decrypt, and answer a constant encrypted reply, without reading the
// message or routing it.
func (h *Handler) baseline(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	if err != nil {
		http.Error(w, "bad", http.StatusBadRequest)
		return
	}
	q := r.URL.Query()
	if rej := h.checkSignature(q); rej != nil {
		http.Error(w, "bad", rej.status)
		return
	}
	var env message.EncryptedXMLMsg
	if err := xml.Unmarshal(body, &env); err != nil ||
		!equal(q.Get("msg_signature"), util.Signature(h.cfg.Token, q.Get("timestamp"), q.Get("nonce"), env.EncryptedMsg)) {
		http.Error(w, "bad", http.StatusUnauthorized)
		return
	}
	cipher, err := base64.StdEncoding.DecodeString(env.EncryptedMsg)
	if err != nil {
		http.Error(w, "bad", http.StatusBadRequest)
		return
	}
	if _, _, appID, err := util.AESDecryptMsg(cipher, h.key); err != nil || string(appID) != h.cfg.AppID {
		http.Error(w, "bad", http.StatusBadRequest)
		return
	}
	out, err := h.seal(constantReply, q.Get("timestamp"), q.Get("nonce"))
	if err != nil {
		http.Error(w, "bad", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	w.Write(out)
}

var constantReply = []byte(`<xml><ToUserName><![CDATA[o_bench]]></ToUserName><FromUserName><![CDATA[gh_7f083739789a]]></FromUserName><CreateTime>0</CreateTime><MsgType>text</MsgType><Content><![CDATA[发送关键词搜索文章。]]></Content></xml>`)

// benchRequests signs and encrypts n distinct text messages up front, so
// that the timed loop measures only the server side and no request is a
// retry of another.
func benchRequests(b *testing.B, hs *harness, n int, text string) []*http.Request {
	reqs := make([]*http.Request, n)
	for i := range reqs {
		r, err := hs.sim.Request(context.Background(), hs.text("o_bench", text).XML(testGH))
		if err != nil {
			b.Fatal(err)
		}
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		reqs[i] = httptest.NewRequest(http.MethodPost, r.URL.String(), bytes.NewReader(body))
	}
	return reqs
}

// BenchmarkWebhook compares the full safe-mode path (verify, decrypt,
// decode, dedupe, route, encode, encrypt) with the baseline.
func BenchmarkWebhook(b *testing.B) {
	run := func(b *testing.B, text string, serve func(*harness) http.HandlerFunc) {
		hs := newHarness(b, ModeSafe, withBudget(3*time.Second))
		reqs := benchRequests(b, hs, b.N, text)
		h := serve(hs)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			w := httptest.NewRecorder()
			h(w, reqs[i])
			if w.Code != http.StatusOK {
				b.Fatalf("status %d: %s", w.Code, w.Body)
			}
		}
	}
	b.Run("baseline", func(b *testing.B) {
		run(b, "帮助", func(hs *harness) http.HandlerFunc { return hs.h.baseline })
	})
	b.Run("keyword", func(b *testing.B) {
		run(b, "帮助", func(hs *harness) http.HandlerFunc { return hs.h.ServeHTTP })
	})
	b.Run("search", func(b *testing.B) {
		run(b, "枫桥经验", func(hs *harness) http.HandlerFunc { return hs.h.ServeHTTP })
	})
}
