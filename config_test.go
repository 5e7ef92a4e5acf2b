package main

import (
	"fmt"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"mpbot/bot/wechat"
	"mpbot/jobs"
)

// changed returns a different value of v's type.
func changed(t *testing.T, v reflect.Value) reflect.Value {
	t.Helper()
	out := reflect.New(v.Type()).Elem()
	switch v.Kind() {
	case reflect.String:
		out.SetString(v.String() + "x")
	case reflect.Bool:
		out.SetBool(!v.Bool())
	case reflect.Int, reflect.Int64: // time.Duration too
		out.SetInt(v.Int() + int64(time.Second))
	case reflect.Float64:
		out.SetFloat(v.Float() + 1)
	case reflect.Slice:
		out.Set(reflect.Append(reflect.MakeSlice(v.Type(), 0, 1), reflect.New(v.Type().Elem()).Elem()))
	case reflect.Map:
		out.Set(reflect.MakeMap(v.Type()))
		out.SetMapIndex(reflect.ValueOf("k"), reflect.ValueOf("v"))
	default:
		t.Fatalf("no change for a %s", v.Kind())
	}
	return out
}

// TestRestartKeysAreNamed: a change to any key read only at start (every
// key of server, wechat, store, log and state, and push.catch_up) is named
// by the reload's "needs a restart" warning, and nothing else is.
func TestRestartKeysAreNamed(t *testing.T) {
	running, err := loadConfig("config.yaml", true)
	if err != nil {
		t.Fatal(err)
	}
	rv := reflect.ValueOf(running).Elem()
	for i := range rv.NumField() {
		section := rv.Type().Field(i).Tag.Get("mapstructure")
		if section == "" || section == "replies" {
			continue
		}
		for j := range rv.Field(i).NumField() {
			field := rv.Field(i).Type().Field(j)
			key := section + "." + field.Tag.Get("mapstructure")
			if field.Anonymous { // squashed specs (search thresholds, opt-in words) compile into the bot's settings
				continue
			}
			edited := *running
			ev := reflect.ValueOf(&edited).Elem()
			ev.Field(i).Field(j).Set(changed(t, rv.Field(i).Field(j)))
			got := needsRestart(running, &edited)
			restart := (slices.Contains(restartSections, section) || slices.Contains(restartKeys, key)) && !slices.Contains(hotKeys, key)
			switch {
			case restart && !slices.Equal(got, []string{key}):
				t.Errorf("%s changed: warning names %v", key, got)
			case !restart && len(got) != 0:
				t.Errorf("%s changed: warning names %v, but it applies on reload", key, got)
			}
		}
	}
	if got := needsRestart(running, running); len(got) != 0 {
		t.Errorf("the running config against itself: %v", got)
	}
}

// TestPushKeysApplyOnReload: every push key that needs no restart reaches
// the next run's settings from the config snapshot it is given.
func TestPushKeysApplyOnReload(t *testing.T) {
	cfg, err := loadConfig("config.yaml", true)
	if err != nil {
		t.Fatal(err)
	}
	a := &app{api: wechat.NewAPI(wechat.APIConfig{AppID: "wx", AppSecret: "s"}, slog.New(slog.DiscardHandler))}
	outbox := &jobs.Outbox{}
	edited := *cfg
	p := &edited.Push
	p.Category, p.QPS, p.LeaseTTL, p.PreviewLead = "时政热点", 7, 42*time.Second, time.Minute
	p.PreviewOpenIDs = []string{"o_staff"}
	edited.location, _ = time.LoadLocation("Europe/Berlin")

	p.Mode, p.TemplateID, p.TemplateFields = jobs.ModeTemplate, "TPL2", map[string]string{"thing1": "title"}
	jc := a.pushConfig(&edited, outbox)
	ts, ok := jc.Sender.(*wechat.TemplateSender)
	if !ok || ts.TemplateID != "TPL2" || ts.Fields["thing1"] != "title" {
		t.Fatalf("template sender %+v", jc.Sender)
	}
	if jc.Mode != jobs.ModeTemplate || jc.Category != "时政热点" || jc.QPS != 7 || jc.LeaseTTL != 42*time.Second ||
		jc.PreviewLead != time.Minute || !slices.Equal(jc.PreviewOpenIDs, []string{"o_staff"}) || jc.Location.String() != "Europe/Berlin" {
		t.Fatalf("run settings %+v", jc)
	}
	p.Mode, p.TagID, p.DefaultThumb = jobs.ModeBroadcast, 9, "THUMB"
	jc = a.pushConfig(&edited, outbox)
	if b, ok := jc.Broadcaster.(*wechat.Broadcaster); !ok || b.TagID != 9 || b.DefaultID != "THUMB" {
		t.Fatalf("broadcaster %+v", jc.Broadcaster)
	}
	p.Mode = jobs.ModeLog
	if jc = a.pushConfig(&edited, outbox); jc.Sender != jobs.Sender(outbox) {
		t.Fatalf("log mode sender %+v", jc.Sender)
	}
	p.Mode = jobs.ModeCustomer
	if jc = a.pushConfig(&edited, outbox); jc.Sender != jobs.Sender(a.api) {
		t.Fatalf("customer mode sender %+v", jc.Sender)
	}
	// Without an AppSecret only the log mode can send.
	a.api = nil
	if jc = a.pushConfig(&edited, outbox); jc.Sender != nil {
		t.Fatalf("customer mode without an API client: %+v", jc.Sender)
	}
}

// TestScalarsReadStrictly: numbers, booleans and durations of the wrong
// shape are errors naming their line, not values read weakly (an
// operator's find: min_score: "" was 0 and max_results: true was 1, and
// `mpbot check` said ok); the environment's text is read as its key's type.
func TestScalarsReadStrictly(t *testing.T) {
	shipped, err := os.ReadFile("config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		from, to string
		env      []string // NAME=value
		want     string   // in the error; "" for none
		check    func(*Config) bool
	}{
		{"  min_score: 0.4\n", "  min_score: \"\"\n", nil, `search.min_score: not a number`, nil},
		{"  min_score: 0.4\n", "  min_score: false\n", nil, `search.min_score: a number, not true or false`, nil},
		{"  max_results: 5\n", "  max_results: true\n", nil, `search.max_results: a number, not true or false`, nil},
		{"  max_results: 5\n", "  max_results: 5.5\n", nil, `search.max_results: not a whole number (got "5.5")`, nil},
		{"  cache_size: 4096\n", "  cache_size: 4096.9\n", nil, `search.cache_size: not a whole number`, nil},
		{"  shutdown_timeout: 10s\n", "  shutdown_timeout: 10\n", nil, `server.shutdown_timeout: a duration needs its unit`, nil},
		{"  catch_up: 6h\n", "  catch_up: six hours\n", nil, `push.catch_up: not a duration (invalid duration "six hours"): write it as 500ms, 10s, 5m or 6h (a day is 24h) (got "six hours")`, nil},
		{"  addr: 127.0.0.1:8080\n", "  addr: 127.0.0.1:99999\n", nil, `server.addr: "127.0.0.1:99999": the port must be a number from 0 to 65535`, nil},
		{"  addr: 127.0.0.1:8081\n", "  addr: 127.0.0.1:nope\n", nil, `admin.addr: "127.0.0.1:nope": the port must be`, nil},
		// No port is any free one (a review's find: refused); a service
		// name is not taken (chat reads the address as a URL's).
		{"  addr: 127.0.0.1:8080\n", "  addr: \"127.0.0.1:\"\n", nil, "", func(c *Config) bool { return c.Server.Addr == "127.0.0.1:" }},
		{"  addr: 127.0.0.1:8080\n", "  addr: 127.0.0.1:http\n", nil, `server.addr: "127.0.0.1:http": the port must be a number`, nil},
		// A path the health checks answer GET on first (an operator run's
		// find: WeChat's URL check got "ready: 17 articles indexed").
		{"  path: /wechat\n", "  path: /readyz\n", nil, `server.path: "/readyz" must start with / and not be /healthz, /readyz or /metrics`, nil},
		{"  path: /wechat\n", "  path: /metrics\n", nil, `server.path: "/metrics" must start with /`, nil},
		// Set to nothing, a number or switch is its nothing (a review's
		// find: the start failed); text as YAML reads numbers.
		{"", "", []string{"MPBOT_PUSH_TAG_ID=", "MPBOT_WECHAT_STABLE_TOKEN=", "MPBOT_SEARCH_CACHE_SIZE=0x10", "MPBOT_PUSH_CATCH_UP="}, "",
			func(c *Config) bool {
				return c.Push.TagID == 0 && !c.WeChat.StableToken && c.Search.CacheSize == 16 && c.Push.CatchUp == 0
			}},
		// Text set to nothing is empty, whatever the file's value looks
		// like (a review's find: a token of digits became "0").
		{"  token: mpbot-demo-token\n", "  token: 2024112520241125\n", []string{"MPBOT_WECHAT_TOKEN="}, "wechat.token: is empty", nil},
		{"  catch_up: 6h\n", "  catch_up: 30h\n", nil, `push.catch_up: 30h0m0s is more than a day`, nil},
		{"  tag_id: 0\n", "  tag_id: -3\n", nil, `push.tag_id: -3 is no tag`, nil},
		{"  catch_up: 6h\n", "  catch_up: 1d\n", nil, `push.catch_up: not a duration (unknown unit "d" in duration "1d"): write it as 500ms, 10s, 5m or 6h (a day is 24h)`, nil},
		{"  max_results: 5\n", "  max_results: \"7\"\n", nil, "", func(c *Config) bool { return c.Search.MaxResults == 7 }},
		{"", "", []string{"MPBOT_SEARCH_MAX_RESULTS=7", "MPBOT_SERVER_SHUTDOWN_TIMEOUT=2s", "MPBOT_SEARCH_MIN_SCORE=0.3"}, "",
			func(c *Config) bool {
				return c.Search.MaxResults == 7 && c.Server.ShutdownTimeout == 2*time.Second && c.Search.MinScore == 0.3
			}},
		{"", "", []string{"MPBOT_SEARCH_MAX_RESULTS=seven"}, `search.max_results: not a whole number`, nil},
		// The cut set to nothing is refused, not every article relevant
		// to every question (an operator run's find: a warning alone).
		{"", "", []string{"MPBOT_SEARCH_MIN_SCORE="}, `search.min_score: is 0, which lists articles for any question at all`, nil},
		{"  min_score: 0.4\n", "  min_score: 0\n", nil, `search.min_score: is 0`, nil},
		// A list key's variable is comma-separated, and set to nothing the
		// empty list (a review's find: one empty entry, which
		// trusted_proxies refused as no network).
		{"  trusted_proxies: []\n", "  trusted_proxies: [10.0.0.0/8]\n", []string{"MPBOT_SERVER_TRUSTED_PROXIES="}, "",
			func(c *Config) bool { return len(c.Server.TrustedProxies) == 0 && len(c.proxies) == 0 }},
		{"", "", []string{"MPBOT_SERVER_TRUSTED_PROXIES= 10.0.0.0/8, 172.16.0.0/12 ,", "MPBOT_PUSH_SUBSCRIBE_KEYWORDS=订阅,订阅日报"}, "",
			func(c *Config) bool {
				return slices.Equal(c.Server.TrustedProxies, []string{"10.0.0.0/8", "172.16.0.0/12"}) && len(c.proxies) == 2 &&
					slices.Equal(c.Push.SubscribeKeywords, []string{"订阅", "订阅日报"})
			}},
		{"", "", []string{"MPBOT_PUSH_SUBSCRIBE_KEYWORDS=订阅，开启推送、订阅日报", "MPBOT_PUSH_UNSUBSCRIBE_KEYWORDS= "}, "",
			func(c *Config) bool {
				return slices.Equal(c.Push.SubscribeKeywords, []string{"订阅", "开启推送", "订阅日报"}) && len(c.Push.UnsubscribeKeywords) == 0 &&
					slices.Contains(c.warnings, "MPBOT_PUSH_UNSUBSCRIBE_KEYWORDS is set to nothing, so its key is empty here, whatever the file says (unset it to keep the file's value)")
			}},
		// A list written in the file as the environment writes it (an
		// operator run's find: 订阅, 开启 was one keyword, and 订阅 no
		// longer subscribed).
		{"  subscribe_keywords: [订阅, 订阅每日一读, 我要订阅, 重新订阅, 开启每日一读, 恢复每日一读, 开启推送, 打开推送, 恢复推送, 开启每日推送, 打开每日推送, 恢复每日推送, 继续推送, 重新开启推送,\n    开通每日一读, 开通推送, 打开每日一读, 重新打开每日一读, 重新开通每日一读, 继续收到每日一读, 每天收到每日一读, 重新收到每日一读, 恢复订阅, 恢复订阅每日一读]\n",
			"  subscribe_keywords: 订阅, 开启\n", nil, "", func(c *Config) bool { return slices.Equal(c.Push.SubscribeKeywords, []string{"订阅", "开启"}) }},
		{"  subscribe_keywords: [订阅, 订阅每日一读, 我要订阅, 重新订阅, 开启每日一读, 恢复每日一读, 开启推送, 打开推送, 恢复推送, 开启每日推送, 打开每日推送, 恢复每日推送, 继续推送, 重新开启推送,\n    开通每日一读, 开通推送, 打开每日一读, 重新打开每日一读, 重新开通每日一读, 继续收到每日一读, 每天收到每日一读, 重新收到每日一读, 恢复订阅, 恢复订阅每日一读]\n",
			"  subscribe_keywords: 订阅，开启、恢复\n", nil, "", func(c *Config) bool {
				return slices.Equal(c.Push.SubscribeKeywords, []string{"订阅", "开启", "恢复"})
			}},
		{"", "", []string{"MPBOT_SERVER_TRUSTED_PROXIES=10.0.0.0/8,lan"}, `server.trusted_proxies: "lan" is not an IP address or network (set by MPBOT_SERVER_TRUSTED_PROXIES)`, nil},
		// An address where the SQLite file goes (a README run's find:
		// check said ok, and every other command refused it).
		{"", "", []string{"MPBOT_STORE_PATH=postgres://u@127.0.0.1:5432/db"}, `store.path: "postgres://u@127.0.0.1:5432/db" is an address, not an SQLite file`, nil},
		// Openids apart by spaces were one recipient, refused by WeChat
		// only at the preview's send.
		{"", "", []string{"MPBOT_PUSH_PREVIEW_OPENIDS=oAbc_1 oDef-2"}, `push.preview_openids[0]: "oAbc_1 oDef-2" is not an openid`, nil},
		{"  preview_openids: []\n", "  preview_openids: [\"oAbc_1\", \" \"]\n", nil, `push.preview_openids[1]: " " is not an openid`, nil},
		{"", "", []string{"MPBOT_PUSH_PREVIEW_OPENIDS=oAbc_1,oDef-2"}, "",
			func(c *Config) bool { return slices.Equal(c.Push.PreviewOpenIDs, []string{"oAbc_1", "oDef-2"}) }},
		// A map's entry set by its variable (a review's find: check, serve
		// and a reload crashed).
		{"  template_fields: {}\n", "  template_fields: {first: \"{{title}}\"}\n", []string{"MPBOT_PUSH_TEMPLATE_FIELDS_FIRST=x"}, "",
			func(c *Config) bool { return c.Push.TemplateFields["first"] == "x" }},
		// Lists of lists and of maps are the file's only: the variable is
		// named as doing nothing.
		{"", "", []string{"MPBOT_SEARCH_SYNONYMS=a,b", "MPBOT_MENU_BUTTONS="}, "",
			func(c *Config) bool {
				return len(c.Search.Synonyms) > 10 && slices.Contains(c.warnings, "MPBOT_SEARCH_SYNONYMS does nothing: search.synonyms is edited in the config file only") &&
					slices.Contains(c.warnings, "MPBOT_MENU_BUTTONS does nothing: menu.buttons is edited in the config file only")
			}},
	} {
		t.Run(c.to+strings.Join(c.env, " "), func(t *testing.T) {
			for _, kv := range c.env {
				name, value, _ := strings.Cut(kv, "=")
				t.Setenv(name, value)
			}
			if !strings.Contains(string(shipped), c.from) {
				t.Fatalf("config.yaml lacks %q", c.from)
			}
			path := filepath.Join(t.TempDir(), "config.yaml")
			os.WriteFile(path, []byte(strings.Replace(string(shipped), c.from, c.to, 1)), 0o644)
			cfg, err := loadConfig(path, true)
			switch {
			case c.want == "" && err != nil:
				t.Fatal(err)
			case c.want == "" && !c.check(cfg):
				t.Fatalf("read as %+v %+v", cfg.Server, cfg.Search)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Fatalf("error %v, want %q", err, c.want)
			case c.from != "" && c.want != "" && c.env == nil:
				// At the edited line.
				line := strings.Count(string(shipped[:strings.Index(string(shipped), c.from)]), "\n") + 1
				if at := fmt.Sprintf("config.yaml:%d: %s", line, c.want); !strings.Contains(err.Error(), at) {
					t.Fatalf("error %v, want %q", err, at)
				}
			}
		})
	}
	for _, text := range []string{"", "\n\n", "# only comments\n  # and more\n"} {
		path := filepath.Join(t.TempDir(), "config.yaml")
		os.WriteFile(path, []byte(text), 0o644)
		if _, err := loadConfig(path, true); err == nil || !strings.Contains(err.Error(), "config.yaml: the file is empty") {
			t.Errorf("%q: %v", text, err)
		}
	}
}

// TestCutShort: which saves are taken as cut short mid-line (two
// operators' runs and two reviews: a reply's text cut mid-word went to
// followers; a rule typed at the end without a line break was rejected).
func TestCutShort(t *testing.T) {
	serving := "replies:\n  no_list: 现在没有待选的文章列表。\n  rules:\n    - keywords: [加微信]\n      reply: 请添加助教微信 linxuan2026 获取资料\n"
	for _, c := range []struct {
		name, edited string
		cut          bool
	}{
		{"whole", serving, false},
		{"a rule typed at the end, no line break", serving + "    - keywords: [嘿]\n      reply: 你好！", false},
		{"cut at a line's end", serving[:strings.Index(serving, "\n  rules:")], false},
		{"cut inside a line", serving[:strings.Index(serving, "待选")], true},
		{"cut inside the last line", serving[:strings.Index(serving, "linxuan")+6], true},
		{"cut inside a line edited", strings.Replace(serving, "待选的文章", "可选的文章", 1)[:strings.Index(serving, "的文章")], true},
		{"edited and whole, but without its line break", strings.Replace(serving, "待选", "可选", 1)[:len(serving)-1], true},
		{"empty", "", false},
	} {
		err := cutShort(&Config{text: []byte(serving)}, &Config{source: "config.yaml", text: []byte(c.edited)})
		if (err != nil) != c.cut {
			t.Errorf("%s: %v", c.name, err)
		}
		// Cut inside a line the serving file has longer, it is cut
		// whatever its end: a line break added would apply the cut file
		// (a newcomer's run: the advice, followed, lost every rule).
		servedLonger := strings.Contains(c.name, "cut inside a line") && !strings.Contains(c.name, "edited") || strings.Contains(c.name, "cut inside the last line")
		switch {
		case err == nil:
		case servedLonger && (!strings.Contains(err.Error(), "the served file's line goes on with") || !strings.Contains(err.Error(), "save the whole file again") || strings.Contains(err.Error(), "if it is whole")):
			t.Errorf("%s: want the served line's rest and save the whole file again: %v", c.name, err)
		case !servedLonger && !strings.Contains(err.Error(), "if it is whole, end it with a line break"):
			t.Errorf("%s: the remedy is not named: %v", c.name, err)
		}
	}
	// Cut at a line's end inside a block of text (a key's or a list
	// item's) with more of the file after it: the serving file's start,
	// going on with the block's next line (an operator run's find: applied
	// with every rule gone; a review's: a list item's - |- was not seen).
	// At the block's end, between entries, or the last lines of the
	// file's last block deleted (a review's find: refused at every save),
	// it is applied, with the fewer-entries warning.
	block := "replies:\n  no_match: |-\n    没有找到相关文章。\n    回复「帮助」查看用法。\n  rules:\n    - keywords: [谢谢]\n      replies:\n        - |-\n          不客气！\n          回复「帮助」。\n        - 不用谢\n" +
		"    - keywords: [人工]\n      reply: >-\n        请稍候\n        马上来\n"
	for edited, cut := range map[string]bool{
		block[:strings.Index(block, "    回复")]: true, block[:strings.Index(block, "    没有")]: true, block[:strings.Index(block, "          回复")]: true,
		block[:strings.Index(block, "        请稍候")]: false, block[:strings.Index(block, "        马上来")]: false,
		block[:strings.Index(block, "  rules:")]: false, block[:strings.Index(block, "    - keywords: [人工]")]: false, block: false,
		block[:strings.Index(block, "  rules:")] + "# a comment\n": false,
	} {
		err := cutShort(&Config{text: []byte(block)}, &Config{source: "config.yaml", text: []byte(edited)})
		if (err != nil) != cut || err != nil && !strings.HasPrefix(err.Error(), fmt.Sprintf("config.yaml:%d: the file ends inside the text of", strings.Count(edited, "\n"))) {
			t.Errorf("cut after line %d: %v", strings.Count(edited, "\n"), err)
		}
	}
	// A serving file without a line break at its end: its last line
	// shortened, or lengthened, is an edit; a cut inside another of its
	// lines is still a cut (a review's find: the check was off then).
	noBreak := strings.TrimSuffix(serving, "\n")
	for edited, cut := range map[string]bool{noBreak[:len(noBreak)-3]: false, noBreak + "吧": false, noBreak[:strings.Index(noBreak, "待选")]: true} {
		if err := cutShort(&Config{text: []byte(noBreak)}, &Config{text: []byte(edited)}); (err != nil) != cut {
			t.Errorf("%q: %v", edited, err)
		}
	}
}

// TestListScalarsSplit: a list written without brackets is split on ", ",
// "，" and "、", but a regex is kept whole (a review's find: ^…，?第\d{1,2}期$
// was cut at its commas and refused).
func TestListScalarsSplit(t *testing.T) {
	to := reflect.TypeFor[[]string]()
	for text, want := range map[string]any{
		"申论资料, 真题": []string{"申论资料", "真题"}, "订阅，开启、恢复": []string{"订阅", "开启", "恢复"}, "帮助": "帮助",
		`^(?:好的|收到)，?第\d{1,2}期$`: `^(?:好的|收到)，?第\d{1,2}期$`, "a,b": "a,b",
		// A Chinese keyboard's English comma (an operator run's find).
		"申论资料,真题": []string{"申论资料", "真题"}, "真题,ppt": []string{"真题", "ppt"}, "1,000": "1,000",
	} {
		got, err := scalarHook(reflect.TypeFor[string](), to, text)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %#v, %v; want %#v", text, got, err, want)
		}
	}
}

// TestReplyAndRepliesSaidOnce: a rule with both reply and replies is told
// so, not also that it needs one (an operator run's find: check said both
// "has both reply and replies" and "needs a reply or replies"); a rule
// with neither is still told it needs one.
func TestReplyAndRepliesSaidOnce(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name, rule string
		want, not  []string
	}{
		{"both", "      reply: 一\n      replies: [x]\n",
			[]string{"replies.rules[0] (r): has both reply and replies; use one"}, []string{"needs a reply or replies"}},
		{"neither", "",
			[]string{"replies.rules[0] (r): needs a reply or replies"}, []string{"has both"}},
	} {
		path := filepath.Join(dir, c.name+".yaml")
		text := "replies:\n  no_match: 没有\n  rules:\n    - name: r\n      keywords: [甲]\n" + c.rule
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := loadConfig(path, true)
		if err == nil {
			t.Errorf("%s: loaded", c.name)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: lacks %q:\n%v", c.name, w, err)
			}
		}
		for _, w := range c.not {
			if strings.Contains(err.Error(), w) {
				t.Errorf("%s: says %q:\n%v", c.name, w, err)
			}
		}
	}
}

// TestWhereSaysNoSecret: the serving line names the store and the shared
// state a replica uses, without a user, password or option of their URLs.
func TestWhereSaysNoSecret(t *testing.T) {
	c := &Config{Store: StoreConfig{Driver: "postgres", DSN: "postgres://mpbot:s3cret@db.internal:5432/mpbot?sslmode=disable"},
		State: StateConfig{Driver: "redis", RedisURL: "redis://:pw@cache:6379/2"}}
	store, state := c.where()
	if store != "postgres://db.internal:5432/mpbot" || state != "redis://cache:6379/2" {
		t.Errorf("where: %q, %q", store, state)
	}
	c.Store.DSN = "host=db password=s3cret dbname=mpbot"
	if store, _ := c.where(); strings.Contains(store, "s3cret") || store != "[redacted]" {
		t.Errorf("a key=value DSN: %q", store)
	}
	c = &Config{Store: StoreConfig{Driver: "sqlite", Path: "data/mpbot.db"}, State: StateConfig{Driver: "memory"}}
	if store, state := c.where(); store != "sqlite data/mpbot.db" || state != "memory" {
		t.Errorf("one machine: %q, %q", store, state)
	}
}

// TestMisspeltPushTimeIsSaid: {push_time} is the one mark a reply's text
// may hold; a misspelt one ({push_tme}, {push_time }, or braces typed
// full-width by a Chinese input method, ｛push_time｝) passed `check` and
// the reload without a word, and followers were sent it as written: the
// welcome said "每天{push_tme}推送每日一读" (an operator run's find,
// editing replies.subscribe while serve ran).
func TestMisspeltPushTimeIsSaid(t *testing.T) {
	dir := t.TempDir()
	for i, mark := range []string{"{push_tme}", "{push_time }", "｛push_time｝", "{pushtime}"} {
		path := filepath.Join(dir, fmt.Sprintf("c%d.yaml", i))
		text := "replies:\n  no_match: 没有找到相关文章。\n  subscribe: 欢迎关注！每天" + mark + "推送每日一读。\n"
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, errOut := runCmd(t, "check", "--config", path)
		if !strings.Contains(errOut, mark) {
			t.Errorf("check of a welcome with %s: exit %d, nothing said of it:\n%s", mark, code, errOut)
		}
	}
}

// TestMisspeltChoiceCountIsSaid: replies.choice_out_of_range writes the
// list's length as {n}; a misspelt mark ({m}, {N}, braces typed full-width
// by a Chinese input method, ｛n｝, { n }) passed `check` and the reload
// without a word, and a follower replying 9 to a list of five was sent
// "请回复 1 到 {m} 之间的序号。" as written (an operator run's find; the
// same as TestMisspeltPushTimeIsSaid for {push_time}).
func TestMisspeltChoiceCountIsSaid(t *testing.T) {
	dir := t.TempDir()
	for i, mark := range []string{"{m}", "{N}", "｛n｝", "{ n }", "{num}"} {
		path := filepath.Join(dir, fmt.Sprintf("c%d.yaml", i))
		text := "replies:\n  no_match: 没有找到相关文章。\n  choice_out_of_range: 请回复 1 到 " + mark + " 之间的序号。\n"
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, errOut := runCmd(t, "check", "--config", path)
		if !strings.Contains(errOut, "choice_out_of_range") || !strings.Contains(errOut, mark) {
			t.Errorf("check of choice_out_of_range with %s: exit %d, nothing said of it:\n%s", mark, code, errOut)
		}
	}
}

// TestPreviewLeadOfADayOrMore: push.preview_lead is how long a broadcast
// waits after its preview before the mass send, the run holding the day
// meanwhile; a lead of a day or more sends the day's reading on another
// day (720h: a month later, each day's run waiting beside the next's, and
// WeChat taking one mass send a day), yet `check` and the reload took
// 25h and 720h (an operator run's find; push.catch_up is refused past a
// day, naming its key).
func TestPreviewLeadOfADayOrMore(t *testing.T) {
	shipped, err := os.ReadFile("config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, lead := range []string{"25h", "720h"} {
		path := filepath.Join(t.TempDir(), "config.yaml")
		text := strings.Replace(string(shipped), "  preview_lead: 30m\n", "  preview_lead: "+lead+"\n", 1)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := loadConfig(path, true); err == nil || !strings.Contains(err.Error(), "push.preview_lead") {
			t.Errorf("preview_lead: %s: %v, want it refused naming push.preview_lead", lead, err)
		}
	}
}

// TestConsoleOnTheWebhooksAddress: admin.addr on server.addr's port, the
// console on, is a config serve can start with nowhere; `check` said ok,
// and serve exited with "admin.addr: listen tcp 127.0.0.1:8080: bind:
// address already in use", sending the operator to look for another
// process on the port (an operator run's find, giving a second replica
// its own addresses by hand; and a review's, the host named localhost).
func TestConsoleOnTheWebhooksAddress(t *testing.T) {
	t.Setenv("MPBOT_ADMIN_TOKEN", "a-console-token-of-16+")
	shipped, err := os.ReadFile("config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// 127.0.0.2 and [::1] each take a socket of their own beside
	// 127.0.0.1 on one port (a re-check's find: refused for a while).
	for addr, same := range map[string]bool{"127.0.0.1:8080": true, "localhost:8080": true, "0.0.0.0:8080": true,
		"127.0.0.2:8080": false, "'[::1]:8080'": false} {
		path := filepath.Join(t.TempDir(), "config.yaml")
		text := strings.Replace(string(shipped), "  addr: 127.0.0.1:8081\n", "  addr: "+addr+"\n", 1)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, errOut := runCmd(t, "check", "--config", path)
		if said := strings.Contains(errOut, "server.addr's port"); said != same {
			t.Errorf("check with admin.addr %s and server.addr 127.0.0.1:8080: exit %d, refused %v, want %v:\n%.300s", addr, code, said, same, errOut)
		}
	}
}

// TestPushRateThatIsNoNumber: push.qps .nan passed `check` and the reload
// (NaN <= 0 is false): the limiter read it as a negative count of calls,
// and a fleet's push waited for ever (an operator run's find, with .inf).
func TestPushRateThatIsNoNumber(t *testing.T) {
	shipped, err := os.ReadFile("config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, []byte(strings.Replace(string(shipped), "  qps: 20\n", "  qps: .nan\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := loadConfig(path, true); err == nil || !strings.Contains(err.Error(), "push.qps") {
		t.Errorf("push.qps: .nan: %v, want it refused naming push.qps", err)
	}
}

// TestCutInsideBlockOfAnEdit: a save of an edit cut at a line's end
// inside no_match's |- text is a save cut short as much as the serving
// file cut there; it was applied with every rule gone (live: search.max_results
// 5 -> 3 saved half-way after no_match's first line; 人工 got a list on
// 人工智能, the 20 rules gone with a warning only).
func TestCutInsideBlockOfAnEdit(t *testing.T) {
	serving := "search:\n  max_results: 5\nreplies:\n  no_match: |-\n    没有找到相关文章。\n    回复「帮助」查看用法。\n  rules:\n    - keywords: [人工]\n      reply: {type: transfer}\n"
	edited := strings.Replace(serving, "max_results: 5", "max_results: 3", 1)
	cut := edited[:strings.Index(edited, "    回复")] // after the block's first line
	// The unedited file cut there is refused (as README says)...
	if err := cutShort(&Config{text: []byte(serving)}, &Config{source: "config.yaml", text: []byte(serving[:strings.Index(serving, "    回复")])}); err == nil {
		t.Fatal("the serving file cut inside no_match's text was taken")
	}
	// ...and so must be the edit cut at the same place.
	err := cutShort(&Config{text: []byte(serving)}, &Config{source: "config.yaml", text: []byte(cut)})
	if err == nil || !strings.Contains(err.Error(), "the file ends inside the text of") {
		t.Errorf("an edit cut inside no_match's text is applied: %v", err)
	}
}

// TestEmptyValueIsNotTheDefault: a key written with no value
// (`mode:`, `min_score:`, `app_id:`, `schedule:`; YAML null, as an operator
// leaves it after deleting the value, or `~`) was read as if the key were
// absent: the shipped default, silently, at check and at reload. Live: a
// paused push (mode: off) edited to `mode:` resumed in log mode and
// `schedule:` went back to 30 7 * * *, with only "config reloaded" logged;
// `app_id:` is the public demo AppID, where `app_id: ""` is refused as
// "wechat.app_id: is empty". README: values are read strictly,
// `min_score: ""` is an error naming its line, not a value made up.
func TestEmptyValueIsNotTheDefault(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ section, key string }{
		{"push", "mode"}, {"push", "schedule"}, {"search", "min_score"}, {"wechat", "app_id"}, {"server", "reply_budget"},
	} {
		for _, empty := range []string{"", " ~", " null"} {
			path := filepath.Join(dir, "config.yaml")
			text := c.section + ":\n  " + c.key + ":" + empty + "\nreplies:\n  no_match: 没有找到相关文章。\n"
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := loadConfig(path, true)
			if err == nil || !strings.Contains(err.Error(), c.section+"."+c.key) || !strings.Contains(err.Error(), "config.yaml:2:") {
				t.Errorf("%q: %v; want an error at line 2 naming %s.%s", text, err, c.section, c.key)
			}
		}
	}
}

// TestSceneNamesKeptAsWritten: replies.subscribe_scenes is keyed by
// the QR code's scene, which WeChat sends back exactly as `mpbot qrcode
// create --scene` made it (any 1..64 bytes). Keys are read without case, so
// a scene written `Autumn` became `autumn`: live, `/subscribe Autumn` got
// replies.subscribe, not the channel's welcome, with nothing said (only
// `autumn` got it); a scene with a dot (`spring.2026`, which qrcode create
// accepts) is refused as "replies.subscribe_scenes[spring].2026: unknown key
// (a typo? …)".
func TestSceneNamesKeptAsWritten(t *testing.T) {
	dir := t.TempDir()
	for i, c := range []struct {
		scenes string
		want   []string
	}{
		{"    Autumn: 秋季欢迎\n    summer: 夏季欢迎\n", []string{"Autumn", "summer"}},
		{"    spring.2026: 春季欢迎\n", []string{"spring.2026"}},
	} {
		path := filepath.Join(dir, fmt.Sprintf("config%d.yaml", i))
		text := "replies:\n  no_match: 没有\n  subscribe_scenes:\n" + c.scenes
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		cfg, err := loadConfig(path, true)
		if err != nil {
			t.Errorf("%q refused: %v", c.scenes, err)
			continue
		}
		if got := slices.Sorted(maps.Keys(cfg.Replies.SubscribeScenes)); !slices.Equal(got, c.want) {
			t.Errorf("scenes %q; want %q, as the QR codes send them", got, c.want)
		}
	}
}

// TestSecondYAMLDocumentNotIgnored: a file with a second YAML
// document (`---` then more keys: files concatenated, a Helm/kustomize
// habit) was read up to the `---` only; the keys after it were dropped
// without a word, by check and by the reload (live: `---\nsearch:\n
// max_results: 3` appended, "config reloaded", lists still of 5).
func TestSecondYAMLDocumentNotIgnored(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.yaml")
	text := "replies:\n  no_match: 没有\n---\nsearch:\n  max_results: 3\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := loadConfig(path, true)
	if err == nil && cfg.Search.MaxResults != 3 {
		t.Errorf("loaded with search.max_results %d: the second document was dropped without an error", cfg.Search.MaxResults)
	}
}

// TestSecretOfTheWrongShapeNotPrinted: README says secrets are never
// logged or printed; a secret key written as a list or a mapping (a DSN as
// host:/password: lines, an unrendered template) was printed whole in the
// error, by `mpbot check` and in serve's "config rejected" log line:
// `wechat.app_secret: needs a mapping (key: value lines), not a list (got "[sekritAAA]")`
// — which also says the wrong shape (a secret is a text; "needs a mapping,
// not a mapping" for a mapping).
func TestSecretOfTheWrongShapeNotPrinted(t *testing.T) {
	dir := t.TempDir()
	for i, text := range []string{
		"wechat:\n  app_secret: [sekritAAA]\nreplies:\n  no_match: 没有\n",
		"store:\n  dsn:\n    host: db.internal\n    password: hunter2secret\nreplies:\n  no_match: 没有\n",
		"admin:\n  token: {a: sekritBBBBBBBBBBBBBBBB}\nreplies:\n  no_match: 没有\n",
	} {
		path := filepath.Join(dir, "config.yaml")
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := loadConfig(path, true)
		if err == nil {
			t.Errorf("%d: loaded", i)
			continue
		}
		if strings.Contains(err.Error(), "sekrit") || strings.Contains(err.Error(), "hunter2") {
			t.Errorf("%d: the secret is printed: %v", i, err)
		}
		if !strings.Contains(err.Error(), "needs a text") {
			t.Errorf("%d: not told a secret is a text: %v", i, err)
		}
	}
}

// TestReloadOfUTF16File: a config saved as UTF-16 (Windows Notepad's
// "Unicode", PowerShell 5's `>`) is refused by `mpbot check` as "not UTF-8
// text", but the reload refuses it as "the file ends inside a line ("\x00")
// as a file saved half-way does; if it is whole, end it with a line break
// and save it again": a remedy that does not help, and not what check says.
func TestReloadOfUTF16File(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.yaml")
	text := "replies:\n  no_match: 没有找到相关文章。\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	serving, err := loadConfig(path, true)
	if err != nil {
		t.Fatal(err)
	}
	u := []byte{0xff, 0xfe} // UTF-16LE with its BOM
	for _, r := range utf16.Encode([]rune(text)) {
		u = append(u, byte(r), byte(r>>8))
	}
	if err := os.WriteFile(path, u, 0o644); err != nil {
		t.Fatal(err)
	}
	_, checkErr := loadConfig(path, true) // what `mpbot check` says
	_, reloadErr := loadEdited(path, serving)
	if checkErr == nil || reloadErr == nil {
		t.Fatalf("check: %v; reload: %v", checkErr, reloadErr)
	}
	if !strings.Contains(reloadErr.Error(), "not UTF-8") || strings.Contains(reloadErr.Error(), "saved half-way") {
		t.Errorf("reload: %v\ncheck: %v", reloadErr, checkErr)
	}
}

func loadText(t *testing.T, text string) (*Config, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return loadConfig(path, true)
}

// TestConfigAppendedRuleWhoseTextStartsAnEarlierOneApplies: a complete
// rule appended at the end, its |- text the first line of an earlier
// rule's text (a rule copied and shortened), is refused by the live reload
// as "the file ends inside the text of content: |-, which the serving file
// goes on with" at every save, while `mpbot check` says ok: afterBlockCut
// finds the appended block's lines at the earlier rule and reads them as
// cut there.
func TestConfigAppendedRuleWhoseTextStartsAnEarlierOneApplies(t *testing.T) {
	serving := "replies:\n  no_match: 没有\n  rules:\n    - name: a\n      keywords: [甲]\n      reply:\n        type: text\n        content: |-\n          欢迎！\n          回复「帮助」查看用法。\n    - name: c\n      keywords: [丙]\n      reply: 丙\n"
	edited := serving + "    - name: b\n      keywords: [乙]\n      reply:\n        type: text\n        content: |-\n          欢迎！\n"
	dir := t.TempDir()
	path := filepath.Join(dir, "config.yaml")
	os.WriteFile(path, []byte(serving), 0o644)
	running, err := loadConfig(path, true)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, []byte(edited), 0o644)
	if _, err := loadConfig(path, true); err != nil {
		t.Fatalf("check refuses the edit: %v", err)
	}
	if _, err := loadEdited(path, running); err != nil {
		t.Errorf("the reload refuses a whole edit that check takes: %v", err)
	}
}

// TestConfigCutBeforeABlankLineOfABlockRefused: a save cut at the end of
// a line of no_match's |- text just before a blank line of it (a welcome
// or no_match written in paragraphs) is applied, every rule after it gone
// (with the fewer-entries warning only), where a cut one line earlier or
// later is refused as cut short. The same for a text line opening with #
// (#每日一读#), which is text in a block, not a comment.
func TestConfigCutBeforeABlankLineOfABlockRefused(t *testing.T) {
	for _, second := range []string{"\n    回复「帮助」查看用法。\n", "    #每日一读# 回复「帮助」查看用法。\n"} {
		serving := "search:\n  max_results: 5\nreplies:\n  no_match: |-\n    没有找到相关文章。\n" + second + "  rules:\n    - keywords: [人工]\n      reply: {type: transfer}\n"
		cut := serving[:strings.Index(serving, "文章。\n")+len("文章。\n")]
		if err := cutShort(&Config{text: []byte(serving)}, &Config{source: "config.yaml", text: []byte(cut)}); err == nil || !strings.Contains(err.Error(), "ends inside the text of") {
			t.Errorf("serving file cut after no_match's first line, before %q, applied: %v", second, err)
		}
	}
}

// TestConfigSceneInAFlowMapKeptAsWritten: scenes as a flow map, a reply
// naming a later scene: sceneKeysAside rewrites the first occurrence of
// the later key on the line, which is inside the earlier reply. The
// follower of A1 got "欢迎（隔壁展位是mpbot_scene_1）" and B2 was read as b2
// (its QR code's followers got the general welcome).
func TestConfigSceneInAFlowMapKeptAsWritten(t *testing.T) {
	cfg, err := loadText(t, "replies:\n  no_match: 没有\n  subscribe_scenes: {A1: 欢迎（隔壁展位是B2）, B2: 欢迎B2}\n")
	if err != nil {
		t.Fatal(err)
	}
	if got := slices.Sorted(maps.Keys(cfg.Replies.SubscribeScenes)); !slices.Equal(got, []string{"A1", "B2"}) {
		t.Errorf("scenes %q, want [A1 B2]", got)
	}
	if r := cfg.Replies.SubscribeScenes["A1"]; r.Reply == nil || r.Reply.Content != "欢迎（隔壁展位是B2）" {
		t.Errorf("A1's welcome rewritten: %+v", r.Reply)
	}
}

// TestConfigScenesDifferingInCase: two QR codes' scenes Autumn and autumn
// are two channels (scenes are matched exactly, as afcb424 says), but the
// file is refused: "autumn is Autumn of line 4 again (keys are read
// without case)". And a scene named mpbot_scene_0 beside a capitalised one
// is refused with viper's raw "mapping key "mpbot_scene_0" already defined".
func TestConfigScenesDifferingInCase(t *testing.T) {
	for _, scenes := range []string{
		"    Autumn: 秋季欢迎\n    autumn: 秋季欢迎（旧码）\n",
		"    Spring: 春\n    mpbot_scene_0: 旧渠道\n",
	} {
		cfg, err := loadText(t, "replies:\n  no_match: 没有\n  subscribe_scenes:\n"+scenes)
		if err != nil {
			t.Errorf("%q refused: %v", scenes, err)
			continue
		}
		if n := len(cfg.Replies.SubscribeScenes); n != 2 {
			t.Errorf("%q: %d scenes, want 2", scenes, n)
		}
	}
}

// TestConfigEmptyValueOfAListOrReplyIsNotTheDefault: afcb424 refuses a
// text, number, switch or duration written with no value, but a list or
// a reply so is still the shipped default, silently: `synonyms:` with its
// entries deleted is the 253 shipped synonyms (`synonyms: []` is none),
// `unsubscribe_keywords:` the 39 shipped words; a rule's `match:` is exact;
// a scene `Autumn:` is dropped (its followers get the general welcome).
func TestConfigEmptyValueOfAListOrReplyIsNotTheDefault(t *testing.T) {
	base := "replies:\n  no_match: 没有找到相关文章。\n"
	for _, text := range []string{
		"search:\n  synonyms:\n" + base,
		"search:\n  related:\n" + base,
		"push:\n  unsubscribe_keywords:\n" + base,
		base + "  rules:\n    - name: a\n      match:\n      keywords: ['^帮助$']\n      reply: hi\n",
		base + "  subscribe_scenes:\n    Autumn:\n",
	} {
		if _, err := loadText(t, text); err == nil || !strings.Contains(err.Error(), "no value") {
			t.Errorf("%q: %v; want a key with no value refused", text, err)
		}
	}
}

// TestConfigSecondDocumentWithAProblemNotIgnored: a second document is
// refused only when it reads: one with a mistake of its own (a tab, an
// unclosed [) is dropped without a word, and so are keys after a `...`
// document end.
func TestConfigSecondDocumentWithAProblemNotIgnored(t *testing.T) {
	base := "replies:\n  no_match: 没有\n"
	for _, text := range []string{
		base + "---\nsearch:\n  max_results: [3\n",
		base + "---\nsearch:\n\tmax_results: 3\n",
		base + "...\nsearch:\n  max_results: 3\n",
	} {
		cfg, err := loadText(t, text)
		if err == nil && cfg.Search.MaxResults != 3 {
			t.Errorf("%q loaded with max_results %d: what follows the first document dropped silently", text, cfg.Search.MaxResults)
		}
	}
}

// TestConfigTextWrittenAsANumberKeptAsWritten: a text key is read as
// YAML's number and printed back: wechat.token: 0123456 is "42798"
// (octal), 1e5 "100000", 0x1F "31"; keywords [007, 0571] are 7 and 377;
// push.category: 007 is "7". check says ok; WeChat signs with the token as
// typed on the console, so every request is refused.
func TestConfigTextWrittenAsANumberKeptAsWritten(t *testing.T) {
	for _, tok := range []string{"0123456", "1e5", "0x1F", "1_000"} {
		cfg, err := loadText(t, "wechat:\n  token: "+tok+"\nreplies:\n  no_match: 没有\n")
		if err == nil && string(cfg.WeChat.Token) != tok {
			t.Errorf("token: %s read as %q", tok, string(cfg.WeChat.Token))
		}
	}
	cfg, err := loadText(t, "replies:\n  no_match: 没有\n  rules:\n    - keywords: [007, 0571]\n      reply: 0800\n")
	if err == nil && !slices.Equal(cfg.Replies.Rules[0].Keywords, []string{"007", "0571"}) {
		t.Errorf("keywords [007, 0571] read as %q", cfg.Replies.Rules[0].Keywords)
	}
}

// TestConfigSceneErrorNamesItsScene: with eleven scenes or more written
// with capitals, an error of one (mpbot_scene_10 aside) is renamed by every
// aside name it contains: mpbot_scene_1 is inside mpbot_scene_10, and the
// map's order decides whether Kilo's error is told as Kilo's or as
// "Bravo0"'s.
func TestConfigSceneErrorNamesItsScene(t *testing.T) {
	names := []string{"Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliet", "Kilo", "Lima"}
	var b strings.Builder
	b.WriteString("replies:\n  no_match: 没有\n  subscribe_scenes:\n")
	for i, n := range names {
		if n == "Kilo" {
			b.WriteString("    Kilo: {typo: x}\n")
			continue
		}
		fmt.Fprintf(&b, "    %s: 欢迎%d\n", n, i)
	}
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for range 20 {
		_, err := loadConfig(path, true)
		if err == nil {
			t.Fatal("Kilo's unknown key loaded")
		}
		if !strings.Contains(err.Error(), "[Kilo]") {
			t.Fatalf("the error names another scene than Kilo: %v", err)
		}
	}
}

// TestConfigFlowScenesKeepTheirValues: in a flow mapping, a scene's key is
// looked for as the first occurrence of its text on the line: where an
// earlier scene's value is that text, the value is replaced instead of the
// key (Spring's welcome became "mpbot_scene_1", and Autumn was read as
// autumn).
func TestConfigFlowScenesKeepTheirValues(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.yaml")
	text := "replies:\n  no_match: 没有\n  subscribe_scenes: {Spring: Autumn, Autumn: 秋季欢迎}\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := loadConfig(path, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := cfg.Replies.SubscribeScenes["Autumn"]; !ok {
		t.Errorf("scenes %v: no Autumn, as its QR code sends it", cfg.Replies.SubscribeScenes)
	}
	if r := cfg.Replies.SubscribeScenes["Spring"].Reply; r == nil || r.Content != "Autumn" {
		t.Errorf("Spring's welcome is %+v, want the text Autumn", r)
	}
}

// TestConfigShortenedLastBlockWithAnEditAbove: README: "the last lines of
// the file's last block deleted are an edit, applied". An edit above it
// (search.max_results) saved with it is refused as cut short when an
// earlier block of the file opens with the same lines: afterBlockCut finds
// the block's text at its first place in the serving file, not at the end
// where the edited file has it.
func TestConfigShortenedLastBlockWithAnEditAbove(t *testing.T) {
	serving := "search:\n  max_results: 5\nreplies:\n  no_match: 没有\n  rules:\n" +
		"    - keywords: [遴选]\n      reply: |-\n        请添加助教微信。\n        遴选资料见菜单。\n" +
		"    - keywords: [考试]\n      reply: |-\n        请添加助教微信。\n        考试时间以公告为准。\n"
	// The last rule's last line deleted, and max_results edited: an edit.
	edited := strings.Replace(strings.TrimSuffix(serving, "        考试时间以公告为准。\n"), "max_results: 5", "max_results: 3", 1)
	// Without the edit above, applied (README).
	if err := cutShort(&Config{text: []byte(serving)}, &Config{source: "config.yaml", text: []byte(strings.TrimSuffix(serving, "        考试时间以公告为准。\n"))}); err != nil {
		t.Fatalf("the last block's last line deleted: %v", err)
	}
	if err := cutShort(&Config{text: []byte(serving)}, &Config{source: "config.yaml", text: []byte(edited)}); err != nil {
		t.Errorf("the last block's last line deleted, with an edit above: refused: %v", err)
	}
}

// TestConfigEmptyValueAdviceFitsTheKey: a number, a switch or a duration
// written with no value is told `write one ("" for none)`; "" is refused
// for each of them (search.min_score: not a number (got "")), so following
// the advice gives a second error.
func TestConfigEmptyValueAdviceFitsTheKey(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ section, key string }{{"search", "min_score"}, {"server", "reply_budget"}, {"push", "mode"}} {
		path := filepath.Join(dir, "config.yaml")
		text := c.section + ":\n  " + c.key + ":\nreplies:\n  no_match: 没有\n"
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := loadConfig(path, true)
		if err == nil || !strings.Contains(err.Error(), "has no value") {
			t.Errorf("%s.%s with no value: %v", c.section, c.key, err)
			continue
		}
		if strings.Contains(err.Error(), `""`) {
			// Followed, the advice is refused in turn.
			advised := c.section + ":\n  " + c.key + ": \"\"\nreplies:\n  no_match: 没有\n"
			if err := os.WriteFile(path, []byte(advised), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err2 := loadConfig(path, true); err2 != nil {
				t.Errorf("%s.%s: told %q; the advice followed: %v", c.section, c.key, err, err2)
			}
		}
	}
}

// TestConfigReplyTextWrittenAsANumber: 7db4995 refuses a token, a category or
// a keyword YAML reads as another number (put it in quotes), but a reply's
// text so is still sent as YAML's number, and check says ok: `reply:
// 01012345678` (a Beijing phone number) reaches followers as
// "1.012345678e+09", `reply: 0571` as "377", `reply: 0800` as "800",
// `reply: 12.50` as "12.5" (mpbot try on each).
func TestConfigReplyTextWrittenAsANumber(t *testing.T) {
	for _, v := range []string{"01012345678", "0571", "0800", "12.50"} {
		cfg, err := loadText(t, "replies:\n  no_match: 没有\n  rules:\n    - keywords: [电话]\n      reply: "+v+"\n")
		if err == nil && (cfg.Replies.Rules[0].Reply == nil || cfg.Replies.Rules[0].Reply.Content != v) {
			t.Errorf("reply: %s loaded as %+v, check ok: want it kept as written or refused", v, cfg.Replies.Rules[0].Reply)
		}
	}
}

// TestConfigKeywordFloatOrBoolWrittenAsText: keywords [12.50] load as "12.5"
// and [true] as "1", check ok (007 is refused, as 7db4995 says).
func TestConfigKeywordFloatOrBoolWrittenAsText(t *testing.T) {
	for _, kw := range []string{"12.50", "true"} {
		cfg, err := loadText(t, "replies:\n  no_match: 没有\n  rules:\n    - keywords: ["+kw+"]\n      reply: 好\n")
		if err == nil && !slices.Equal(cfg.Replies.Rules[0].Keywords, []string{kw}) {
			t.Errorf("keywords [%s] read as %q, check ok", kw, cfg.Replies.Rules[0].Keywords)
		}
	}
}

// TestConfigSceneNamedAsANumber: scenes are kept as their QR codes send them,
// but a scene written 007 (unquoted) is the scene "7": on the server,
// /subscribe 007 got the general welcome and /subscribe 7 the scene's; 1e3
// is "1000". check says ok.
func TestConfigSceneNamedAsANumber(t *testing.T) {
	cfg, err := loadText(t, "replies:\n  no_match: 没有\n  subscribe_scenes:\n    007: 展位欢迎\n    Autumn: 秋\n")
	if err != nil {
		return // refused: fine
	}
	if _, ok := cfg.Replies.SubscribeScenes["007"]; !ok {
		keys := make([]string, 0)
		for k := range cfg.Replies.SubscribeScenes {
			keys = append(keys, k)
		}
		t.Errorf("scenes %q: no 007, as its QR code sends it (check ok)", keys)
	}
}
