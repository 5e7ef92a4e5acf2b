package wechat

import (
	"context"
	"net/http"
	"sync/atomic"
	"testing"
)

// TestQRImageRetriesABusyAnswer: every API call retries HTTP 5xx and
// -1 with backoff (README: "WeChat API calls retry -1, 45011, HTTP 5xx
// and timeouts"), but the picture of a channel code is fetched once: one
// 502 from showqrcode failed `mpbot qrcode create --out` (exit 1, no
// picture saved) after the code itself was made, where the next try
// answers.
func TestQRImageRetriesABusyAnswer(t *testing.T) {
	api, fake, _ := newTestAPI(t)
	var n atomic.Int32
	fake.HandleRaw("/cgi-bin/showqrcode", func(w http.ResponseWriter, _ *http.Request) {
		if n.Add(1) == 1 {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		w.Write([]byte("\x89PNG\r\n\x1a\n qr"))
	})
	img, err := api.QRImage(context.Background(), "T1")
	if err != nil {
		t.Fatalf("one 502 from showqrcode, not retried (%d tries): %v", n.Load(), err)
	}
	if len(img) == 0 {
		t.Fatal("no picture")
	}
}
