package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"mpbot/bot/wechat"
	"mpbot/bot/wechat/wechattest"
	"mpbot/content"
	"mpbot/store"
	"mpbot/store/storetest"
)

func TestImportSearchArticles(t *testing.T) {
	cfg := writeConfig(t, t.TempDir(), "")
	fixtures := filepath.Join("content", "testdata", "import")

	code, out, errOut := runCmd(t, "import", "--config", cfg, "--dry-run", fixtures)
	if code != 1 || !strings.Contains(out, "dry run, nothing written: added 6, updated 0, unchanged 0, skipped 2") ||
		!strings.Contains(out, "would be added\tmd-renmin\t以人民为中心的发展思想怎么考") {
		t.Fatalf("dry run: exit %d\n%s\n%s", code, out, errOut)
	}
	if _, out, _ := runCmd(t, "articles", "list", "--config", cfg); strings.TrimSpace(out) != "" {
		t.Fatalf("dry run wrote articles:\n%s", out)
	}

	code, out, errOut = runCmd(t, "import", "--config", cfg, "--category", "考试分析", fixtures)
	if code != 1 || !strings.Contains(out, "added 6, updated 0, unchanged 0, skipped 2") || !strings.Contains(out, "added\tj-1\t千万工程二十年") {
		t.Fatalf("import: exit %d\n%s\n%s", code, out, errOut)
	}
	for _, want := range []string{"articles.jsonl:2: invalid JSON", "broken.md:4: front matter: unknown field colour"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("import report lacks %q:\n%s", want, errOut)
		}
	}
	// Importing again changes nothing, with or without --category (the
	// category the first import gave stays).
	if _, out, _ := runCmd(t, "import", "--config", cfg, fixtures); !strings.Contains(out, "added 0, updated 0, unchanged 6") {
		t.Fatalf("re-import:\n%s", out)
	}

	code, out, _ = runCmd(t, "search", "--config", cfg, "--json", "案例分析", "上热下冷")
	var hits []searchHit
	if code != 0 || json.Unmarshal([]byte(out), &hits) != nil || len(hits) == 0 || hits[0].URL != "https://www.example-gk.cn/linxuan/2023/0626/12345.html" {
		t.Fatalf("search --json: exit %d %s", code, out)
	}
	if _, out, _ := runCmd(t, "search", "--config", cfg, "--json", "红烧肉"); strings.TrimSpace(out) != "[]" {
		t.Fatalf("off-topic search printed %s", out)
	}

	var stdout, stderr syncBuffer
	code = run(context.Background(), []string{"search", "--config", cfg, "--json"}, strings.NewReader("以人民为中心\n红烧肉\n"), &stdout, &stderr)
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if code != 0 || len(lines) != 2 || lines[1] != "[]" || !strings.Contains(lines[0], "md-renmin") {
		t.Fatalf("batch search: exit %d\n%s\n%s", code, stdout.String(), stderr.String())
	}

	if _, out, _ := runCmd(t, "articles", "show", "--config", cfg, "md-renmin"); !strings.Contains(out, `"title": "以人民为中心的发展思想怎么考"`) {
		t.Fatalf("show:\n%s", out)
	}
	if code, out, _ := runCmd(t, "articles", "rm", "--config", cfg, "md-renmin"); code != 0 || !strings.Contains(out, "removed md-renmin") {
		t.Fatalf("rm: %d %s", code, out)
	}
	if code, _, errOut := runCmd(t, "articles", "show", "--config", cfg, "md-renmin"); code != 1 || !strings.Contains(errOut, `no article has the id "md-renmin"`) {
		t.Fatalf("show after rm: %d %s", code, errOut)
	}
	// An id not found is said, and the rest are removed (one had stopped
	// them: an operator run's find).
	code, out, errOut = runCmd(t, "articles", "rm", "--config", cfg, "j-1", "md-renmin", "j-3")
	if code != 1 || !strings.Contains(out, "removed j-1") || !strings.Contains(out, "removed j-3") ||
		!strings.Contains(errOut, "not found: md-renmin") || !strings.Contains(errOut, "1 of 3 articles not found: md-renmin") {
		t.Fatalf("rm with an id not found: exit %d\n%s\n%s", code, out, errOut)
	}
}

// TestImportWhileServing: an import by `mpbot import` reaches a running
// serve's answers within a second, without a restart.
func TestImportWhileServing(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	logs := &syncBuffer{}
	base, stop := startServe(t, cfg, logs)
	defer stop()
	sim := simulatorFor(t, cfg, base)
	ask := func(id int64, text string) string {
		out, err := sim.Send(context.Background(), wechat.Inbound{From: "o_live", MsgType: "text", Content: text, MsgID: id, CreateTime: time.Now().Unix()})
		if err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	if got := ask(1, "上热下冷 案例分析"); strings.Contains(got, "example-gk.cn") {
		t.Fatal("found before import")
	}
	runCmd(t, "import", "--config", cfg, filepath.Join("content", "testdata", "import", "html"))
	imported := time.Now()
	var got string
	// The log is replayed twice a second, so this takes about that; the
	// bound is only for a machine too loaded to say anything.
	for id := int64(2); time.Since(imported) < 30*time.Second; id++ {
		if got = ask(id, "上热下冷 案例分析"); strings.Contains(got, "example-gk.cn") {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !strings.Contains(got, "example-gk.cn") {
		t.Fatalf("imported article not answered within 30s: %q", got)
	}
	t.Logf("imported article answered after %v", time.Since(imported).Round(time.Millisecond))
}

func TestImportFromAccount(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	var items []map[string]any
	for i := range 25 {
		items = append(items, map[string]any{
			"article_id": fmt.Sprintf("AID%d", i),
			"content": map[string]any{"news_item": []map[string]any{{
				"title": fmt.Sprintf("第%d期 时政热点", i), "author": "编辑部", "digest": "本期要点",
				"content": "<p>第一段<strong>重点</strong></p><p>第二段</p>", "url": fmt.Sprintf("https://mp.weixin.qq.com/s/%d", i),
				"thumb_url": "https://mmbiz.qpic.cn/x.jpg", "is_deleted": i == 3,
			}}},
			"update_time": 1760000000 + i*86400,
		})
	}
	// As WeChat's editor writes an item (an importer run's finds: a span
	// inside a sentence broke it into paragraphs, sections, headings and
	// cells ran together), its digest left blank (the card had none).
	item := items[7]["content"].(map[string]any)["news_item"].([]map[string]any)[0]
	item["digest"] = ""
	item["content"] = `<section><span>2024年全国两会期间，</span><strong>新质生产力</strong><span>成为高频热词。</span></section>` +
		`<h4>一、政治判断力</h4><section>要从政治上看问题。</section><table><tr><td>指标</td><td>目标</td></tr><tr><td>GDP</td><td>5%左右</td></tr></table>`
	// As the API gives an item's address: http://, chksm and #rd, where
	// README says every WeChat address is https without them.
	items[9]["content"].(map[string]any)["news_item"].([]map[string]any)[0]["url"] = "http://mp.weixin.qq.com/s?__biz=MzA5NjQ1&mid=2650009&idx=1&sn=aa99&chksm=8b12&scene=27#rd"
	fake.Handle("/cgi-bin/freepublish/batchget", func(_ url.Values, body []byte) any {
		var req struct{ Offset, Count int }
		json.Unmarshal(body, &req)
		end := min(req.Offset+req.Count, len(items))
		return map[string]any{"total_count": len(items), "item_count": end - req.Offset, "item": items[req.Offset:end]}
	})
	fake.Fail("/cgi-bin/freepublish/batchget", wechattest.Fault{ErrCode: -1, ErrMsg: "system error"})
	cfg := writeConfig(t, t.TempDir(), "")
	t.Setenv("MPBOT_WECHAT_API_BASE", fake.URL)
	t.Setenv("MPBOT_WECHAT_APP_SECRET", "secret")
	code, out, errOut := runCmd(t, "import", "--config", cfg, "--from-account", "--category", "时政热点")
	if code != 0 || !strings.Contains(out, "read 24 published articles") || !strings.Contains(out, "added 24") {
		t.Fatalf("from account: exit %d\n%s\n%s", code, out, errOut)
	}
	if n := len(fake.Calls("/cgi-bin/freepublish/batchget")); n != 3 { // a retried failure, then two pages
		t.Fatalf("%d batchget calls", n)
	}
	_, out, _ = runCmd(t, "articles", "show", "--config", cfg, "mp-AID5-1")
	for _, want := range []string{`"url": "https://mp.weixin.qq.com/s/5"`, `"body": "第一段重点\n\n第二段"`, `"category": "时政热点"`, `"cover": "https://mmbiz.qpic.cn/x.jpg"`} {
		if !strings.Contains(out, want) {
			t.Errorf("imported article lacks %s:\n%s", want, out)
		}
	}
	if _, out, _ := runCmd(t, "articles", "show", "--config", cfg, "mp-AID9-1"); !strings.Contains(out, `"url": "https://mp.weixin.qq.com/s?__biz=MzA5NjQ1&mid=2650009&idx=1&sn=aa99"`) {
		t.Errorf("the item with an http:// address:\n%s", out)
	}
	_, out, _ = runCmd(t, "articles", "show", "--config", cfg, "mp-AID7-1")
	for _, want := range []string{`"body": "2024年全国两会期间，新质生产力成为高频热词。\n\n一、政治判断力\n\n要从政治上看问题。\n\n指标 目标\n\nGDP 5%左右"`,
		`"summary": "2024年全国两会期间，新质生产力成为高频热词。"`} {
		if !strings.Contains(out, want) {
			t.Errorf("the editor's item lacks %s:\n%s", want, out)
		}
	}
	// Rerunnable: the same articles are not duplicated.
	if _, out, _ := runCmd(t, "import", "--config", cfg, "--from-account", "--category", "时政热点"); !strings.Contains(out, "added 0, updated 0, unchanged 24") {
		t.Fatalf("rerun:\n%s", out)
	}
}

// TestImportFromAccountKeepsPagesFetched: a page refused with 45009 (the
// daily quota) after two good ones had thrown the 40 articles fetched
// away: nothing imported, exit 1 (an operator run's find). They are
// imported, and the failure said, exit 1.
func TestImportFromAccountKeepsPagesFetched(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	const total = 45
	fake.Handle("/cgi-bin/freepublish/batchget", func(_ url.Values, body []byte) any {
		var req struct{ Offset, Count int }
		json.Unmarshal(body, &req)
		if req.Offset >= 40 {
			return map[string]any{"errcode": 45009, "errmsg": "reach max api daily quota limit"}
		}
		var items []map[string]any
		for i := req.Offset; i < min(req.Offset+req.Count, total); i++ {
			items = append(items, map[string]any{
				"article_id": fmt.Sprintf("AID%d", i),
				"content": map[string]any{"news_item": []map[string]any{{
					"title": fmt.Sprintf("第%d期 时政热点", i), "digest": "本期要点", "content": "<p>第一段</p>",
					"url": fmt.Sprintf("https://mp.weixin.qq.com/s/%d", i),
				}}},
				"update_time": 1760000000 + i*86400,
			})
		}
		return map[string]any{"total_count": total, "item_count": len(items), "item": items}
	})
	cfg := writeConfig(t, t.TempDir(), "")
	t.Setenv("MPBOT_WECHAT_API_BASE", fake.URL)
	t.Setenv("MPBOT_WECHAT_APP_SECRET", "secret")
	code, out, errOut := runCmd(t, "import", "--config", cfg, "--from-account")
	if code != 1 || !strings.Contains(errOut, "45009") || !strings.Contains(out, "added 40,") {
		t.Fatalf("exit %d (want 1, the quota said, the 40 fetched added)\n%s\n%s", code, out, errOut)
	}
	if code, _, _ := runCmd(t, "articles", "show", "--config", cfg, "mp-AID39-1"); code != 0 {
		t.Fatalf("the last article fetched before the quota ran out was not imported:\n%s\n%s", out, errOut)
	}
}

// TestStoreCopy: `mpbot store copy --from` moves a one-machine SQLite store
// into the PostgreSQL store a fleet is configured with.
func TestStoreCopy(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "你好") // the SQLite store, with the demo articles
	t.Setenv("MPBOT_STORE_DRIVER", "postgres")
	t.Setenv("MPBOT_STORE_DSN", dsn)
	code, out, errOut := runCmd(t, "store", "copy", "--config", cfg, "--from", filepath.Join(dir, "mpbot.db"))
	if code != 0 || !strings.Contains(out, fmt.Sprintf("articles: %d", len(content.DemoArticles()))) ||
		!strings.Contains(out, fmt.Sprintf("search index saved: %d articles", len(content.DemoArticles()))) {
		t.Fatalf("copy: %d\n%s\n%s", code, out, errOut)
	}
	if _, out, _ := runCmd(t, "search", "--config", cfg, "浦江经验"); !strings.Contains(out, "demo-pujiang") {
		t.Fatalf("search on the copy: %s", out)
	}
	if code, _, errOut := runCmd(t, "store", "copy", "--config", cfg, "--from", filepath.Join(dir, "missing.db")); code == 0 || !strings.Contains(errOut, "missing.db") {
		t.Fatalf("copy from a missing file: %d %s", code, errOut)
	}
}

// TestStoreCopyFromAFileNotAStore: the source is read, never written: an
// SQLite file of another program is refused as no store, and keeps its one
// table (an operator run's find: the copy migrated it, 18 tables, and said
// "articles: 0", exit 0).
func TestStoreCopyFromAFileNotAStore(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite", other)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE notes (x TEXT)`); err != nil {
		t.Fatal(err)
	}
	cfg := writeConfig(t, dir, "")
	code, out, errOut := runCmd(t, "store", "copy", "--config", cfg, "--from", other)
	var tables int
	db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'table'`).Scan(&tables)
	if code != 1 || tables != 1 || !strings.Contains(errOut, "no mpbot store") {
		t.Fatalf("copy from an SQLite file that is no store: exit %d, the file now has %d tables\n%s%s", code, tables, out, errOut)
	}
}

// An article imported without an address has no page to open: the follower
// gets its text in the chat, through serve and the store, not a card whose
// link goes nowhere.
func TestArticleWithoutAddress(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	md := filepath.Join(dir, "notice.md")
	os.WriteFile(md, []byte("# 遴选面试考场须知\n\n考生须提前三十分钟到达考点。\n\n携带身份证和准考证。\n"), 0o644)
	if code, out, errOut := runCmd(t, "import", "--config", cfg, md); code != 0 {
		t.Fatalf("import: %d %s %s", code, out, errOut)
	}
	base, stop := startServe(t, cfg, &syncBuffer{})
	defer stop()
	out, err := simulatorFor(t, cfg, base).Send(context.Background(), wechat.Inbound{From: "o_nourl", MsgType: "text", Content: "遴选面试考场须知", MsgID: 1, CreateTime: time.Now().Unix()})
	if err != nil {
		t.Fatal(err)
	}
	want := "遴选面试考场须知\n\n考生须提前三十分钟到达考点。\n\n携带身份证和准考证。"
	if out.MsgType != "text" || out.Content != want {
		t.Fatalf("got %s %q %v, want the text %q", out.MsgType, out.Content, out.Articles, want)
	}
}

// TestSearchStdinLongLines: batch search reads a pasted article as one line
// and goes on with the next questions; past one article's size it names the
// line.
func TestSearchStdinLongLines(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "你好") // the demo articles
	in := strings.Repeat("枫桥经验", 20000) + "\n浦江经验\n"
	var out, errb syncBuffer
	if code := run(context.Background(), []string{"search", "--config", cfg}, strings.NewReader(in), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if lines := strings.Split(strings.TrimSpace(out.String()), "\n"); len(lines) != 2 || !strings.HasPrefix(lines[1], "浦江经验\tdemo-pujiang") {
		t.Fatalf("output:\n%.300s", out.String())
	}
	out, errb = syncBuffer{}, syncBuffer{}
	huge := "浦江经验\n" + strings.Repeat("a", content.MaxArticleBytes+1) + "\n"
	if code := run(context.Background(), []string{"search", "--config", cfg}, strings.NewReader(huge), &out, &errb); code == 0 || !strings.Contains(errb.String(), "stdin line 2") {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
}

// TestChat plays WeChat against serve: a question gets its card, an unknown
// /command is not sent, and with no server the exit status says so without
// printing the signed URL.
func TestChat(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	base, stop := startServe(t, cfg, &syncBuffer{})
	var out, errb syncBuffer
	code := run(context.Background(), []string{"chat", "--config", cfg, "--url", base + "/wechat"}, strings.NewReader("浦江经验\n/foo\n/scan expo\n/quit\n"), &out, &errb)
	// Another config's token: the refusal says what to check (an operator
	// run's find: "webhook answered 401 Unauthorized" and no more).
	other := filepath.Join(t.TempDir(), "other.yaml")
	shipped, _ := os.ReadFile(cfg)
	os.WriteFile(other, []byte(strings.Replace(string(shipped), "token: mpbot-demo-token", "token: another-token", 1)), 0o644)
	var wrong, wrongErr syncBuffer
	wrongCode := run(context.Background(), []string{"chat", "--config", other, "--url", base + "/wechat"}, strings.NewReader("浦江经验\n"), &wrong, &wrongErr)
	stop()
	if wrongCode == 0 || !strings.Contains(wrong.String(), "401") || !strings.Contains(wrong.String(), "are wechat.token and wechat.encoding_aes_key, in --config or MPBOT_WECHAT_TOKEN") {
		t.Errorf("chat with another token: exit %d\n%s\n%s", wrongCode, wrong.String(), wrongErr.String())
	}
	// /scan: a follower scanning a channel's code again (an operator
	// run's find: its welcome could not be rehearsed).
	if code != 0 || !strings.Contains(out.String(), "mpbot-demo/pujiang") || !strings.Contains(out.String(), "unknown command /foo") || strings.Contains(out.String(), "unknown command /scan") ||
		!strings.Contains(out.String(), "; /subscribe [SCENE], /scan SCENE, /unsubscribe, /click KEY, /voice TEXT, /image, /location, /quit\n") {
		t.Fatalf("exit %d\n%s\n%s", code, out.String(), errb.String())
	}
	out, errb = syncBuffer{}, syncBuffer{}
	code = run(context.Background(), []string{"chat", "--config", cfg, "--url", base + "/wechat"}, strings.NewReader("浦江经验\n/quit\n"), &out, &errb)
	if code == 0 || !strings.Contains(out.String(), "cannot reach") || !strings.Contains(out.String(), "is mpbot serve running?") || strings.Contains(out.String()+errb.String(), "signature=") {
		t.Fatalf("no server: exit %d\n%s\n%s", code, out.String(), errb.String())
	}
}

// TestUsageErrorsExit2: a command used wrongly exits 2, as the README says,
// before it opens anything.
func TestUsageErrorsExit2(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	video := filepath.Join(dir, "v.mp4")
	os.WriteFile(video, []byte("not really a video"), 0o644)
	fresh := writeConfig(t, t.TempDir(), "")
	page, lines := filepath.Join(dir, "p.html"), filepath.Join(dir, "a.jsonl")
	os.WriteFile(page, []byte("<html><body><p>正文</p></body></html>"), 0o644)
	os.WriteFile(lines, []byte("{}\n"), 0o644)
	for _, args := range [][]string{
		{"import", "--config", cfg},
		{"import", "--config", cfg, "--from-account", "x.jsonl"},
		{"import", "--config", cfg, "--url", "https://example.com/a", dir},
		{"import", "--config", cfg, "--url", "https://example.com/a", "a.html", "b.html"},
		{"schedule", "--config", cfg, "demo-pujiang", "2026-13-40"},
		{"media", "upload", "--config", cfg, "--permanent", video},
		{"media", "upload", "--config", cfg, "--title", "x", video},
		{"qrcode", "create", "--config", cfg, "--scene", "expo", "--expire", "7d", "--permanent"},
		{"push", "--config", cfg, "--date", "2026-13-01"},
		{"push", "status", "--config", cfg, "--date", "bad"},
		{"votes", "clear", "--config", cfg, " "},
		{"try", "--config", cfg},
		{"report", "--config", cfg, "--since", "xyz"},
		{"check", "--config", cfg, "--nope"},
		// An operator's finds: these exited 1.
		{"store", "copy", "--config", cfg},
		{"qrcode", "create", "--config", cfg},
		{"import", "--config", fresh, filepath.Join(dir, "typo.jsonl")},
		{"articles", "list", "--config", cfg, "-n", "-5"},
		{"search", "--config", cfg, "-n", "-3", "枫桥经验"},
		{"followers", "list", "--config", cfg, "-n", "-1"},
		// An importer run's: exit 1, and a store made.
		{"import", "--config", fresh, "--url", "ftp://x/a.html", page},
		{"import", "--config", fresh, "--url", "https://example.com/a", lines},
	} {
		if code, out, errOut := runCmd(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2\n%s%s", args, code, out, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(fresh), "mpbot.db")); err == nil {
		t.Error("an import of a path that is not there made a store")
	}
	// A push mode the config cannot send by here is the config's fault
	// (a dry run sends nothing, and needs no AppSecret: TestPushDryRunBeforeTheSecret).
	runCmd(t, "try", "--config", cfg, "你好") // a store with articles
	t.Setenv("MPBOT_PUSH_MODE", "customer")
	if code, out, errOut := runCmd(t, "push", "--config", cfg); code != 2 || !strings.Contains(errOut, "wechat.app_secret") {
		t.Errorf("push in customer mode without an AppSecret: exit %d, want 2\n%s%s", code, out, errOut)
	}
}

// TestErrorsPointTheWay: an error says what is wrong in the operator's
// words and what to do (an operator run's finds): an article id the store
// does not have was "store: schedule nosuch on 2026-12-07: get article
// nosuch: not found"; check's missing --config file was "config: open …"
// without the mpbot: every other error has; a flag or a config key a
// typo away from one got no "did you mean", as a misspelt MPBOT_ variable
// does.
func TestErrorsPointTheWay(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "你好") // a store with the demo articles
	day := time.Now().In(time.FixedZone("CST", 8*3600)).AddDate(0, 0, 2).Format(content.DateLayout)
	for _, args := range [][]string{
		{"schedule", "--config", cfg, "nosuch", day},
		{"articles", "show", "--config", cfg, "nosuch"},
		{"push", "--config", cfg, "--date", day, "--article", "nosuch", "--dry-run"},
	} {
		code, _, errOut := runCmd(t, args...)
		if want := "mpbot: no article has the id \"nosuch\": `mpbot articles list` lists the stored articles"; code != 1 || !strings.HasPrefix(errOut, want) || strings.Contains(errOut, "get article") {
			t.Errorf("%v: exit %d, want 1 and %q:\n%s", args, code, want, errOut)
		}
	}
	missing := filepath.Join(dir, "nosuch.yaml")
	if code, _, errOut := runCmd(t, "check", "--config", missing); code != 1 || !strings.HasPrefix(errOut, "mpbot: config: open "+missing+": no such file") {
		t.Errorf("check of a --config file not there: exit %d:\n%s", code, errOut)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"import", "--config", cfg, "--dryrun", "x.jsonl"}, "mpbot: unknown flag: --dryrun (did you mean --dry-run?)"},
		{[]string{"push", "--confg", cfg}, "mpbot: unknown flag: --confg (did you mean --config?)"},
		{[]string{"search", "--config", cfg, "--zzz", "枫桥经验"}, "mpbot: unknown flag: --zzz\n"},
	} {
		if code, _, errOut := runCmd(t, c.args...); code != 2 || !strings.HasPrefix(errOut, c.want) {
			t.Errorf("%v: exit %d, want 2 and %q:\n%s", c.args, code, c.want, errOut)
		}
	}
	typo := filepath.Join(dir, "typo.yaml")
	os.WriteFile(typo, []byte("serach:\n  max_results: 3\nsearch:\n  max_result: 3\nreplies:\n  no_match: x\n  rulez: []\n  rules:\n"+
		"    - keywords: [测试]\n      replly: 测试\n      reply: 测试\n      xyz: 1\n"), 0o644)
	code, _, errOut := runCmd(t, "check", "--config", typo)
	for _, want := range []string{
		"typo.yaml:1: serach: unknown key (did you mean search?)",
		"typo.yaml:4: search.max_result: unknown key (did you mean max_results?)",
		"typo.yaml:7: replies.rulez: unknown key (did you mean rules?)",
		"typo.yaml:10: replies.rules[0].replly: unknown key (did you mean reply?)",
		"typo.yaml:12: replies.rules[0].xyz: unknown key (a typo? config.yaml lists every key)",
	} {
		if code != 1 || !strings.Contains(errOut, want) {
			t.Errorf("check of keys mistyped: exit %d, lacks %q:\n%s", code, want, errOut)
		}
	}
}

// TestImportProblemsNameTheirLine: what the store refuses is reported at
// the file and line it came from (an operator's find: only the id).
func TestImportProblemsNameTheirLine(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	a, b := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	os.WriteFile(a, []byte(`{"title":"甲","url":"https://example.com/u"}`+"\n"), 0o644)
	os.WriteFile(b, []byte(`{"id":"ok","title":"好","url":"https://example.com/ok"}`+"\n"+`{"id":"x","title":"乙","url":"https://example.com/u"}`+"\n"), 0o644)
	if code, _, errOut := runCmd(t, "import", "--config", cfg, a); code != 0 {
		t.Fatalf("import a: exit %d\n%s", code, errOut)
	}
	code, out, errOut := runCmd(t, "import", "--config", cfg, b)
	if code != 1 || !strings.Contains(out, "added 1") || !strings.Contains(errOut, b+":2 (x): url https://example.com/u is already article") {
		t.Fatalf("import b: exit %d\n%s\n%s", code, out, errOut)
	}
}

// TestImportDryRunCreatesNoStore: a dry run with no store at store.path
// compares with an empty one and leaves none behind (it created an empty
// store there).
func TestImportDryRunCreatesNoStore(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	code, out, errOut := runCmd(t, "import", "--config", cfg, "--dry-run", filepath.Join("content", "testdata", "import"))
	if code != 1 || !strings.Contains(out, "dry run, nothing written: added 6") || !strings.Contains(errOut, "none is created") {
		t.Fatalf("dry run: exit %d\n%s\n%s", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "mpbot.db")); !os.IsNotExist(err) {
		t.Fatalf("a dry run created the store: %v", err)
	}
}

// TestDemoArticlesGoOnRequest: serve fills a new store with the demo
// articles; imported articles join them, and the import and serve say so
// (an operator's find: they stayed, unnoticed, and one became the daily
// reading); `articles rm --demo` removes them and nothing else.
func TestDemoArticlesGoOnRequest(t *testing.T) {
	cfg := writeConfig(t, t.TempDir(), "")
	runCmd(t, "try", "--config", cfg, "你好") // fills the store, as serve does
	demo := len(content.DemoArticles())
	_, out, errOut := runCmd(t, "import", "--config", cfg, "--category", "政策理论导读", filepath.Join("content", "testdata", "import"))
	if want := fmt.Sprintf("note: the store still holds %d demo articles", demo); !strings.Contains(errOut, want) {
		t.Fatalf("import beside the demo articles:\n%s\n%s", out, errOut)
	}
	logs := &syncBuffer{}
	_, stop := startServe(t, cfg, logs)
	stop()
	if !strings.Contains(logs.String(), "the store holds the demo articles beside yours") {
		t.Fatalf("serve said nothing of the demo articles:\n%s", logs)
	}
	if code, _, errOut := runCmd(t, "articles", "rm", "--config", cfg, "--demo", "md-renmin"); code != 2 || !strings.Contains(errOut, "give ids without it") {
		t.Fatalf("rm --demo with ids: exit %d, want 2\n%s", code, errOut)
	}
	// Where no store is, none is made (a review's find).
	elsewhere := writeConfig(t, t.TempDir(), "")
	if code, _, errOut := runCmd(t, "articles", "rm", "--config", elsewhere, "--demo"); code != 2 || !strings.Contains(errOut, "no store at store.path") {
		t.Fatalf("rm --demo where no store is: exit %d\n%s", code, errOut)
	}
	if code, out, errOut := runCmd(t, "articles", "rm", "--config", cfg, "--demo"); code != 0 || strings.Count(out, "removed demo-") != demo {
		t.Fatalf("rm --demo: %d\n%s\n%s", code, out, errOut)
	}
	_, list, _ := runCmd(t, "articles", "list", "--config", cfg)
	if strings.Contains(list, "demo-") || !strings.Contains(list, "md-renmin") {
		t.Fatalf("after rm --demo:\n%s", list)
	}
	// A category none has is said, with those there are (an operator
	// run's find: it printed nothing).
	if code, out, errOut := runCmd(t, "articles", "list", "--config", cfg, "--category", "政策理论导渎"); code != 0 || out != "" ||
		!regexp.MustCompile(`no articles of category "政策理论导渎"; the store has: .*\(\d+\)`).MatchString(errOut) {
		t.Fatalf("list of a category none has: exit %d\n%s%s", code, out, errOut)
	}
	if _, out, _ := runCmd(t, "articles", "rm", "--config", cfg, "--demo"); !strings.Contains(out, "no demo articles in the store") {
		t.Fatalf("rm --demo again:\n%s", out)
	}
	// Gone for good: serve does not fill a store that held articles.
	logs = &syncBuffer{}
	_, stop = startServe(t, cfg, logs)
	stop()
	if _, list, _ := runCmd(t, "articles", "list", "--config", cfg); strings.Contains(list, "demo-") || strings.Contains(logs.String(), "beside yours") {
		t.Fatalf("the demo articles came back:\n%s\n%s", list, logs)
	}
}

// TestImportScheduledClash: articles of push.category imported for a day
// another article keeps are told of, naming the one that keeps it (an
// operator run's find: two of one file on 2026-12-09 imported without a
// word, and push status read the second on 12-10 as the next unread); one
// alone on its day, or of another category, is not.
func TestImportScheduledClash(t *testing.T) {
	line := func(id, category, day string) string {
		return fmt.Sprintf(`{"id":%q,"title":"标题%s","url":"https://example.com/%s","category":%q,"scheduled_on":%q}`+"\n", id, id, id, category, day)
	}
	for _, c := range []struct {
		name     string
		schedule []string // mpbot schedule ID DAY first
		file     string
		dryRun   bool
		want     []string
		not      []string
	}{
		{name: "two of one file",
			file: line("c-2", "政策理论导读", "2099-12-09") + line("c-1", "政策理论导读", "2099-12-09"),
			want: []string{"note: c-2 is scheduled_on 2099-12-09, which c-1 keeps (scheduled_on it too, and first by id): c-2 is not read that day", "`mpbot schedule c-2 DAY`"},
			not:  []string{"note: c-1"}},
		{name: "two of one file, dry run", dryRun: true,
			file: line("c-1", "政策理论导读", "2099-12-09") + line("c-2", "政策理论导读", "2099-12-09"),
			want: []string{"note: c-2 is scheduled_on 2099-12-09, which c-1 keeps"},
			not:  []string{"note: c-1"}},
		{name: "a day chosen already", schedule: []string{"demo-pujiang", "2099-12-09"},
			file: line("c-1", "政策理论导读", "2099-12-09"),
			want: []string{"note: c-1 is scheduled_on 2099-12-09, which demo-pujiang keeps (chosen for it already)"}},
		{name: "each on its own day",
			file: line("c-1", "政策理论导读", "2099-12-09") + line("c-2", "政策理论导读", "2099-12-10"),
			not:  []string{"note: c-"}},
		{name: "another category on the day",
			file: line("c-1", "政策理论导读", "2099-12-09") + line("c-2", "时政热点", "2099-12-09"),
			not:  []string{"note: c-"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			cfg := writeConfig(t, dir, "")
			runCmd(t, "try", "--config", cfg, "你好") // seeds the demo articles
			if c.schedule != nil {
				if code, _, errOut := runCmd(t, append([]string{"schedule", "--config", cfg}, c.schedule...)...); code != 0 {
					t.Fatalf("schedule: %d %s", code, errOut)
				}
			}
			path := filepath.Join(dir, "sched.jsonl")
			if err := os.WriteFile(path, []byte(c.file), 0o644); err != nil {
				t.Fatal(err)
			}
			args := []string{"import", "--config", cfg, path}
			if c.dryRun {
				args = append(args, "--dry-run")
			}
			code, out, errOut := runCmd(t, args...)
			if code != 0 {
				t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
			}
			for _, w := range c.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("lacks %q:\n%s", w, errOut)
				}
			}
			for _, w := range c.not {
				if strings.Contains(errOut, w) {
					t.Errorf("says %q:\n%s", w, errOut)
				}
			}
		})
	}
}

// TestImportCategoryFillsIn: --category gives its category to articles that
// name none and are new, or stored without one; one stored with a category
// keeps it (an operator run's find: a 时政热点 item imported again from a
// line naming none, with --category 政策理论导读, was moved into the daily
// reading's pool).
//
// Run twice: the store looked up article by article (the import a small
// part of what is stored), and read once (a good part of it).
func TestImportCategoryFillsIn(t *testing.T) {
	for _, others := range []int{1, 0} {
		t.Run(fmt.Sprintf("%d others stored", others), func(t *testing.T) { importCategoryFillsIn(t, others) })
	}
}

func importCategoryFillsIn(t *testing.T, others int) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	line := func(id, url, category, body string) string {
		s := fmt.Sprintf(`{"title":"标题%s","url":"https://example.com/%s","body":"%s"`, url, url, body)
		if id != "" {
			s += fmt.Sprintf(`,"id":%q`, id)
		}
		if category != "" {
			s += fmt.Sprintf(`,"category":%q`, category)
		}
		return s + "}\n"
	}
	first := filepath.Join(dir, "first.jsonl")
	lines := line("news", "news", "时政热点", "第一版") + line("bare", "bare", "", "第一版") + line("", "noid", "时政热点", "第一版")
	for i := range others {
		lines += line(fmt.Sprint("other", i), fmt.Sprint("other", i), "", "第一版")
	}
	if err := os.WriteFile(first, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCmd(t, "import", "--config", cfg, first); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	again := filepath.Join(dir, "again.jsonl")
	os.WriteFile(again, []byte(line("news", "news", "", "第二版")+line("bare", "bare", "", "第二版")+line("", "noid", "", "第二版")+
		line("new", "new", "", "第二版")+line("own", "own", "考试分析", "第二版")), 0o644)
	code, out, errOut := runCmd(t, "import", "--config", cfg, "--category", "政策理论导读", again)
	if code != 0 || !strings.Contains(out, "updated 3") {
		t.Fatalf("import --category: exit %d\n%s%s", code, out, errOut)
	}
	// The kept ones are named (an operator run's find: the flag was
	// ignored unsaid).
	if !strings.Contains(errOut, "note: 2 stored articles keep their category") || !strings.Contains(errOut, "news (时政热点)") {
		t.Errorf("import --category, the kept categories unsaid:\n%s", errOut)
	}
	_, list, _ := runCmd(t, "articles", "list", "--config", cfg)
	categories := map[string]string{} // title → category
	for _, l := range strings.Split(strings.TrimSpace(list), "\n") {
		if f := strings.Split(l, "\t"); len(f) == 4 {
			categories[f[3]] = f[2]
		}
	}
	for _, c := range []struct{ title, want string }{
		{"标题news", "时政热点"},   // stored with a category: kept
		{"标题noid", "时政热点"},   // the same, found by its address
		{"标题bare", "政策理论导读"}, // stored without one: filled in
		{"标题new", "政策理论导读"},  // new: filled in
		{"标题own", "考试分析"},    // its line names one
	} {
		if got := categories[c.title]; got != c.want {
			t.Errorf("%s: category %q, want %q", c.title, got, c.want)
		}
	}
}

// TestImportWeChatStoredAtHTTP: a WeChat article stored before at its
// http:// address (by an import before addresses were read as https, under
// that address's id) is updated by importing its page again, keeping its
// id, and not added beside it (a review's find: both answered at 1.00).
// One stored at both addresses already is named in a note.
func TestImportWeChatStoredAtHTTP(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	ctx := context.Background()
	const (
		addr = "mp.weixin.qq.com/s?__biz=MzA5NjQ1&mid=2650001&idx=1&sn=abcdef123"
		page = "content/testdata/pages/wechat-og-url-http.html"
	)
	st, err := store.Open(ctx, filepath.Join(dir, "mpbot.db"))
	if err != nil {
		t.Fatal(err)
	}
	old, _, err := st.Upsert(ctx, content.Article{Title: "遴选面试｜结构化面试答题思路", URL: "http://" + addr,
		Body: "结构化面试是遴选面试最常见的形式。考生需要在规定时间内回答考官提出的问题，题型包括综合分析、组织协调、应急应变等。"})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd(t, "import", "--config", cfg, "--category", "面试", page)
	if code != 0 || !strings.Contains(out, "added 0, updated 1") || !strings.Contains(out, "updated\t"+old.ID+"\t") ||
		!strings.Contains(errOut, "note: "+old.ID+" was stored at http://"+addr+": updated at https://"+addr) {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	if _, out, _ := runCmd(t, "articles", "list", "--config", cfg); strings.Count(out, "\n") != 1 || !strings.HasPrefix(out, old.ID+"\t") {
		t.Fatalf("articles after the import:\n%s", out)
	}
	if _, out, _ := runCmd(t, "articles", "show", "--config", cfg, old.ID); !strings.Contains(out, `"url": "https://`+addr+`"`) || !strings.Contains(out, `"category": "面试"`) {
		t.Fatalf("the article after the import:\n%s", out)
	}
	if code, out, errOut := runCmd(t, "import", "--config", cfg, page); code != 0 || !strings.Contains(out, "added 0, updated 0, unchanged 1") || strings.Contains(errOut, "note:") {
		t.Fatalf("import again: exit %d\n%s%s", code, out, errOut)
	}

	// Stored at both addresses already (by the import before this fix):
	// the https one is updated, and the copy named.
	dir = t.TempDir()
	cfg = writeConfig(t, dir, "")
	if st, err = store.Open(ctx, filepath.Join(dir, "mpbot.db")); err != nil {
		t.Fatal(err)
	}
	var copies []content.Article
	for _, scheme := range []string{"http://", "https://"} {
		a, _, err := st.Upsert(ctx, content.Article{Title: "遴选面试｜结构化面试答题思路", URL: scheme + addr, Body: "结构化面试是遴选面试最常见的形式。"})
		if err != nil {
			t.Fatal(err)
		}
		copies = append(copies, a)
	}
	st.Close()
	code, out, errOut = runCmd(t, "import", "--config", cfg, page)
	if code != 0 || !strings.Contains(out, "updated\t"+copies[1].ID+"\t") ||
		!strings.Contains(errOut, "`mpbot articles rm "+copies[0].ID+"` removes the copy") {
		t.Fatalf("import with two copies stored: exit %d\n%s%s", code, out, errOut)
	}
}

// TestRmDemoKeepsAnArticleOfYourOwn: rm --demo removes the demo articles as
// the demo has them, and keeps one rewritten under its id, saying so (an
// operator run's find: articles show, edit, import, and rm --demo removed
// their text).
func TestRmDemoKeepsAnArticleOfYourOwn(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "你好") // fills the store, as serve does
	own := filepath.Join(dir, "own.jsonl")
	line := `{"id":"demo-fengqiao","title":"枫桥经验（本站讲义）","summary":"本站老师重写的枫桥经验讲义。","body":"本站老师重写的枫桥经验讲义：诸暨枫桥镇的做法、新时代的发展与申论答题的用法，共三部分。","url":"https://www.beichenlx.com/jiangyi/fengqiao","category":"政策理论导读"}` + "\n"
	if err := os.WriteFile(own, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCmd(t, "import", "--config", cfg, own); code != 0 || !strings.Contains(out, "updated\tdemo-fengqiao") {
		t.Fatalf("import: %d\n%s\n%s", code, out, errOut)
	}
	if code, out, errOut := runCmd(t, "articles", "rm", "--config", cfg, "--demo"); code != 0 {
		t.Fatalf("rm --demo: %d\n%s\n%s", code, out, errOut)
	} else if !strings.Contains(errOut, "kept, edited since the demo (yours: `mpbot articles rm ID` removes one): demo-fengqiao") || strings.Contains(out, "removed demo-fengqiao") {
		t.Fatalf("rm --demo did not say it kept demo-fengqiao:\n%s\n%s", out, errOut)
	}
	code, out, errOut := runCmd(t, "articles", "show", "--config", cfg, "demo-fengqiao")
	if code != 0 || !strings.Contains(out, "本站老师重写") {
		t.Fatalf("rm --demo removed the operator's own article (their text and address under a demo id): show exit %d\n%s%s", code, out, errOut)
	}
}

// TestShowEditImport: README's way to rewrite an article, `articles show ID
// > a.json`, edit, `import a.json`, works (an operator run's find: the
// shown article, indented over many lines, was refused as .jsonl line by
// line and .json was no type import read). Saved as .jsonl, it is refused
// with a hint to save it as .json.
func TestShowEditImport(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	src := filepath.Join(dir, "a.jsonl")
	os.WriteFile(src, []byte(`{"id":"n1","title":"粮食安全党政同责","summary":"粮食安全是国之大者。","body":"粮食安全是国之大者，要实行党政同责。","url":"https://example.org/n1","category":"政策理论导读"}`+"\n"), 0o644)
	if code, out, errOut := runCmd(t, "import", "--config", cfg, src); code != 0 {
		t.Fatalf("import: %d %s %s", code, out, errOut)
	}
	code, shown, errOut := runCmd(t, "articles", "show", "--config", cfg, "n1")
	if code != 0 {
		t.Fatalf("show: %d %s", code, errOut)
	}
	edited := strings.Replace(shown, "粮食安全党政同责", "粮食安全党政同责（修订）", 1)
	asJSONL := filepath.Join(dir, "n1.jsonl")
	os.WriteFile(asJSONL, []byte(edited), 0o644)
	if code, _, errOut := runCmd(t, "import", "--config", cfg, asJSONL); code != 1 || !strings.Contains(errOut, "n1.jsonl:1: ") || !strings.Contains(errOut, "imports from a .json file") {
		t.Errorf("import of `articles show`'s output as .jsonl: exit %d (want 1), no hint of .json:\n%s", code, errOut)
	}
	asJSON := filepath.Join(dir, "n1.json")
	os.WriteFile(asJSON, []byte(edited), 0o644)
	if code, out, errOut := runCmd(t, "import", "--config", cfg, asJSON); code != 0 || !strings.Contains(out, "updated\tn1") {
		t.Errorf("import of `articles show`'s output, edited: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, _ := runCmd(t, "articles", "show", "--config", cfg, "n1"); code != 0 || !strings.Contains(out, "粮食安全党政同责（修订）") {
		t.Errorf("the edit was not imported: %s", out)
	}
}

// TestURLFlagAndTheFilesOwnAddress: --url is "the address of the one .html
// or .md file given, when the page does not name it". Given for files that
// name one: a Markdown file kept its own url and dropped --url without a
// word, exit 0; a page with a canonical link was stored at --url instead of
// it, also without a word (an operator run's find: one flag, opposite
// effects by the file's kind, and neither said the two addresses
// differed). Whichever wins, the import says the other was not taken.
func TestURLFlagAndTheFilesOwnAddress(t *testing.T) {
	const given = "https://www.beichenlx.com/given.html"
	files := map[string]struct{ text, own string }{
		"note.md": {"---\ntitle: 遴选面试结构化答题思路\nid: ms-jiegouhua\nurl: https://www.beichenlx.com/mianshi/jiegouhua.html\n---\n\n" +
			"结构化面试是遴选考试的重要环节。答题时要做到观点鲜明、层次清晰、逻辑严密。\n", "https://www.beichenlx.com/mianshi/jiegouhua.html"},
		"page.html": {`<html><head><meta charset="utf-8"><title>国务院常务会议研究部署防汛救灾工作</title>` +
			`<link rel="canonical" href="https://www.gov.cn/yaowen/2026/07/gwycwhy.htm"></head><body><article>` +
			`<h1>国务院常务会议研究部署防汛救灾工作</h1><p>国务院总理李强7月10日主持召开国务院常务会议，研究部署防汛救灾工作。</p>` +
			`<p>会议指出，当前正值防汛关键期，各地区各部门要压紧压实防汛责任，加强监测预警。</p></article></body></html>` + "\n",
			"https://www.gov.cn/yaowen/2026/07/gwycwhy.htm"},
	}
	for name, f := range files {
		dir := t.TempDir()
		cfg := writeConfig(t, dir, "")
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(f.text), 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, errOut := runCmd(t, "import", "--config", cfg, "--url", given, path)
		if !strings.Contains(out, "added\t") {
			continue // refused: said, not silent
		}
		id := strings.Split(strings.SplitN(out, "added\t", 2)[1], "\t")[0]
		_, shown, _ := runCmd(t, "articles", "show", "--config", cfg, id)
		switch {
		case strings.Contains(shown, `"url": "`+given+`"`) && !strings.Contains(out+errOut, f.own):
			t.Errorf("%s: stored at --url, its own address %s dropped without a word (exit %d):\n%s\n%s", name, f.own, code, out, errOut)
		case strings.Contains(shown, `"url": "`+f.own+`"`) && !strings.Contains(out+errOut, given):
			t.Errorf("%s: stored at its own address, --url %s dropped without a word (exit %d):\n%s\n%s", name, given, code, out, errOut)
		}
	}
}

// savedWithoutAddress is a page as a browser's "Save as" keeps it when the
// site gives no canonical link: `mpbot import` needs --url for it.
const savedWithoutAddress = `<html><head><meta charset="utf-8"><title>申论写作常用金句 - 北辰遴选</title></head>
<body><article><h1>申论写作常用金句</h1><p>申论写作中，恰当引用金句可以为文章增色。以下整理了一批常用的金句，供考生参考使用。</p>
<p>一、关于民生：民生无小事，枝叶总关情。</p></article></body></html>
`

// TestReimportAtACorrectedURL: an operator imports a page with --url, sees
// the address was mistyped and imports it again with the right one. The
// second import said "added u-…" and nothing else: the store then held the
// same title and text twice, at two addresses, and followers asking for
// it got a numbered list of the same title twice instead of its card (an
// operator run's find, 申论金句). The import must at least name the article
// already holding this text, so that the operator can remove it.
func TestReimportAtACorrectedURL(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	page := filepath.Join(dir, "jinju.html")
	if err := os.WriteFile(page, []byte(savedWithoutAddress), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd(t, "import", "--config", cfg, "--url", "https://www.beichenlx.com/shenlun/jinjv.html", page)
	if code != 0 || !strings.Contains(out, "added\t") {
		t.Fatalf("first import: exit %d\n%s\n%s", code, out, errOut)
	}
	first := strings.Split(strings.SplitN(out, "added\t", 2)[1], "\t")[0]

	_, out, errOut = runCmd(t, "import", "--config", cfg, "--url", "https://www.beichenlx.com/shenlun/jinju.html", page)
	if strings.Contains(out, "added\t") && !strings.Contains(out+errOut, first) {
		t.Errorf("the same page at a corrected address was added beside %s without naming it:\n%s\n%s", first, out, errOut)
	}
}

// TestImportFolderNamesItsTextFiles: a folder of notes, some typed in
// Notepad as .txt. In a folder beside .md files they were passed over
// without a word ("read 1 article (0 problems)", exit 0), and a folder of
// .txt alone was told only that it has no article files (a newcomer's
// run): they are named, with how to import them, and are no problem of
// the import (a readme.txt beside articles).
func TestImportFolderNamesItsTextFiles(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	mixed := filepath.Join(dir, "mixed")
	txtOnly := filepath.Join(dir, "txtonly")
	os.MkdirAll(mixed, 0o755)
	os.MkdirAll(txtOnly, 0o755)
	note := "# 遴选考试时间安排汇总\n\n2026年中央和国家机关公开遴选的报名、笔试、面试时间安排如下。\n"
	txt := "遴选面试真题\n\n今年的遴选面试真题如下，供考生参考。\n"
	os.WriteFile(filepath.Join(mixed, "note.md"), []byte(note), 0o644)
	os.WriteFile(filepath.Join(mixed, "面试真题.txt"), []byte(txt), 0o644)
	os.WriteFile(filepath.Join(txtOnly, "面试真题.txt"), []byte(txt), 0o644)

	code, out, errOut := runCmd(t, "import", "--config", cfg, "--dry-run", mixed)
	if code != 0 || !strings.Contains(errOut, "note: passed over 1 .txt file (") || !strings.Contains(errOut, "面试真题.txt): a plain-text article imports as Markdown") || !strings.Contains(out, "read 1 article (0 problems)") {
		t.Errorf("a folder's .txt note was passed over without a word:\n%s%s", out, errOut)
	}
	code, out, errOut = runCmd(t, "import", "--config", cfg, "--dry-run", txtOnly)
	if code != 1 || !strings.Contains(out+errOut, "no .jsonl, .json, .md or .html files in this folder (links to folders are not followed); it has 1 .txt file: a plain-text article imports as Markdown") {
		t.Errorf("a folder of .txt notes is not told they are .txt, nor to rename them .md (as one given alone is):\n%s%s", out, errOut)
	}
}
