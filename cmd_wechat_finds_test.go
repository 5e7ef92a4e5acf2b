package main

import (
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"mpbot/bot/wechat"
	"mpbot/bot/wechat/wechattest"
)

// TestQRCodeOutFolderIsChecked: --out naming a folder that is
// there (--out ~/codes, meant as "save it in there") passed the check
// before anything is made; the permanent code was created, then "mpbot:
// open /home/op/codes: is a directory", exit 1. README: otherwise exit 2
// before anything is made, as for an --out folder that is not there.
func TestQRCodeOutFolderIsChecked(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	fake.Handle("/cgi-bin/qrcode/create", func(q url.Values, _ []byte) any {
		return map[string]any{"ticket": "T1", "url": "http://weixin.qq.com/q/x"}
	})
	fake.HandleRaw("/cgi-bin/showqrcode", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/jpeg")
		w.Write([]byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"))
	})
	dir, cfg := wechatConfig(t, fake, "")
	code, out, errOut := runCmd(t, "qrcode", "create", "--config", cfg, "--scene", "expo", "--permanent", "--out", dir)
	if code != 2 || len(fake.Calls("/cgi-bin/qrcode/create")) != 0 {
		t.Fatalf("--out %s (a folder): exit %d, %d codes made\n%s%s", dir, code, len(fake.Calls("/cgi-bin/qrcode/create")), out, errOut)
	}
}

// TestQRCodeExpireUnderASecond: --expire 500ms passed (d > 0) and
// was sent as "expire_seconds": 0, which WeChat reads as no expiry given
// (its 60 s default); mpbot printed the expiry WeChat answered.
func TestQRCodeExpireUnderASecond(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	fake.Handle("/cgi-bin/qrcode/create", func(q url.Values, _ []byte) any { return map[string]any{"ticket": "T1"} })
	_, cfg := wechatConfig(t, fake, "")
	code, _, errOut := runCmd(t, "qrcode", "create", "--config", cfg, "--scene", "expo", "--expire", "500ms")
	for _, c := range fake.Calls("/cgi-bin/qrcode/create") {
		var req struct {
			Expire *int64 `json:"expire_seconds"`
		}
		json.Unmarshal(c.Body, &req)
		if req.Expire != nil && *req.Expire < 1 {
			t.Fatalf("--expire 500ms: exit %d, sent expire_seconds %d (want exit 2, or at least a second)\n%s", code, *req.Expire, errOut)
		}
	}
}

// TestMediaUploadChecksBeforeReading: media upload read the whole
// file into memory before looking at its extension or size: a 1.5 GB
// lecture.mkv took 1.5 GB of RSS to be told "WeChat takes images…", and a
// 4 GB recording.mp4 on a 2 GB host is killed before "WeChat takes a video
// of at most 10485760". Stat first.
func TestMediaUploadChecksBeforeReading(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	dir, cfg := wechatConfig(t, fake, "")
	for _, name := range []string{"lecture.mkv", "recording.mp4"} {
		path := filepath.Join(dir, name)
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		f.Truncate(256 << 20) // sparse: no disk used
		f.Close()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		code, _, errOut := runCmd(t, "media", "upload", "--config", cfg, path)
		runtime.ReadMemStats(&after)
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
			t.Errorf("%s (256 MiB): %d MiB allocated to refuse it (exit %d: %s)", name, alloc>>20, code, strings.TrimSpace(errOut))
		}
	}
	if n := len(fake.Calls("")); n != 0 {
		t.Errorf("%d API calls for files WeChat does not take", n)
	}
}

// TestMenuPullKeepsEmoji: a button named "📚 订阅" is printed by
// menu pull and menu diff as "\U0001F4DA 订阅": valid YAML, but not what the
// operator sees in WeChat nor can find in the diff.
func TestMenuPullKeepsEmoji(t *testing.T) {
	out, err := menuYAML(MenuConfig{Buttons: []wechat.Button{{Name: "📚 订阅", Type: "click", Key: "SUBSCRIBE"}}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "📚 订阅") {
		t.Fatalf("menu pull prints:\n%s", out)
	}
}

// TestQRCodeNoteAgreesWithTheWelcome: with replies.subscribe_scenes
// holding `Autumn:`, a code made for scene "autumn" is told "note:
// replies.subscribe_scenes has no "autumn": its followers get
// replies.subscribe", while the webhook gives its followers Autumn's
// welcome (README: a scene that matches none exactly but one without case
// still gets that one; `mpbot chat` with /subscribe qrscene_autumn got
// "Welcome, Autumn expo"). The note sends the operator to add an
// `autumn:` key beside `Autumn:`.
func TestQRCodeNoteAgreesWithTheWelcome(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	fake.Handle("/cgi-bin/qrcode/create", func(q url.Values, _ []byte) any { return map[string]any{"ticket": "T1"} })
	_, cfg := wechatConfig(t, fake, "")
	shipped, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, []byte(strings.Replace(string(shipped), "  subscribe_scenes: {}\n", "  subscribe_scenes:\n    Autumn: \"Welcome, Autumn expo\"\n", 1)), 0o644)
	if code, _, errOut := runCmd(t, "qrcode", "create", "--config", cfg, "--scene", "Autumn"); code != 0 || strings.Contains(errOut, "note:") {
		t.Fatalf("the config's scene Autumn: exit %d %s", code, errOut)
	}
	code, out, errOut := runCmd(t, "qrcode", "create", "--config", cfg, "--scene", "autumn")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if strings.Contains(errOut, "get replies.subscribe") {
		t.Fatalf("scene autumn beside Autumn: %s", errOut)
	}
}

// The menu printed with characters beyond the BMP written out reads back
// as the same menu; other escapes (a tab, a backslash) stay escaped.
func TestMenuPullEmojiRoundTrip(t *testing.T) {
	m := MenuConfig{Buttons: []wechat.Button{{Name: "📚 订阅", Type: "click", Key: `K\U0001F4DA`}, {Name: "🎓\t课", Type: "click", Key: "B"}, {Name: `a\b 📚`, Type: "click", Key: "C"}}}
	out, err := menuYAML(m)
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]MenuConfig
	if err := yaml.Unmarshal(out, &back); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !reflect.DeepEqual(back["menu"].Buttons, m.Buttons) {
		t.Fatalf("read back %+v\nfrom\n%s", back["menu"].Buttons, out)
	}
	if strings.Contains(string(out), `\U0001F393`) {
		t.Errorf("an emoji escaped:\n%s", out)
	}
}
