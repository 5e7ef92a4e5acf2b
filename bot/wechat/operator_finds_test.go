package wechat

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"testing"

	"mpbot/bot/wechat/wechattest"
)

// TestCheckSceneRefusesBytesThatAreNoText: a scene typed in a
// GBK terminal (Windows' Chinese locale: 秋季 is c7 ef bc be) is no UTF-8;
// it was sent, JSON-encoded as U+FFFD replacement characters, so the
// code's followers arrive with a scene "\ufffd\ufffd…" that matches no
// replies.subscribe_scenes key and is not what the operator named.
// Nor is a scene of spaces or invisible characters (a blank channel in
// followers stats).
func TestCheckSceneRefusesBytesThatAreNoText(t *testing.T) {
	for _, scene := range []string{"\xc7\xef\xbc\xbe", "expo\xff", " ", "\u200b", "\u3000"} {
		if err := CheckScene(scene); err == nil {
			t.Errorf("CheckScene(%q) passed: the code would carry another scene than named", scene)
		}
	}
}

// TestQRImageNotCutShort: a picture larger than the 4 MiB read
// was cut at 4 MiB and saved as the picture ("saved expo.png", exit 0):
// a corrupt file said to be the code's picture.
func TestQRImageNotCutShort(t *testing.T) {
	api, fake, _ := newTestAPI(t)
	png := append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0}, 5<<20)...)
	fake.HandleRaw("/cgi-bin/showqrcode", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write(png)
	})
	img, err := api.QRImage(context.Background(), "T")
	if err == nil && len(img) != len(png) {
		t.Fatalf("a %d-byte picture came back as %d bytes without an error", len(png), len(img))
	}
}

// TestUploadRefusesWhatTheEndpointDoesNot: media/upload
// (temporary) takes png/jpeg/jpg/gif and amr/mp3; add_material
// (permanent) bmp/png/jpeg/jpg/gif and mp3/wma/wav/amr; neither takes
// speex (a JSSDK download format). mpbot sent them all, and WeChat's
// 40004/40005 came back after the upload.
func TestUploadRefusesWhatTheEndpointDoesNot(t *testing.T) {
	api, fake, _ := newTestAPI(t)
	fake.Handle("/cgi-bin/media/upload", func(url.Values, []byte) any { return map[string]any{"media_id": "M"} })
	fake.Handle("/cgi-bin/material/add_material", func(url.Values, []byte) any { return map[string]any{"media_id": "M"} })
	for _, c := range []struct {
		file      string
		permanent bool
	}{{"v.speex", false}, {"v.speex", true}, {"cover.bmp", false}, {"v.wav", false}, {"v.wma", false}} {
		before := len(fake.Calls("/cgi-bin/media/upload")) + len(fake.Calls("/cgi-bin/material/add_material"))
		_, err := api.UploadMedia(context.Background(), c.file, []byte("data"), c.permanent, Video{})
		after := len(fake.Calls("/cgi-bin/media/upload")) + len(fake.Calls("/cgi-bin/material/add_material"))
		if err == nil || after != before {
			t.Errorf("%s (permanent %v): uploaded (err %v); WeChat does not take it there", c.file, c.permanent, err)
		}
	}
}

// TestErrcodeReadWhateverTheStatus: do's comment says "an errcode
// in the JSON is an *Error with that code, whatever the HTTP status"; an
// answer of 403 (a proxy at wechat.api_base passing WeChat's refusal on)
// with {"errcode":40164,...} came back as "http status 403", code 0, the
// reason (the IP whitelist) lost.
func TestErrcodeReadWhateverTheStatus(t *testing.T) {
	api, fake, _ := newTestAPI(t)
	fake.HandleRaw("/cgi-bin/menu/get", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusForbidden)
		w.Write([]byte(`{"errcode":40164,"errmsg":"invalid ip 1.2.3.4, not in whitelist"}`))
	})
	_, err := api.Menu(context.Background())
	if ErrorCode(err) != 40164 {
		t.Fatalf("menu/get answered 403 with errcode 40164: %v (code %d)", err, ErrorCode(err))
	}
}

// A proxy's 429 (too many requests) refused the call before it reached
// WeChat: it is tried again, as a 502 is; WeChat's errcode in a 5xx
// decides alone (45009, the day's quota, is not retried).
func TestTooManyRequestsRetried(t *testing.T) {
	api, fake, _ := newTestAPI(t)
	fake.Handle("/cgi-bin/menu/get", func(url.Values, []byte) any { return map[string]any{"menu": map[string]any{"button": []any{}}} })
	fake.Fail("/cgi-bin/menu/get", wechattest.Fault{Status: http.StatusTooManyRequests})
	if _, err := api.Menu(context.Background()); err != nil {
		t.Fatalf("a 429 then an answer: %v", err)
	}
	if n := len(fake.Calls("/cgi-bin/menu/get")); n != 2 {
		t.Errorf("%d calls, want 2", n)
	}
	if (&Error{Status: 503, Code: 45009}).Retryable() {
		t.Error("45009 in a 503 retried")
	}
}

// A permanent upload WeChat may have stored (no answer within the
// timeout, a 504) is not sent again: each copy took the account's quota
// of materials, and only the last media_id was printed.
func TestPermanentUploadNotRepeated(t *testing.T) {
	api, fake, _ := newTestAPI(t)
	fake.Handle("/cgi-bin/material/add_material", func(url.Values, []byte) any { return map[string]any{"media_id": "M"} })
	fake.Fail("/cgi-bin/material/add_material", wechattest.Fault{Status: http.StatusGatewayTimeout})
	if _, err := api.UploadMedia(context.Background(), "cover.jpg", []byte("\xff\xd8\xff\xe0"), true, Video{}); err == nil {
		t.Fatal("an upload WeChat may have stored was repeated until it answered")
	}
	if n := len(fake.Calls("/cgi-bin/material/add_material")); n != 1 {
		t.Errorf("%d uploads", n)
	}
	// A temporary one costs no quota, and is tried again.
	fake.Handle("/cgi-bin/media/upload", func(url.Values, []byte) any { return map[string]any{"media_id": "T"} })
	fake.Fail("/cgi-bin/media/upload", wechattest.Fault{Status: http.StatusGatewayTimeout})
	if id, err := api.UploadMedia(context.Background(), "cover.jpg", []byte("\xff\xd8\xff\xe0"), false, Video{}); err != nil || id != "T" {
		t.Errorf("a temporary upload after a 504: %q %v", id, err)
	}
}
