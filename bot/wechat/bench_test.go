package wechat

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// baseline is the floor a webhook cannot go below: verify the signatures,
// decrypt, and answer a constant encrypted reply, without reading the
// message or routing it.
func (h *Handler) baseline(w http.ResponseWriter, r *http.Request) {
	e := envelopes.Get().(*envelope)
	defer e.release()
	body, err := readAll(e.body[:0], http.MaxBytesReader(w, r.Body, MaxBody))
	e.body = body
	if err != nil {
		http.Error(w, "bad", http.StatusBadRequest)
		return
	}
	p := parseParams(r.URL.RawQuery)
	if rej := h.checkSignature(p, e); rej != nil {
		http.Error(w, "bad", rej.status)
		return
	}
	encrypted, err := encryptedOf(body)
	if err != nil || !equalSignature(e.signParams(h.cfg.Token, p.timestamp, p.nonce, encrypted), p.msgSignature) {
		http.Error(w, "bad", http.StatusUnauthorized)
		return
	}
	if _, appID, err := e.open(h.block, h.key[:16], encrypted); err != nil || string(appID) != h.cfg.AppID {
		http.Error(w, "bad", http.StatusBadRequest)
		return
	}
	out, err := e.seal(h.block, h.key[:16], h.cfg.AppID, h.cfg.Token, constantReply, p.timestamp, p.nonce)
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
