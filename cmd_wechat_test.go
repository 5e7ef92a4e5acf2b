package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"mpbot/bot/wechat"
	"mpbot/bot/wechat/wechattest"
	"mpbot/store"
)

// wechatConfig is a config whose WeChat API is fake, with extra YAML
// appended (a menu, scenes).
func wechatConfig(t *testing.T, fake *wechattest.FakeAPI, extra string) (dir, cfg string) {
	t.Helper()
	dir = t.TempDir()
	cfg = writeConfig(t, dir, "")
	if extra != "" {
		shipped, _ := os.ReadFile(cfg)
		os.WriteFile(cfg, []byte(strings.Replace(string(shipped), "menu:\n  buttons: []", extra, 1)), 0o644)
	}
	t.Setenv("MPBOT_WECHAT_API_BASE", fake.URL)
	t.Setenv("MPBOT_WECHAT_APP_SECRET", "s")
	return dir, cfg
}

const testMenu = `menu:
  buttons:
    - {name: 每日一读, type: click, key: DAILY}
    - name: 备考
      sub_buttons:
        - {name: 遴选, type: click, key: EXAM_ANALYSIS}
        - {name: 官网, type: view, url: "https://example.com/site"}`

// TestQRCodeSceneAndOutChecked: a scene WeChat refuses (30 Chinese
// characters are 90 bytes), a tab in it, or an --out folder that is not
// there is the command's fault, exit 2, before a store is made or a code
// created (an operator run's finds: exit 1 after both, and a permanent
// code made whose picture could not be saved).
func TestQRCodeSceneAndOutChecked(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	dir, cfg := wechatConfig(t, fake, "")
	for _, args := range [][]string{
		{"--scene", strings.Repeat("长", 30)},
		{"--scene", "a\tb"},
		{"--scene", "expo", "--permanent", "--out", filepath.Join(dir, "nosuch", "x.png")},
	} {
		code, out, errOut := runCmd(t, append([]string{"qrcode", "create", "--config", cfg}, args...)...)
		if code != 2 || len(fake.Calls("/cgi-bin/qrcode/create")) != 0 {
			t.Errorf("%q: exit %d, %d codes made\n%s%s", args, code, len(fake.Calls("/cgi-bin/qrcode/create")), out, errOut)
		}
	}
}

// TestMenuMadeOnTheWebsite: menu/get sees only a menu set through the API
// (46003 for one made on the 公众平台 website, get_current_selfmenu_info
// has it). pull had printed `buttons: []`, exit 0, and diff of the empty
// shipped config said "the live menu is the config's menu" (an operator
// run's find): both say the website's menu is there and unread, exit 1;
// push still replaces it.
func TestMenuMadeOnTheWebsite(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	fake.Handle("/cgi-bin/menu/get", func(url.Values, []byte) any {
		return map[string]any{"errcode": 46003, "errmsg": "menu no exist"}
	})
	fake.Handle("/cgi-bin/get_current_selfmenu_info", func(url.Values, []byte) any {
		return map[string]any{"is_menu_open": 1, "selfmenu_info": map[string]any{"button": []map[string]any{
			{"type": "view", "name": "官网", "url": "https://example.com/site"},
			{"type": "text", "name": "联系我们", "value": "电话 010-1234"},
		}}}
	})
	fake.Handle("/cgi-bin/menu/create", func(url.Values, []byte) any { return map[string]any{"errcode": 0, "errmsg": "ok"} })
	_, cfg := wechatConfig(t, fake, "")
	said := "made on the 公众平台 website (官网, 联系我们)"
	if code, out, errOut := runCmd(t, "menu", "pull", "--config", cfg); code != 1 || !strings.Contains(errOut, said) || strings.Contains(out, "buttons") {
		t.Errorf("menu pull of the website's menu: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := runCmd(t, "menu", "diff", "--config", cfg); code != 1 || !strings.Contains(errOut, said) || strings.Contains(out, "the live menu is the config's menu") {
		t.Errorf("menu diff of the empty config and the website's menu: exit %d\n%s%s", code, out, errOut)
	}
	_, cfg = wechatConfig(t, fake, testMenu)
	// The website's menu is no "buttons: []" (an operator run's find: it
	// read as no live menu).
	if code, out, errOut := runCmd(t, "menu", "diff", "--config", cfg); code != 1 || strings.Contains(out, "buttons: []") || !strings.Contains(out, "+     - name: 每日一读") {
		t.Errorf("menu diff of a config and the website's menu: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := runCmd(t, "menu", "push", "--yes", "--config", cfg); code != 0 || !strings.Contains(errOut, said) || len(fake.Calls("/cgi-bin/menu/create")) != 1 {
		t.Errorf("menu push over the website's menu: exit %d\n%s%s", code, out, errOut)
	}
}

// TestMenuCommands: menu diff against the live menu, push (after the
// diff, with --yes or an answer), pull as YAML that reads back the same.
func TestMenuCommands(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	var mu sync.Mutex
	var live json.RawMessage
	fake.Handle("/cgi-bin/menu/get", func(url.Values, []byte) any {
		mu.Lock()
		defer mu.Unlock()
		if live == nil {
			return map[string]any{"errcode": 46003, "errmsg": "menu no exist"}
		}
		return map[string]any{"menu": live}
	})
	fake.Handle("/cgi-bin/menu/create", func(_ url.Values, body []byte) any {
		mu.Lock()
		defer mu.Unlock()
		live = body
		return map[string]any{"errcode": 0, "errmsg": "ok"}
	})
	_, cfg := wechatConfig(t, fake, testMenu)

	code, out, errOut := runCmd(t, "menu", "diff", "--config", cfg)
	if code != 1 || !strings.Contains(out, "+         - name: 官网") || !strings.Contains(out, "+     - name: 每日一读") || !strings.Contains(out, "-   buttons: []") {
		t.Fatalf("diff against no menu: %d\n%s%s", code, out, errOut)
	}
	var stdout, stderr syncBuffer
	code = run(context.Background(), []string{"menu", "push", "--config", cfg}, strings.NewReader("n\n"), &stdout, &stderr)
	if code != 1 || len(fake.Calls("/cgi-bin/menu/create")) != 0 {
		t.Fatalf("push answered no: %d %s", code, stdout.String())
	}
	if code, out, errOut := runCmd(t, "menu", "push", "--yes", "--config", cfg); code != 0 || !strings.Contains(out, "published") {
		t.Fatalf("push --yes: %d\n%s%s", code, out, errOut)
	}
	var sent struct {
		Button []struct {
			Name      string `json:"name"`
			Key       string `json:"key"`
			SubButton []struct {
				Type string `json:"type"`
				URL  string `json:"url"`
			} `json:"sub_button"`
		} `json:"button"`
	}
	json.Unmarshal(fake.Calls("/cgi-bin/menu/create")[0].Body, &sent)
	if len(sent.Button) != 2 || sent.Button[0].Key != "DAILY" || sent.Button[1].SubButton[1].URL != "https://example.com/site" {
		t.Fatalf("menu/create body %s", fake.Calls("/cgi-bin/menu/create")[0].Body)
	}
	if code, out, _ := runCmd(t, "menu", "diff", "--config", cfg); code != 0 || !strings.Contains(out, "the live menu is the config's menu") {
		t.Fatalf("diff after push: %d %s", code, out)
	}
	code, pulled, _ := runCmd(t, "menu", "pull", "--config", cfg)
	if code != 0 || !strings.Contains(pulled, "key: EXAM_ANALYSIS") {
		t.Fatalf("pull: %d %s", code, pulled)
	}
	// What pull prints is config: the same menu, checked as valid.
	_, again := wechatConfig(t, fake, strings.TrimSpace(pulled))
	if code, out, errOut := runCmd(t, "check", "--config", again); code != 0 {
		t.Fatalf("the pulled menu does not check: %d %s %s", code, out, errOut)
	}
}

// TestQRCodeAndChannelWelcome: a channel's code is created and saved; a
// follower arriving through it gets the channel's welcome; followers
// stats counts the channel.
func TestQRCodeAndChannelWelcome(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	fake.Handle("/cgi-bin/qrcode/create", func(_ url.Values, body []byte) any {
		return map[string]any{"ticket": "TICKET+1/=", "expire_seconds": 604800, "url": "http://weixin.qq.com/q/x"}
	})
	fake.HandleRaw("/cgi-bin/showqrcode", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("ticket") != "TICKET+1/=" {
			http.Error(w, "bad ticket", 400)
			return
		}
		w.Write([]byte("\x89PNG\r\n\x1a\n qr"))
	})
	dir, cfg := wechatConfig(t, fake, "menu:\n  buttons: []")
	shipped, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, []byte(strings.Replace(string(shipped), "subscribe_scenes: {}", "subscribe_scenes:\n    expo: 欢迎来自招聘会的你！", 1)), 0o644)
	png := filepath.Join(dir, "expo.png")
	code, out, errOut := runCmd(t, "qrcode", "create", "--config", cfg, "--scene", "expo", "--expire", "7d", "--out", png)
	if code != 0 || !strings.Contains(out, "ticket TICKET+1/=") || !strings.Contains(out, "showqrcode?ticket=TICKET%2B1%2F%3D") || !strings.Contains(out, "expires") {
		t.Fatalf("qrcode create: %d\n%s%s", code, out, errOut)
	}
	var req struct {
		ExpireSeconds int    `json:"expire_seconds"`
		ActionName    string `json:"action_name"`
		ActionInfo    struct {
			Scene struct {
				SceneStr string `json:"scene_str"`
			} `json:"scene"`
		} `json:"action_info"`
	}
	json.Unmarshal(fake.Calls("/cgi-bin/qrcode/create")[0].Body, &req)
	if req.ExpireSeconds != 604800 || req.ActionName != "QR_STR_SCENE" || req.ActionInfo.Scene.SceneStr != "expo" {
		t.Fatalf("qrcode/create %s", fake.Calls("/cgi-bin/qrcode/create")[0].Body)
	}
	if img, _ := os.ReadFile(png); string(img) != "\x89PNG\r\n\x1a\n qr" {
		t.Fatalf("saved picture %q", img)
	}
	if code, _, _ := runCmd(t, "qrcode", "create", "--config", cfg, "--scene", "expo", "--expire", "31d"); code != 2 {
		t.Fatalf("--expire 31d: exit %d, want 2", code)
	}
	runCmd(t, "qrcode", "create", "--config", cfg, "--scene", "expo", "--permanent")
	json.Unmarshal(fake.Calls("/cgi-bin/qrcode/create")[1].Body, &req)
	if req.ActionName != "QR_LIMIT_STR_SCENE" {
		t.Fatalf("--permanent sent %s", fake.Calls("/cgi-bin/qrcode/create")[1].Body)
	}
	// Answers without what was asked (an operator's find: an empty ticket
	// printed, "permanent" for a 30-day code, JSON saved as the picture).
	fake.Handle("/cgi-bin/qrcode/create", func(url.Values, []byte) any { return map[string]any{"errcode": 0} })
	if code, out, errOut := runCmd(t, "qrcode", "create", "--config", cfg, "--scene", "expo"); code != 1 || !strings.Contains(errOut, "has no ticket") {
		t.Fatalf("an answer without a ticket: %d\n%s%s", code, out, errOut)
	}
	fake.Handle("/cgi-bin/qrcode/create", func(url.Values, []byte) any { return map[string]any{"ticket": "T2"} })
	fake.HandleRaw("/cgi-bin/showqrcode", func(w http.ResponseWriter, _ *http.Request) {
		w.Write([]byte(`{"errcode":40001,"errmsg":"invalid credential"}`))
	})
	os.Remove(png)
	code, out, errOut = runCmd(t, "qrcode", "create", "--config", cfg, "--scene", "expo", "--out", png)
	if code != 1 || !strings.Contains(out, "expires") || !strings.Contains(errOut, "not a picture") {
		t.Fatalf("a temporary code without expire_seconds, its picture an error: %d\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat(png); err == nil {
		t.Fatal("an error saved as the picture")
	}

	logs := &syncBuffer{}
	base, stop := startServe(t, cfg, logs)
	sim := simulatorFor(t, cfg, base)
	for i, key := range []string{"qrscene_expo", ""} {
		in := wechatInbound("o_chan"+string(rune('0'+i)), "subscribe", key)
		out, err := sim.Send(context.Background(), in)
		want := map[bool]string{true: "欢迎来自招聘会的你！", false: "欢迎关注"}[key != ""]
		if err != nil || !strings.Contains(out.Content, want) {
			t.Fatalf("subscribe %q: %v %+v", key, err, out)
		}
	}
	stop()
	code, out, _ = runCmd(t, "followers", "stats", "--config", cfg)
	if code != 0 || !strings.Contains(out, "followers 2, taking the daily reading 2") || !strings.Contains(out, "expo\t1") ||
		!strings.Contains(out, "(no channel)\t1") || !strings.Contains(out, "\t2\t0") {
		t.Fatalf("followers stats: %d\n%s", code, out)
	}
	if code, out, _ := runCmd(t, "followers", "list", "--config", cfg); code != 0 || !strings.Contains(out, "o_chan0\tyes\tyes") || !strings.Contains(out, "expo") {
		t.Fatalf("followers list: %d\n%s", code, out)
	}
	st, _ := store.Open(context.Background(), filepath.Join(dir, "mpbot.db"))
	defer st.Close()
	if f, _ := st.GetFollower(context.Background(), "o_chan0"); f.Scene != "expo" {
		t.Fatalf("follower row scene %q", f.Scene)
	}
}

// TestMediaUpload: a file is uploaded as temporary media or permanent
// material, by its kind, and its media_id printed.
func TestMediaUpload(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	for _, path := range []string{"/cgi-bin/media/upload", "/cgi-bin/material/add_material"} {
		fake.Handle(path, func(q url.Values, body []byte) any {
			if !strings.Contains(string(body), "RIFF fake sound") {
				return map[string]any{"errcode": 40004, "errmsg": "invalid media type"}
			}
			return map[string]any{"media_id": "M_" + q.Get("type")}
		})
	}
	dir, cfg := wechatConfig(t, fake, "")
	voice := filepath.Join(dir, "lesson.mp3")
	os.WriteFile(voice, []byte("RIFF fake sound"), 0o644)
	if code, out, errOut := runCmd(t, "media", "upload", "--config", cfg, voice); code != 0 || strings.TrimSpace(out) != "M_voice" || !strings.Contains(errOut, "3 days") {
		t.Fatalf("upload: %d %q %s", code, out, errOut)
	}
	if code, out, _ := runCmd(t, "media", "upload", "--config", cfg, "--permanent", voice); code != 0 || strings.TrimSpace(out) != "M_voice" {
		t.Fatalf("upload --permanent: %d %q", code, out)
	}
	if n := len(fake.Calls("/cgi-bin/material/add_material")); n != 1 {
		t.Fatalf("%d permanent uploads", n)
	}
	doc := filepath.Join(dir, "notes.pdf")
	os.WriteFile(doc, []byte("%PDF"), 0o644)
	if code, _, errOut := runCmd(t, "media", "upload", "--config", cfg, doc); code != 2 || !strings.Contains(errOut, "WeChat takes temporary images") {
		t.Fatalf("a pdf: %d %s", code, errOut)
	}
	// An answer without the media_id (an operator's find: an empty one
	// printed, exit 0).
	fake.Handle("/cgi-bin/material/add_material", func(url.Values, []byte) any { return map[string]any{"errcode": 0} })
	if code, out, errOut := runCmd(t, "media", "upload", "--config", cfg, "--permanent", voice); code != 1 || !strings.Contains(errOut, "has no media_id") {
		t.Fatalf("an answer without a media_id: %d %q %s", code, out, errOut)
	}
}

func wechatInbound(openid, event, key string) wechat.Inbound {
	return wechat.Inbound{From: openid, MsgType: "event", Event: event, EventKey: key, CreateTime: time.Now().Unix()}
}

// TestCommandsShareTheAccessToken: the commands an operator runs beside
// serve use the access token kept in the store, as serve does, instead of
// each fetching one: WeChat's /cgi-bin/token gives a new token each time
// and retires the one before it (serve's calls then failed with 40001 and
// fetched again), and allows about 2,000 fetches a day (an operator run's
// find). A token WeChat refuses is fetched again, once.
func TestCommandsShareTheAccessToken(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	fake.Handle("/cgi-bin/menu/get", func(url.Values, []byte) any {
		return map[string]any{"menu": map[string]any{"button": []any{map[string]any{"type": "click", "name": "每日一读", "key": "DAILY"}}}}
	})
	_, cfg := wechatConfig(t, fake, "")
	for i := range 3 {
		if code, out, errOut := runCmd(t, "menu", "pull", "--config", cfg); code != 0 || !strings.Contains(out, "每日一读") {
			t.Fatalf("pull %d: %d\n%s%s", i, code, out, errOut)
		}
	}
	if n := fake.TokensIssued(); n != 1 {
		t.Fatalf("three commands fetched %d access tokens", n)
	}
	fake.ExpireToken()
	if code, out, errOut := runCmd(t, "menu", "pull", "--config", cfg); code != 0 || !strings.Contains(out, "每日一读") {
		t.Fatalf("pull with the kept token refused: %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut := runCmd(t, "menu", "pull", "--config", cfg); code != 0 || fake.TokensIssued() != 2 {
		t.Fatalf("after a refused token: exit %d, %d tokens fetched\n%s", code, fake.TokensIssued(), errOut)
	}
}
