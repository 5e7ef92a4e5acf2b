package main

import (
	"bytes"
	"cmp"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"math"
	"net"
	"net/netip"
	"net/url"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/viper"
	"go.yaml.in/yaml/v3"

	"mpbot/bot"
	"mpbot/bot/wechat"
	"mpbot/content"
	"mpbot/jobs"
	"mpbot/search"
)

//go:embed config.yaml
var embeddedConfig []byte

// Config is config.yaml parsed, validated and compiled: an immutable
// snapshot. A reload builds a new one and swaps it in whole.
type Config struct {
	Server   ServerConfig    `mapstructure:"server"`
	WeChat   WeChatConfig    `mapstructure:"wechat"`
	Store    StoreConfig     `mapstructure:"store"`
	Log      LogConfig       `mapstructure:"log"`
	Search   SearchConfig    `mapstructure:"search"`
	Push     PushConfig      `mapstructure:"push"`
	State    StateConfig     `mapstructure:"state"`
	Menu     MenuConfig      `mapstructure:"menu"`
	Insights InsightsConfig  `mapstructure:"insights"`
	Admin    AdminConfig     `mapstructure:"admin"`
	Replies  bot.RepliesSpec `mapstructure:"replies"`

	// Compiled once, when the snapshot is built.
	source   string         // the file read, or "embedded defaults"
	settings *bot.Settings  // replies, search thresholds, opt-in keywords
	location *time.Location // push.timezone
	proxies  []netip.Prefix // server.trusted_proxies
	keep     time.Duration  // insights.retention
	warnings []string       // MPBOT_* environment variables that set nothing (or a key to nothing), and what works but cannot act
	sections []string       // the file's top-level keys (server, replies, push, …)
	// text is the file as read, for telling a save cut short (cutShort).
	text []byte
	// pinned are the file's values of the keys environment variables set:
	// an edit of one in the file does nothing while its variable is set.
	pinned map[string]string
}

// InsightsConfig is the `insights` section: the query log.
type InsightsConfig struct {
	Enabled   bool   `mapstructure:"enabled"`
	Retention string `mapstructure:"retention"` // 90d
	Key       secret `mapstructure:"key"`       // MPBOT_INSIGHTS_KEY
}

// AdminConfig is the `admin` section: the operators' web console.
type AdminConfig struct {
	Addr  string `mapstructure:"addr"`
	Token secret `mapstructure:"token"` // MPBOT_ADMIN_TOKEN
}

func (c InsightsConfig) check(p *problems) time.Duration {
	d, err := parseDays(c.Retention)
	if err != nil || d < 24*time.Hour {
		p.add("insights.retention", "%q is not a duration of a day or more (e.g. 90d)", c.Retention)
	}
	return d
}

func (c AdminConfig) check(p *problems) {
	if c.Addr == "" {
		return
	}
	if err := checkAddr(c.Addr); err != nil {
		p.add("admin.addr", "%v", err)
	}
	if c.Token != "" && len(c.Token) < 16 {
		p.add("admin.token", "is %d characters; use at least 16 (it is the console's password)", len(c.Token))
	}
}

// ServerConfig is the `server` section.
type ServerConfig struct {
	Addr            string        `mapstructure:"addr"`
	Path            string        `mapstructure:"path"`
	ReplyBudget     time.Duration `mapstructure:"reply_budget"`
	ShutdownTimeout time.Duration `mapstructure:"shutdown_timeout"`
	TrustedProxies  []string      `mapstructure:"trusted_proxies"`
}

// WeChatConfig is the `wechat` section.
type WeChatConfig struct {
	AppID          string `mapstructure:"app_id"`
	AppSecret      secret `mapstructure:"app_secret"`
	Token          secret `mapstructure:"token"`
	EncodingAESKey secret `mapstructure:"encoding_aes_key"`
	Mode           string `mapstructure:"mode"`
	APIBase        string `mapstructure:"api_base"`
	StableToken    bool   `mapstructure:"stable_token"`
}

// StoreConfig is the `store` section.
type StoreConfig struct {
	Driver string `mapstructure:"driver"`
	Path   string `mapstructure:"path"`
	DSN    secret `mapstructure:"dsn"` // may hold a password
}

// LogConfig is the `log` section.
type LogConfig struct {
	Level  string `mapstructure:"level"`
	Format string `mapstructure:"format"`
}

// SearchConfig is the `search` section: the bot's thresholds and the
// index's synonyms.
type SearchConfig struct {
	bot.SearchSpec `mapstructure:",squash"`
	Synonyms       [][]string `mapstructure:"synonyms"`
	Related        [][]string `mapstructure:"related"`
}

// MenuConfig is the `menu` section: the account's custom menu, published
// by `mpbot menu push`.
type MenuConfig struct {
	Buttons []wechat.Button `mapstructure:"buttons"`
}

// StateConfig is the `state` section: where replicas share state.
type StateConfig struct {
	Driver    string `mapstructure:"driver"`
	RedisURL  secret `mapstructure:"redis_url"`
	KeyPrefix string `mapstructure:"key_prefix"`
}

// PushConfig is the `push` section.
type PushConfig struct {
	Category       string            `mapstructure:"category"`
	Timezone       string            `mapstructure:"timezone"`
	Mode           string            `mapstructure:"mode"`
	Schedule       string            `mapstructure:"schedule"`
	CatchUp        time.Duration     `mapstructure:"catch_up"`
	LeaseTTL       time.Duration     `mapstructure:"lease_ttl"`
	QPS            float64           `mapstructure:"qps"`
	TemplateID     string            `mapstructure:"template_id"`
	TemplateFields map[string]string `mapstructure:"template_fields"`
	TagID          int               `mapstructure:"tag_id"`
	PreviewOpenIDs []string          `mapstructure:"preview_openids"`
	PreviewLead    time.Duration     `mapstructure:"preview_lead"`
	DefaultThumb   string            `mapstructure:"default_thumb_media_id"`
	bot.PushSpec   `mapstructure:",squash"`
}

// secret is a config value that must never reach a log or a terminal.
type secret string

func (s secret) String() string {
	if s == "" {
		return ""
	}
	return "[redacted]"
}

// LogValue keeps secrets out of structured logs.
func (s secret) LogValue() slog.Value { return slog.StringValue(s.String()) }

// where is the server and database a URL secret names, without its user,
// password or options (postgres://db.internal:5432/mpbot); "[redacted]"
// for one that is no URL (a key=value DSN).
func (s secret) where() string {
	u, err := url.Parse(string(s))
	if err != nil || u.Scheme == "" || u.Host == "" {
		return s.String()
	}
	return (&url.URL{Scheme: u.Scheme, Host: u.Host, Path: u.Path}).String()
}

// where says which store and which shared state a process uses, for the
// serving line (an operator run's find: nothing said which PostgreSQL or
// Redis a replica had connected to).
func (c *Config) where() (store, state string) {
	store = c.Store.Driver + " " + c.Store.Path
	if c.Store.Driver == "postgres" {
		store = c.Store.DSN.where()
	}
	state = c.State.Driver
	if c.State.Driver == "redis" {
		state = c.State.RedisURL.where()
	}
	return store, state
}

// demoToken and demoAESKey are what config.yaml ships with; they are
// public, so they may only guard a webhook on the loopback interface: with
// the demo key anyone can read and forge the messages.
const (
	demoToken  = "mpbot-demo-token"
	demoAESKey = "mpbotdemokeympbotdemokeympbotdemokeympbotde"
)

// publicDemo refuses a webhook off the loopback interface still guarded by
// the shipped, public token or AES key.
func (c *Config) publicDemo() error {
	if loopback(c.Server.Addr) {
		return nil
	}
	switch {
	case string(c.WeChat.Token) == demoToken:
		return fmt.Errorf("wechat.token is still the public demo token; set your own (MPBOT_WECHAT_TOKEN) before listening on %s", c.Server.Addr)
	case string(c.WeChat.EncodingAESKey) == demoAESKey:
		return fmt.Errorf("wechat.encoding_aes_key is still the public demo key; set the account's own (MPBOT_WECHAT_ENCODING_AES_KEY, from the console's 基本配置) before listening on %s", c.Server.Addr)
	}
	return nil
}

// fileSections are the top-level keys of a config file, in its order.
func fileSections(data []byte) []string {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	var keys []string
	for i, n := range doc.Content[0].Content {
		if i%2 == 0 {
			keys = append(keys, n.Value)
		}
	}
	return keys
}

// loadConfig reads path (or the embedded defaults when path is the default
// and absent), applies MPBOT_* environment overrides, and validates and
// compiles it all. Every problem is reported at once, each naming its key.
func loadConfig(path string, explicit bool) (*Config, error) {
	v := viper.New()
	v.SetConfigType("yaml")
	if err := setDefaults(v); err != nil {
		return nil, err
	}
	source := path
	data, err := readConfigFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist) && !explicit:
		data, source = embeddedConfig, "embedded defaults"
	case err != nil:
		return nil, fmt.Errorf("config: %w", err)
	}
	if len(bytes.TrimSpace(yamlComments.ReplaceAll(data, nil))) == 0 {
		return nil, fmt.Errorf("%s: the file is empty (or holds only comments): saved half-way? config.yaml lists every key", source)
	}
	if utf16Text(data) {
		return nil, fmt.Errorf("%s: not UTF-8 text (saved as UTF-16, Windows' \"Unicode\"): save the file as UTF-8", source)
	}
	if line, bad := content.NotUTF8Line(data); bad {
		return nil, fmt.Errorf("%s:%d: not UTF-8 text (saved as GBK?): save the file as UTF-8", source, line)
	}
	if line, ok := secondDocument(data); ok {
		return nil, fmt.Errorf("%s:%d: a second YAML document (after ---) is not read: one file is one config; join them or delete the ---", source, line)
	}
	// A key set twice is listed with the file's other problems, not alone
	// (an operator run's find: the rest showed only once it was fixed).
	// The rest are those of the file without the repeats, as it reads once
	// the lines the problems name are deleted; the file as written is not
	// one config (YAML refuses a key twice, and viper keeps either of
	// Search: and search:).
	repeats := repeatedKeys(source, data)
	read := data
	if len(repeats) > 0 {
		var ok bool
		if read, ok = withoutRepeats(data); !ok {
			return nil, errors.Join(lineErrors(repeats)...)
		}
	}
	read, scenes := sceneKeysAside(read)
	if err := v.ReadConfig(bytes.NewReader(read)); err != nil {
		if len(repeats) > 0 {
			// Without them the file is not YAML (an alias of an anchor
			// the repeat held): the repeats are what to fix first.
			return nil, errors.Join(lineErrors(repeats)...)
		}
		return nil, syntaxError(source, read, err)
	}
	v.SetEnvPrefix("MPBOT")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	// A variable set to nothing sets the key to nothing: MPBOT_ADMIN_ADDR=
	// turns the console off, as admin.addr: "" does. Viper would otherwise
	// read it as unset and keep the file's value.
	v.AllowEmptyEnv(true)
	pinned := map[string]string{}
	for _, key := range v.AllKeys() {
		if !envKey(key) {
			continue
		}
		if value, set := os.LookupEnv(envName(key)); set {
			file := v.Get(key) // the file's, before the variable is bound
			pinned[key] = fmt.Sprint(file)
			t, typed := keyType(key) // a map's entry (push.template_fields.first) has no type of its own
			switch {
			case !typed:
			case t.Kind() == reflect.Slice:
				// A list of words or networks, comma-separated; set to
				// nothing, the empty list (it was one empty entry, an
				// error for server.trusted_proxies).
				v.Set(key, envList(value))
			case value == "" && (t.Kind() == reflect.Bool || t.Kind() >= reflect.Int && t.Kind() <= reflect.Float64):
				// Set to nothing: the key's nothing (0, false), as the
				// README says and as a compose file's ${X:-} does, not
				// text a number, a duration or a switch cannot be.
				v.Set(key, reflect.Zero(t).Interface())
			}
		}
		v.BindEnv(key) // Unmarshal ignores environment variables of unbound keys
	}
	cfg := &Config{source: source, warnings: envWarnings(v.AllKeys(), os.Environ()), sections: fileSections(data), text: data, pinned: pinned}
	var p problems
	if err := v.UnmarshalExact(cfg, viper.DecodeHook(mapstructure.ComposeDecodeHookFunc(
		scalarHook,
		responseHook,
	))); err != nil {
		// Unknown keys and values of the wrong type: listed, and checking
		// goes on, so one run shows every problem.
		p = decodeProblems(err, v.Get)
	}
	for aside, name := range scenes {
		if r, ok := cfg.Replies.SubscribeScenes[aside]; ok {
			delete(cfg.Replies.SubscribeScenes, aside)
			cfg.Replies.SubscribeScenes[name] = r
		}
	}
	if err := cfg.compile(); err != nil {
		p = append(p, keptProblems(err, p)...)
	}
	repeats = append(repeats, commentedValues(source, read)...)
	for _, e := range emptyValues(source, read, pinned) {
		for aside, name := range scenes {
			if msg := e.err.Error(); strings.Contains(msg, aside) {
				e.err = errors.New(strings.ReplaceAll(msg, aside, name))
			}
		}
		repeats = append(repeats, e)
	}
	if len(p) > 0 || len(repeats) > 0 {
		lines := yamlLines(read)
		// A scene's key as written (Spring2027), which read holds set
		// aside (a re-check's find: told at subscribe_scenes' line).
		for k, line := range yamlLines(data) {
			if _, ok := lines[k]; !ok && strings.HasPrefix(k, "replies.subscribe_scenes.") {
				lines[k] = line
			}
		}
		at := make([]int, len(p))
		for i, e := range p {
			at[i], p[i] = locate(e, source, lines)
			for aside, name := range scenes {
				if msg := p[i].Error(); strings.Contains(msg, aside) {
					p[i] = errors.New(strings.ReplaceAll(msg, aside, name))
				}
			}
		}
		// A number too large said so, not as the one decoding wrapped it
		// round to (outside 1..10 of -9223372036854775808).
		wrapped := map[int]bool{}
		for _, r := range repeats {
			if strings.HasSuffix(r.err.Error(), tooLarge) {
				wrapped[r.line] = true
			}
		}
		if len(wrapped) > 0 {
			var keptAt []int
			var kept problems
			for i, e := range p {
				if !wrapped[at[i]] {
					keptAt, kept = append(keptAt, at[i]), append(kept, e)
				}
			}
			at, p = keptAt, kept
		}
		for _, r := range repeats {
			at, p = append(at, r.line), append(p, r.err)
		}
		// In the file's order, so an operator fixes them top to bottom.
		order := make([]int, len(p))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(at[a], at[b]) })
		sorted := make([]error, len(p))
		for i, j := range order {
			sorted[i] = p[j]
		}
		// Each names its file (or environment variable) and line already:
		// a header of the file alone read as a problem of its own.
		if len(sorted) == 1 {
			return nil, sorted[0]
		}
		return nil, fmt.Errorf("%s: %d problems:\n%w", source, len(sorted), errors.Join(sorted...))
	}
	return cfg, nil
}

// emptyValues are the keys written with no value (mode:, min_score: ~,
// app_id: null, synonyms: with its entries deleted, a rule's match:, a
// scene's welcome), which YAML reads as null and viper as the key absent:
// the shipped default, silently (a config run's find: a paused push edited
// to `mode:` resumed, and `app_id:` was the demo's, where app_id: "" is
// refused; a re-check's: `synonyms:` was the 253 shipped ones), and the
// texts written as numbers YAML reads otherwise (token: 0123456 is the
// octal 42798, 1e5 is 100000, keywords [007] are 7: a re-check's find).
// Not those an environment variable sets. Sections (push: with every key
// commented out) keep their defaults.
func emptyValues(source string, data []byte, pinned map[string]string) []lineError {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return nil
	}
	var found []lineError
	var walk func(n *yaml.Node, path string, line int)
	walk = func(n *yaml.Node, path string, line int) {
		t, typed := typeAt(path)
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				key := joinKey(path, strings.ToLower(k.Value))
				if typed && t.Kind() == reflect.Map && v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
					// An entry with nothing (a scene's welcome deleted):
					// dropped, its followers got the general welcome.
					found = append(found, lineError{k.Line, fmt.Errorf("%s:%d: %s has no value: write one, or delete the line", source, k.Line, key)})
					continue
				}
				walk(v, key, k.Line)
			}
			return
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, fmt.Sprintf("%s[%d]", path, i), c.Line)
			}
			return
		case yaml.ScalarNode:
		default:
			return
		}
		if _, set := pinned[path]; set || !typed {
			return
		}
		switch {
		case n.Tag == "!!null" && t.Kind() != reflect.Struct:
			none := "" // a text's "" is refused by many keys (push.mode), a number's by all
			if t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
				none = " ([] or {} for none)"
			}
			found = append(found, lineError{line, fmt.Errorf("%s:%d: %s has no value: write one%s, or delete the line for the default", source, line, path, none)})
		case isIntKind(t.Kind()) && n.Style == 0 && intOverflows(n.Value):
			// Decoded, it wrapped round to another number (99999999999999999999
			// was said to be -9223372036854775808: a hostile-input run's find).
			found = append(found, lineError{line, fmt.Errorf("%s:%d: %s: %s%s", source, line, path, n.Value, tooLarge)})
		case (t.Kind() == reflect.String || structOf(t) == responseSpecType || structOf(t) == replySpecType) && n.Style == 0 && readOtherwise(n):
			// A text (or a reply's, written as one) YAML reads as a
			// number or a switch: 0571 is 377, 12.50 is 12.5, true is 1.
			found = append(found, lineError{line, fmt.Errorf("%s:%d: %s: %s is read as a number or a switch, not as written: put it in quotes (\"%s\")", source, line, path, n.Value, n.Value)})
		}
	}
	walk(doc.Content[0], "", 0)
	return found
}

const tooLarge = " is too large a number"

func isIntKind(k reflect.Kind) bool {
	return k >= reflect.Int && k <= reflect.Int64 || k >= reflect.Uint && k <= reflect.Uint64
}

// intOverflows reports whether v is written as a decimal integer beyond
// int64.
func intOverflows(v string) bool {
	digits := strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(v, "-"), "+"), "0")
	if digits == "" || strings.IndexFunc(digits, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return false
	}
	_, err := strconv.ParseInt(strings.TrimPrefix(v, "+"), 10, 64)
	return err != nil
}

// readOtherwise reports a plain scalar YAML reads as other than its text:
// a switch (true, yes), or a number whose text is not what reading it back
// gives (a leading zero, an exponent, a base, a sign, a separator, a float's
// trailing zero, or too many digits for an integer's text).
func readOtherwise(n *yaml.Node) bool {
	lit := n.Value
	switch n.Tag {
	case "!!bool":
		return true
	case "!!int":
		if strings.ContainsAny(lit, "eExXoObB_+") {
			return true
		}
		digits := strings.TrimPrefix(lit, "-")
		return len(digits) > 1 && digits[0] == '0' || len(digits) > 15 // 01012345678; beyond a float's digits
	case "!!float":
		f, err := strconv.ParseFloat(lit, 64)
		return err != nil || strconv.FormatFloat(f, 'f', -1, 64) != lit
	}
	return false
}

// typeAt is the Go type of a config key's path (replies.rules[1].keywords[0]),
// as Config holds it.
func typeAt(path string) (reflect.Type, bool) {
	if path == "" {
		return reflect.TypeFor[Config](), true
	}
	t := reflect.TypeFor[Config]()
	for part := range strings.SplitSeq(path, ".") {
		name, index, _ := strings.Cut(part, "[")
		var ok bool
		if t.Kind() == reflect.Map {
			t = t.Elem() // a map's entry: push.template_fields.first, a scene
		} else if t, ok = fieldType(t, name); !ok {
			return nil, false
		}
		for ; index != ""; _, index, _ = strings.Cut(index, "[") {
			if t.Kind() != reflect.Slice {
				return nil, false
			}
			t = t.Elem()
		}
	}
	return t, true
}

// sceneKeysAside writes the keys of replies.subscribe_scenes that viper
// would not keep as written under names it keeps, and returns what each
// stands for: keys are read without case and split at dots, and a scene is
// matched exactly as the QR code sends it (a config run's find: Autumn's
// followers got the general welcome, spring.2026 was refused as an unknown
// key). The file's lines stay where they were.
func sceneKeysAside(data []byte) ([]byte, map[string]string) {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return data, nil
	}
	scenes := mappingAt(doc.Content[0], "replies", "subscribe_scenes")
	if scenes == nil {
		return data, nil
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	names := map[string]string{}
	// Keys sharing a line (a flow map) are rewritten from its end, each
	// at its own column: a reply naming a later scene (隔壁展位是B2) is
	// text, not the key (a re-check's find: rewritten there).
	keys := make([]*yaml.Node, 0, len(scenes.Content)/2)
	for i := 0; i+1 < len(scenes.Content); i += 2 {
		keys = append(keys, scenes.Content[i])
	}
	slices.SortFunc(keys, func(a, b *yaml.Node) int { return cmp.Or(cmp.Compare(b.Line, a.Line), cmp.Compare(b.Column, a.Column)) })
	n := 0
	for _, k := range keys {
		if k.Value == strings.ToLower(k.Value) && !strings.Contains(k.Value, ".") && k.Tag == "!!str" || k.Line < 1 || k.Line > len(lines) {
			continue // read as written (007: was scene 7)
		}
		token := k.Value
		switch k.Style {
		case 0:
		case yaml.DoubleQuotedStyle:
			token = `"` + k.Value + `"`
		case yaml.SingleQuotedStyle:
			token = "'" + k.Value + "'"
		default:
			continue
		}
		line := lines[k.Line-1]
		at, ok := runeColumn(line, k.Column)
		if !ok || !bytes.HasPrefix(line[at:], []byte(token)) {
			continue // written with escapes: read as viper reads it
		}
		var aside string
		for aside = fmt.Sprintf("mpbot_scene_%d_", n); bytes.Contains(data, []byte(aside)); aside = fmt.Sprintf("mpbot_scene_%d_", n) {
			n++ // a name the file has (a scene so named): another
		}
		n++
		lines[k.Line-1] = slices.Concat(line[:at], []byte(aside), line[at+len(token):])
		names[aside] = k.Value
	}
	return bytes.Join(lines, nil), names
}

// runeColumn is the byte offset of column (from 1, in characters, as YAML
// counts them) in line.
func runeColumn(line []byte, column int) (int, bool) {
	at := 0
	for c := 1; c < column; c++ {
		if at >= len(line) {
			return 0, false
		}
		_, size := utf8.DecodeRune(line[at:])
		at += size
	}
	return at, at <= len(line)
}

// mappingAt is the mapping under keys (read without case, as viper reads
// them) in n, or nil.
func mappingAt(n *yaml.Node, keys ...string) *yaml.Node {
	for _, key := range keys {
		if n.Kind != yaml.MappingNode {
			return nil
		}
		var next *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if strings.EqualFold(n.Content[i].Value, key) {
				next = n.Content[i+1]
			}
		}
		if next == nil {
			return nil
		}
		n = next
	}
	if n.Kind != yaml.MappingNode {
		return nil
	}
	return n
}

// utf16Text reports a file saved as UTF-16 (its byte-order mark, or the
// zero bytes of its ASCII, a quarter of it or more), which the reload had refused as saved
// half-way (a config run's find).
func utf16Text(data []byte) bool {
	return bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) || bytes.Count(data, []byte{0}) > len(data)/4
}

// secondDocument is the line of a second YAML document with keys in data,
// which viper would drop unread (a config run's find: search.max_results
// after a --- was ignored, the reload said "config reloaded").
//
// Read from the markers (--- and ..., at a line's start, which no text of a
// key can be), not by parsing: a second document with a mistake of its
// own had been dropped too (a re-check's find).
func secondDocument(data []byte) (int, bool) {
	content, ended := false, false
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		for _, marker := range []string{"---", "..."} {
			if rest, ok := strings.CutPrefix(line, marker); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
				if content {
					ended = true
				}
				line = strings.TrimSpace(rest)
			}
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if ended {
			return i + 1, true
		}
		content = true
	}
	return 0, false
}

// lineError is a problem of a file and the line it names.
type lineError struct {
	line int
	err  error
}

func lineErrors(le []lineError) []error {
	errs := make([]error, len(le))
	for i, e := range le {
		errs[i] = e.err
	}
	return errs
}

// repeatedKeys finds, as file:line, a key twice in one mapping, which a
// file's YAML parse words without its line or hides: keys are read
// without case, so Search: after search: replaced the whole section,
// unseen.
func repeatedKeys(source string, data []byte) []lineError {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil {
		return nil // not YAML: syntaxError says where
	}
	var errs []lineError
	eachRepeat(&doc, func(k, first *yaml.Node, _ *yaml.Node) {
		if first.Value == k.Value {
			errs = append(errs, lineError{k.Line, fmt.Errorf("%s:%d: %s is already set on line %d", source, k.Line, k.Value, first.Line)})
		} else {
			errs = append(errs, lineError{k.Line, fmt.Errorf("%s:%d: %s is %s of line %d again (keys are read without case)", source, k.Line, k.Value, first.Value, first.Line)})
		}
	})
	return errs
}

// eachRepeat calls f with each key of a mapping under n that an earlier
// key of the same mapping has, without case, the first of them, and its
// value.
//
// The scenes of replies.subscribe_scenes are compared as written: they are
// matched exactly (Autumn and autumn are two QR codes: a re-check's find).
func eachRepeat(n *yaml.Node, f func(key, first, value *yaml.Node)) {
	var scenes *yaml.Node
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		scenes = mappingAt(n.Content[0], "replies", "subscribe_scenes")
	}
	eachRepeatIn(n, scenes, f)
}

func eachRepeatIn(n, scenes *yaml.Node, f func(key, first, value *yaml.Node)) {
	if n.Kind == yaml.MappingNode {
		seen := map[string]*yaml.Node{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			key := k.Value
			if n != scenes {
				key = strings.ToLower(key)
			}
			if first, dup := seen[key]; dup {
				f(k, first, n.Content[i+1])
			} else {
				seen[key] = k
			}
		}
	}
	for _, c := range n.Content {
		eachRepeatIn(c, scenes, f)
	}
}

// withoutRepeats is data with the lines of each repeated key and its value
// emptied, the first of the key kept: the file as it reads once the lines
// its problems name are deleted, every other line where it was, so that
// its other problems are found, on their own lines. Not ok when a repeat
// shares a line with other keys (a flow mapping, {a: 1, a: 2}).
func withoutRepeats(data []byte) ([]byte, bool) {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil {
		return nil, false
	}
	var all []*yaml.Node
	var collect func(n *yaml.Node)
	collect = func(n *yaml.Node) {
		all = append(all, n)
		for _, c := range n.Content {
			collect(c)
		}
	}
	collect(&doc)
	lines := bytes.SplitAfter(data, []byte("\n"))
	ok := true
	eachRepeat(&doc, func(k, _, value *yaml.Node) {
		inside := map[*yaml.Node]bool{k: true}
		var mark func(n *yaml.Node)
		mark = func(n *yaml.Node) {
			inside[n] = true
			for _, c := range n.Content {
				mark(c)
			}
		}
		mark(value)
		// The pair runs to the line before the next node outside it (a
		// block scalar's text has no nodes of its own), or to the end.
		end := len(lines)
		for _, n := range all {
			switch {
			case inside[n] || n.Kind == yaml.DocumentNode || n.Line < k.Line:
			case n.Line == k.Line:
				ok = false // a flow mapping's other keys share its line
			case n.Line > k.Line:
				end = min(end, n.Line-1)
			}
		}
		for i := k.Line - 1; i < end && i < len(lines); i++ {
			if bytes.HasSuffix(lines[i], []byte("\n")) {
				lines[i] = []byte("\n")
			} else {
				lines[i] = nil
			}
		}
	})
	return bytes.Join(lines, nil), ok
}

// syntaxError says where a file that is not YAML goes wrong, as file:line
// (what editors and terminals jump to). The YAML parser gives the line
// only in its message: "yaml: line 19: did not find expected ',' or ']'".
func syntaxError(source string, data []byte, err error) error {
	// The parser's own error, not viper's wrapping of it.
	var node yaml.Node
	perr := yaml.Unmarshal(data, &node)
	if perr == nil {
		return fmt.Errorf("%s: %w", source, err)
	}
	line, msg, open := content.YAMLFault(data, perr)
	lines := bytes.SplitAfter(data, []byte("\n"))
	if line == 0 {
		// An alias of an anchor no longer there (*thanks, after the rule
		// holding &thanks was deleted): said at the alias (it had named
		// no line: an operator run's find).
		if m := unknownAnchor.FindStringSubmatch(msg); m != nil {
			for i, l := range lines {
				if bytes.Contains(l, []byte("*"+m[1])) && !bytes.HasPrefix(bytes.TrimSpace(l), []byte("#")) {
					return fmt.Errorf("%s:%d: not valid YAML: %s (*%s repeats what a &%s wrote before it, which is no longer there: write the value out here, or put &%s back)", source, i+1, strings.TrimPrefix(msg, "yaml: "), m[1], m[1], m[1])
				}
			}
		}
		return fmt.Errorf("%s: not valid YAML: %s", source, strings.TrimPrefix(msg, "yaml: "))
	}
	hint := misindented(lines, line, msg)
	switch {
	case hint != "":
	case open:
		hint = " (a quote or bracket opened on this line is not closed where YAML expects)"
	default:
		// A line indented with a no-break space, which YAML takes as
		// text, fails a few lines further on (a tab, on its own line).
		for i := line - 1; i >= max(0, line-8) && i < len(lines); i-- {
			if h := indentHint(lines[i]); h != "" && (i == line-1 || strings.Contains(h, "no-break") && content.YAMLKeyLine(lines[i])) {
				line, hint = i+1, h
			}
		}
		// The two slips of a Chinese keyboard: a key typed with a
		// full-width colon, which YAML reads as text and fails on after,
		// and a value holding ": " (a newcomer run's finds: the parser's
		// words alone, "could not find expected ':'" on a line with a
		// colon in it).
		for i := min(line, len(lines)) - 1; hint == "" && i >= max(0, line-3); i-- {
			if m := wideColonKey.FindSubmatch(lines[i]); m != nil {
				line, hint = i+1, fmt.Sprintf(` (%q has a full-width colon "：": write "%s: ")`, strings.TrimSpace(string(m[0])), m[1])
			}
		}
		if hint == "" && strings.Contains(msg, "mapping values are not allowed") {
			hint = ` (a value holding ": " needs quotes: reply: "注意: 周三晚八点")`
			// The operator's own line, quoted (a newcomer's run: the
			// example above was no line of theirs).
			if i := line - 1; i < len(lines) {
				if m := colonInValue.FindSubmatch(bytes.TrimRight(lines[i], "\r\n")); m != nil {
					// An anchor or a tag before the text stays outside the
					// quotes (reply: &farewell …: quoted whole, the rules
					// saying *farewell broke: a re-check's find).
					// A comment after it stays a comment (reply: 注意: 周三 #
					// 备注 had been quoted whole: a re-check's find).
					value, comment := string(m[2]), ""
					if k := commentAfter.FindStringIndex(value); k != nil {
						value, comment = value[:k[0]], value[k[0]:]
					}
					mark := anchorOrTag.FindString(value)
					text := strings.TrimSpace(value[len(mark):])
					quoted, _ := yaml.Marshal(text)
					hint = fmt.Sprintf(` (a value holding ": " needs quotes: %s: %s%s%s)`, m[1], mark, bytes.TrimSpace(quoted), comment)
				}
			}
		}
		// A value opening with what YAML reads as other than text (*重要*
		// an alias, [重要] a list), and a regex in double quotes, whose \s
		// YAML reads as an escape: the parser's words alone (an operator
		// run's finds).
		// (The fault's own line only, and not an alias's or anchor's own
		// name: a fault after reply: *farewell had been blamed on it: a
		// re-check's find.)
		if i := line - 1; hint == "" && i < len(lines) {
			m := markedValue.FindSubmatch(bytes.TrimRight(lines[i], "\r\n"))
			switch {
			case m == nil, bytes.ContainsAny(m[2][:1], "*&") && !bytes.ContainsAny(bytes.TrimSpace(m[2]), " \t"):
			case bytes.ContainsAny(m[2][:1], "[{") && !closedThenText.Match(m[2]):
				// keywords: [申论资料, 真题 is a list not closed, not text
				// to quote (a re-check's find: quoted, it is one keyword).
				hint = fmt.Sprintf(` (the %c opened on this line is not closed)`, m[2][0])
			default:
				quoted, _ := yaml.Marshal(string(bytes.TrimSpace(m[2])))
				hint = fmt.Sprintf(` (a value starting with %q needs quotes: %s: %s)`, m[2][:1], m[1], bytes.TrimSpace(quoted))
			}
		}
		if l := lines[min(line, len(lines))-1]; hint == "" && bytes.ContainsAny(l, "{[") && bytes.Contains(l, []byte(" #")) {
			// {type: text, content: 本周 #直播课# 改}: the rest of the
			// line, } too, read as a comment (a re-check's find).
			hint = ` (YAML reads what follows " #" as a comment, the closing bracket too: put the text in quotes)`
		}
		if hint == "" && strings.Contains(msg, "unknown escape") && line-1 < len(lines) {
			if m := doubleQuotedEscape.FindSubmatch(lines[line-1]); m != nil {
				hint = fmt.Sprintf(` (in double quotes a backslash starts an escape: write a regex in single quotes, '%s')`, m[1])
			}
		}
	}
	return fmt.Errorf("%s:%d: not valid YAML: %s%s", source, line, msg, hint)
}

// misindented says a line indented less than what it belongs to: a line
// of a block text (content: |-) under the text above it, or a key of a
// list's entry at the entry's dash (an operator run's finds: the parser's
// "could not find expected ':'" on a line holding a colon, and "did not
// find expected '-' indicator" beside a hint of a bracket not closed that
// was). "" for neither.
//
// A key typed with a full-width colon is told as such below, and a key at
// a block list's dashes (keywords:⏎- 遴选, valid YAML) only where the parser
// expected a list entry: a fault of its value had been blamed on its
// column (an operator re-check's finds).
func misindented(lines [][]byte, line int, msg string) string {
	i := line - 1
	if i <= 0 || i >= len(lines) || len(bytes.TrimSpace(lines[i])) == 0 || wideColonKey.Match(lines[i]) {
		return ""
	}
	ind := indentOf(string(lines[i]))
	above := -1 // the line above, not blank nor a comment
	for k := i - 1; k >= 0 && above < 0; k-- {
		if t := bytes.TrimSpace(lines[k]); len(t) > 0 && t[0] != '#' {
			above = k
		}
	}
	if above < 0 {
		return ""
	}
	aind := indentOf(string(lines[above]))
	if aind > ind {
		// Text deeper above: the block it is in opened on a line less
		// indented than this one.
		for j := above - 1; j >= 0; j-- {
			t := bytes.TrimSpace(lines[j])
			if len(t) == 0 || indentOf(string(lines[j])) >= aind {
				continue
			}
			// (At the opener's own column, a line that is no key was
			// meant as more of the text.)
			if oind := indentOf(string(lines[j])); blockText.Match(t) && (oind < ind || oind == ind && !content.YAMLKeyLine(lines[i])) {
				return fmt.Sprintf(" (this line is indented less than the text above it, which %s on line %d opens: indent it %d spaces, as that text is)", bytes.TrimSpace(t), j+1, aind)
			}
			return ""
		}
		return ""
	}
	// A key at the column of the dash of the list entry above it.
	if t := bytes.TrimSpace(lines[i]); bytes.HasPrefix(t, []byte("- ")) || !content.YAMLKeyLine(lines[i]) || !strings.Contains(msg, "expected '-' indicator") {
		return ""
	}
	for j := i - 1; j >= 0; j-- {
		t := bytes.TrimSpace(lines[j])
		if len(t) == 0 || t[0] == '#' {
			continue
		}
		jind := indentOf(string(lines[j]))
		switch {
		case jind > ind:
			continue
		case jind == ind && bytes.HasPrefix(t, []byte("- ")):
			return fmt.Sprintf(" (this key is at the column of the - of the list entry on line %d: indent it %d spaces, as the entry's first key is)", j+1, ind+2)
		}
		return ""
	}
	return ""
}

// blockText is a key whose value is a block of text on the lines after it
// (content: |-, text: >).
var blockText = regexp.MustCompile(`:\s+[|>][-+]?[0-9]?\s*(?:#.*)?$`)

// commentedValues are the unquoted values holding " #" and a word (本周直播课
// #直播课# 改到周四, a WeChat topic tag): YAML reads the rest as a comment,
// and followers got 本周直播课 alone, nothing said (an operator run's find;
// import refuses the same in a front matter). "# " with a space after it
// is a comment as written.
func commentedValues(source string, data []byte) []lineError {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return nil
	}
	replies := mappingAt(doc.Content[0], "replies")
	if replies == nil {
		return nil
	}
	// Texts only, under replies: max_results: 5 #最多10 and mode: log
	// #先演练 are comments as written (a re-check's find: refused).
	var out []lineError
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		for i, c := range n.Content {
			if n.Kind == yaml.MappingNode && i%2 == 1 && c.Kind == yaml.ScalarNode && c.Style == 0 && c.Tag == "!!str" &&
				!notText[strings.ToLower(n.Content[i-1].Value)] && hashtagComment.MatchString(c.LineComment) {
				key := n.Content[i-1].Value
				quoted, _ := yaml.Marshal(c.Value + " " + c.LineComment)
				out = append(out, lineError{c.Line, fmt.Errorf(`%s:%d: %s: YAML reads what follows " #" as a comment, and the text ends before it: put the text in quotes (%s: %s)`, source, c.Line, key, key, bytes.TrimSpace(quoted))})
			}
			walk(c)
		}
	}
	walk(replies)
	return out
}

// notText are the keys under replies whose values are no text a follower
// reads.
var notText = map[string]bool{"name": true, "match": true, "mode": true, "type": true, "query": true, "keys": true, "keywords": true,
	"ids": true, "url": true, "pic": true, "media_id": true, "thumb_media_id": true, "music_url": true, "hq_music_url": true, "alone": true}

// hashtagComment is a comment YAML read off a value that is more of it: #
// and a word, not "# " as a comment is written.
var hashtagComment = regexp.MustCompile(`^#[^\s#]`)

// unknownAnchor is YAML's error for an alias of no anchor; markedValue a
// key whose unquoted value opens with an alias's *, a list's [, a map's {,
// an anchor's & or a tag's !; doubleQuotedEscape a double-quoted text
// holding a backslash.
var (
	unknownAnchor      = regexp.MustCompile(`unknown anchor '([^']+)' referenced`)
	markedValue        = regexp.MustCompile(`^[ \t]*(?:- +)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*:[ \t]+([*&!\[{][^\n]*[^\s\]}])[ \t]*$`)
	closedThenText     = regexp.MustCompile(`^(?:\[[^\]]*\]|\{[^}]*\})[ \t]*[^\s,#]`)
	doubleQuotedEscape = regexp.MustCompile(`"((?:[^"\\\n]|\\.)*\\[^"\n]*)"`)
)

// wideColonKey is a key followed by a full-width colon, as a Chinese input
// method types it (keywords：[…]).
var wideColonKey = regexp.MustCompile(`^[ \t]*(?:- +)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*：`)

// indentHint names what YAML cannot indent with, when line starts with it.
func indentHint(line []byte) string {
	lead := strings.TrimLeft(string(line), " ")
	switch {
	case strings.HasPrefix(lead, "\t"):
		return " (a tab in the indentation: YAML indents with spaces)"
	case strings.HasPrefix(lead, "\u00a0"):
		return " (a no-break space, U+00A0, in the indentation: YAML indents with plain spaces)"
	}
	return ""
}

var yamlComments = regexp.MustCompile(`(?m)^\s*#.*$`)

// envWarnings lists the MPBOT_* variables of environ that override no key
// of keys, each with why and, for a likely typo, the variable meant, and
// those set to nothing (which empty their key: a compose file's ${X:-}
// does that unseen). They are not errors: a stray variable must not stop
// a running fleet's next start; check and serve say so.
func envWarnings(keys []string, environ []string) []string {
	known := make(map[string]bool, len(keys))
	fileOnly := map[string]string{}
	for _, k := range keys {
		switch {
		case envKey(k):
			known[envName(k)] = true
		case !strings.HasPrefix(k, "replies."):
			fileOnly[envName(k)] = k
		}
	}
	var out []string
	for _, kv := range environ {
		name, value, _ := strings.Cut(kv, "=")
		if known[name] && strings.TrimSpace(value) == "" { // "  " sets nothing too
			out = append(out, name+" is set to nothing, so its key is empty here, whatever the file says (unset it to keep the file's value)")
			continue
		}
		if !strings.HasPrefix(name, "MPBOT_") || known[name] || devEnv(name) {
			continue
		}
		if strings.HasPrefix(name, "MPBOT_REPLIES_") {
			out = append(out, name+" does nothing: replies are edited in the config file only")
			continue
		}
		if key, ok := fileOnly[name]; ok {
			out = append(out, name+" does nothing: "+key+" is edited in the config file only")
			continue
		}
		why := name + " names no config key"
		if best := nearest(name, slices.Collect(maps.Keys(known)), 2); best != "" {
			why += " (did you mean " + best + "?)"
		}
		out = append(out, why)
	}
	slices.Sort(out)
	return out
}

// envKey reports whether an environment variable sets key: a scalar, or a
// list of words or networks (server.trusted_proxies), outside replies.
// Lists of lists (search.synonyms) and of maps (menu.buttons) are the
// file's only.
func envKey(key string) bool {
	if strings.HasPrefix(key, "replies.") {
		return false
	}
	t, ok := keyType(key)
	if !ok {
		return true // a key Config lacks: Unmarshal names it
	}
	switch t.Kind() {
	case reflect.Slice:
		return t.Elem().Kind() == reflect.String
	case reflect.Map, reflect.Struct:
		return false
	}
	return true
}

// hanComma reports an ASCII comma beside a Chinese character (申论资料,真题,
// typed on a Chinese keyboard in its English mode: one keyword nobody
// sends, an operator run's find), not one between Latin words (a,b).
func hanComma(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] != ',' {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+1:])
		if unicode.Is(unicode.Han, before) || unicode.Is(unicode.Han, after) {
			return true
		}
	}
	return false
}

// envList is a list key's variable read: entries separated by commas (a
// Chinese one, ，or 、, too: 订阅，开启推送 was one keyword nobody sends),
// each trimmed; nothing, or only spaces, is the empty list.
func envList(value string) []string {
	list := []string{}
	for _, e := range strings.FieldsFunc(value, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
		if e = strings.TrimSpace(e); e != "" {
			list = append(list, e)
		}
	}
	return list
}

// devEnv reports the variables the tests and benchmarks read (README's
// "Tests" and BENCHMARKS.md): set on a developer's machine, not typos.
func devEnv(name string) bool {
	for _, p := range []string{"MPBOT_TEST_", "MPBOT_BENCH_", "MPBOT_CORPUS", "MPBOT_FIT", "MPBOT_TUNE", "MPBOT_QUALITY_"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// envName is the environment variable that overrides key.
func envName(key string) string {
	return "MPBOT_" + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

// nearest is the one of candidates nearest to name, within most edits (a
// near miss: a typo), the first in order of those as near; "" when none is.
func nearest(name string, candidates []string, most int) string {
	best, bestD := "", most+1
	for _, c := range candidates {
		if d := editDistance(name, c); d < bestD || d == bestD && c < best {
			best, bestD = c, d
		}
	}
	return best
}

// swappedPair reports whether a is b with two letters side by side swapped
// (categroy for category).
func swappedPair(a, b string) bool {
	if len(a) != len(b) || a == b {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

// editDistance is the Levenshtein distance of two ASCII names.
func editDistance(a, b string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// decodeProblems turns the decoder's report into one problem per key:
// "server.foo: unknown key", "server.reply_budget: …".
func decodeProblems(err error, value func(key string) any) problems {
	var p problems
	var walk func(error)
	walk = func(err error) {
		if de, ok := err.(*mapstructure.DecodeError); ok {
			inner := errors.Unwrap(de)
			if keys, ok := strings.CutPrefix(inner.Error(), "has invalid keys: "); ok {
				for _, k := range strings.Split(keys, ", ") {
					// The key meant, when one is a near miss, as for a
					// misspelt MPBOT_ variable (an operator run's find:
					// a rule's replly: was named without reply).
					if meant := nearest(k, keysAt(de.Name()), min(2, len(k)-2)); meant != "" {
						p.add(joinKey(de.Name(), k), "unknown key (did you mean %s?)", meant)
					} else {
						p.add(joinKey(de.Name(), k), "unknown key (a typo? config.yaml lists every key)")
					}
				}
				return
			}
			if _, nested := inner.(interface{ Unwrap() []error }); !nested {
				t, typed := keyType(de.Name())
				msg := plainTypes(strings.TrimPrefix(inner.Error(), "time: "), t, typed)
				// Never a secret's value, of whatever shape (a config
				// run's find: app_secret: [sekrit…] and a DSN written as
				// host:/password: lines were printed by check and serve).
				if v := value(de.Name()); v != nil && (!typed || t != reflect.TypeFor[secret]()) {
					msg += fmt.Sprintf(" (got %s)", field(fmt.Sprint(v)))
				}
				p.add(de.Name(), "%s", msg)
				return
			}
			walk(inner)
			return
		}
		switch e := err.(type) {
		case interface{ Unwrap() []error }:
			for _, inner := range e.Unwrap() {
				walk(inner)
			}
		case interface{ Unwrap() error }:
			walk(e.Unwrap())
		default:
			p = append(p, err)
		}
	}
	walk(err)
	return p
}

// typeMismatch is mapstructure's wording of a value of the wrong shape,
// whose wanted shape is the key's type's when it is known (a secret or a
// duration written as a list had been told it "needs a mapping").
var typeMismatch = regexp.MustCompile(`^(?:expected type '([^']+)', got unconvertible type '([^']+)'|expected a map(?: or struct)?, got "?([^"]+)"?)(?:, value: .*)?$`)

// plainTypes says a value of the wrong shape in an operator's words, not
// Go's (an operator run's find: "expected type 'string', got unconvertible
// type '[]interface {}'").
func plainTypes(msg string, t reflect.Type, typed bool) string {
	m := typeMismatch.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	want, got := shape(m[1]), shape(m[2])
	if m[3] != "" {
		want, got = "a mapping (key: value lines)", shape(m[3])
	}
	if typed {
		want = shapeOf(t)
	}
	return fmt.Sprintf("needs %s, not %s", want, got)
}

// shapeOf names a key's type as the YAML that makes it.
func shapeOf(t reflect.Type) string {
	switch {
	case t == durationType:
		return "a duration (500ms, 10s, 5m, 6h)"
	case t.Kind() == reflect.String:
		return "a text"
	case t.Kind() == reflect.Bool:
		return "true or false"
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Uint64:
		return "a whole number"
	case t.Kind() == reflect.Float32 || t.Kind() == reflect.Float64:
		return "a number"
	case t.Kind() == reflect.Slice:
		return "a list"
	}
	return "a mapping (key: value lines)"
}

// shape names a Go type as the YAML that makes it.
func shape(goType string) string {
	switch {
	case goType == "string":
		return "a text"
	case goType == "bool":
		return "true or false"
	case strings.HasPrefix(goType, "int") || strings.HasPrefix(goType, "uint"):
		return "a whole number"
	case strings.HasPrefix(goType, "float"):
		return "a number"
	case strings.HasPrefix(goType, "[]"), goType == "slice":
		return "a list"
	case strings.HasPrefix(goType, "map"), goType == "struct", strings.Contains(goType, "."):
		return "a mapping (key: value lines)"
	}
	return goType
}

func joinKey(parent, key string) string {
	if parent == "" || strings.HasPrefix(parent, "main.") { // the root struct's name, not a key
		return key
	}
	return parent + "." + key
}

// keptProblems are compile's problems except those about keys the decoder
// already reported (a value that did not decode reads as zero there).
func keptProblems(err error, decoded problems) problems {
	var out problems
	for _, e := range splitJoined(err) {
		key := problemKey(e.Error())
		dup := false
		for _, d := range decoded {
			// Or of its reply or replies: a reply that did not decode
			// left the rule "needing a reply", told beside what was wrong
			// with it (an operator run's find: one mistake told as two,
			// the first untrue).
			if dk := problemKey(d.Error()); dk == key || strings.HasSuffix(e.Error(), "needs a reply or replies") && (strings.HasPrefix(dk, key+".reply") || strings.HasPrefix(dk, key+".replies")) {
				dup = true
			}
		}
		if !dup {
			out = append(out, e)
		}
	}
	return out
}

// splitJoined flattens errors.Join trees into their leaves.
func splitJoined(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, splitJoined(e)...)
		}
		return out
	}
	return []error{err}
}

// problemKey is the key a problem names: "replies.rules[1].keywords[0]"
// for "replies.rules[1] (help).keywords[0]: duplicate keyword …".
func problemKey(msg string) string {
	key, _, _ := strings.Cut(msg, ": ")
	return ruleNameRe.ReplaceAllString(key, "")
}

var ruleNameRe = regexp.MustCompile(` \([^)]*\)`)

// locate puts the file and line of the key a problem names in front of it
// (config.yaml:57: replies.rules[1]…), or names the environment variable
// that set it; line is 0 when the file does not hold the key.
func locate(problem error, source string, lines map[string]int) (line int, located error) {
	key := problemKey(problem.Error())
	// A list's element (search.synonyms[0]) is set by the list's variable.
	base, _, _ := strings.Cut(key, "[")
	if env := envName(base); !strings.HasPrefix(base, "replies.") {
		if _, set := os.LookupEnv(env); set {
			return 0, fmt.Errorf("%s (set by %s)", problem, env)
		}
	}
	line = keyLine(key, lines)
	if line == 0 {
		return 0, problem
	}
	// A keyword another rule has first: its line too, where the other
	// rule may be the one the operator just added (a newcomer's run: the
	// keyword of a new rule above an old one was named at the old rule,
	// the new one's line unsaid).
	msg := problem.Error()
	if end, first := firstKey(msg); end > 0 {
		if other := keyLine(first, lines); other > 0 && other != line {
			return line, fmt.Errorf("%s:%d: %w", source, line, withText{problem, fmt.Sprintf("%s, line %d%s", msg[:end], other, msg[end:])})
		}
	}
	return line, fmt.Errorf("%s:%d: %w", source, line, problem)
}

// commentAfter is a YAML comment after a value: # after a space or a tab.
var commentAfter = regexp.MustCompile(`[ \t]#`)

// anchorOrTag is a YAML anchor or tag opening a value, and the space after.
var anchorOrTag = regexp.MustCompile(`^(?:[&!][^\s]*\s+)+`)

// colonInValue is a key's line whose value holds ": " (reply: 注意: 周三).
var colonInValue = regexp.MustCompile(`^\s*(?:-\s+)?([\w.-]+):[ \t]+([^\s"'#][^#]*: .*)$`)

// firstKey finds the key of a keyword another place has first in a
// problem's text ("already in rule help at replies.rules[0].keywords[2]",
// "already in push.unsubscribe_keywords[0]"): where it ends, and the key;
// 0 when there is none.
func firstKey(msg string) (end int, key string) {
	// The first "already in " a key follows: a keyword may say it too
	// (already in stock: a re-check's find).
	at := 0
	for {
		i := strings.Index(msg[at:], "already in ")
		if i < 0 {
			return 0, ""
		}
		at += i + len("already in ")
		if rest := msg[at:]; strings.HasPrefix(rest, "rule ") || firstKeyRe.MatchString(rest) {
			break
		}
	}
	if rest, ok := strings.CutPrefix(msg[at:], "rule "); ok {
		// A named rule's: "rule NAME at KEY" (a name may hold anything).
		j := strings.LastIndex(rest, " at replies.")
		if j < 0 {
			return 0, ""
		}
		at += len("rule ") + j + len(" at ")
	}
	key = firstKeyRe.FindString(msg[at:])
	if key == "" {
		return 0, ""
	}
	return at + len(key), key
}

var firstKeyRe = regexp.MustCompile(`^(?:replies|push)\.\w+(?:\[\d+\])?(?:\.\w+)?(?:\[\d+\])?`)

// withText is an error said in other words.
type withText struct {
	err  error
	text string
}

func (w withText) Error() string { return w.text }
func (w withText) Unwrap() error { return w.err }

// keyLine is the line of key, or of the nearest key above it the file
// holds; 0 when none.
func keyLine(key string, lines map[string]int) int {
	for k := key; k != ""; k = parentKey(k) {
		// A map's entry is named as mapstructure names it
		// (replies.subscribe_scenes[spring2027]), its line kept under
		// its key (the scene's own line, not the map's: an operator run's
		// find).
		if line, ok := lines[strings.ToLower(namedEntry.ReplaceAllStringFunc(k, func(e string) string { return "." + e[1:len(e)-1] }))]; ok {
			return line
		}
		if line, ok := lines[k]; ok {
			return line
		}
	}
	return 0
}

// namedEntry is a map's entry in a problem's key: [spring2027], not [0].
var namedEntry = regexp.MustCompile(`\[[^\]0-9][^\]]*\]`)

// parentKey drops a key's last part: a.b[2].c → a.b[2] → a.b → a.
func parentKey(k string) string {
	if i := strings.LastIndexAny(k, ".["); i > 0 {
		return k[:i]
	}
	return ""
}

// yamlLines maps every key path of a YAML document (server.addr,
// replies.rules[1].keywords[0]) to its line.
func yamlLines(data []byte) map[string]int {
	var doc yaml.Node
	lines := map[string]int{}
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return lines
	}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := joinKey(path, strings.ToLower(n.Content[i].Value))
				lines[k] = n.Content[i].Line
				walk(n.Content[i+1], k)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				k := fmt.Sprintf("%s[%d]", path, i)
				lines[k] = c.Line
				walk(c, k)
			}
		}
	}
	walk(doc.Content[0], "")
	return lines
}

// setDefaults makes every scalar key of the embedded config.yaml a default,
// so a short config.yaml only says what differs. Replies are not defaulted:
// an operator who writes rules means exactly those rules.
// defaultEnvWarnings are envWarnings against the shipped keys, for a file
// that could not be read: a misspelt variable is worth knowing then too.
func defaultEnvWarnings() []string {
	v := viper.New()
	if setDefaults(v) != nil {
		return nil
	}
	return envWarnings(v.AllKeys(), os.Environ())
}

func setDefaults(v *viper.Viper) error {
	d := viper.New()
	d.SetConfigType("yaml")
	if err := d.ReadConfig(bytes.NewReader(embeddedConfig)); err != nil {
		return fmt.Errorf("embedded config.yaml: %w", err)
	}
	for _, key := range d.AllKeys() {
		if !strings.HasPrefix(key, "replies.") {
			v.SetDefault(key, d.Get(key))
		}
	}
	return nil
}

var (
	responseSpecType = reflect.TypeFor[bot.ResponseSpec]()
	replySpecType    = reflect.TypeFor[bot.ReplySpec]()
)

// cutShort reports an edited file that looks saved half-way, ending inside
// a line: what a cut leaves is often valid YAML, a reply's text ending
// mid-word (请添加助教微信 linxua went to followers). It is not when it is
// the serving file with text added (a rule typed at the end, which editors
// leave without a line break) or cut at a line's end (as a cut between
// lines, which the fewer-entries warning names). It is when its last line
// is the start of a longer line the serving file has, other than its last
// (shortening the last line is an edit); and, the serving file having
// ended with a line break, whenever it ends inside a line: a file that is
// whole is told to get its line break back.
func cutShort(serving, edited *Config) error {
	return cutShortText(serving.text, edited.text, edited.source)
}

// cutShortText is cutShort on the files' text: also asked of an edit that
// did not load, which a cut explains better than what it broke (a cut
// inside a character read as "not UTF-8 (saved as GBK?)", one inside the
// welcome as replies.no_match missing: an operator run's finds).
func cutShortText(old, data []byte, source string) error {
	if err := cutInsideBlock(old, data, source); err != nil {
		return err
	}
	if len(data) == 0 || data[len(data)-1] == '\n' || bytes.HasPrefix(data, old) {
		return nil
	}
	if rest, ok := bytes.CutPrefix(old, data); ok && (bytes.HasPrefix(rest, []byte("\n")) || bytes.HasPrefix(rest, []byte("\r\n"))) {
		return nil
	}
	last := string(data[bytes.LastIndexByte(data, '\n')+1:])
	cut := len(old) > 0 && old[len(old)-1] == '\n'
	// The serving file's line the last one is the start of: then the file
	// is cut, not whole without its last line break (a newcomer's run: the
	// advice to end it with one, followed, applied a file cut after
	// no_match with every rule gone).
	goesOn, more := "", 0
	if lines := strings.Split(strings.TrimRight(string(old), "\r\n"), "\n"); strings.TrimSpace(last) != "" {
		for _, line := range lines[:len(lines)-1] {
			if line = strings.TrimRight(line, "\r"); len(line) > len(last) && strings.HasPrefix(line, last) {
				goesOn = line[len(last):]
				break
			}
		}
	}
	if !cut && goesOn == "" {
		return nil
	}
	if rest, ok := bytes.CutPrefix(old, data); ok && strings.TrimSpace(last) != "" {
		line, after, _ := strings.Cut(string(rest), "\n")
		if line = strings.TrimRight(line, "\r"); line != "" {
			goesOn, more = line, strings.Count(after, "\n")
		}
	}
	if goesOn != "" {
		return cutInsideServedLine(source, data, last, goesOn, more)
	}
	return endsInsideLine(source, data, last)
}

// pushWithoutSecret is the warning of a push.mode that sends through
// WeChat's API without wechat.app_secret, or "".
func (c *Config) pushWithoutSecret() string {
	if c.Push.Mode == jobs.ModeLog || c.Push.Mode == jobs.ModeOff || c.WeChat.AppSecret != "" {
		return ""
	}
	return fmt.Sprintf("push.mode %s sends through WeChat's API, which needs wechat.app_secret (MPBOT_WECHAT_APP_SECRET): the daily push will fail until it is set", c.Push.Mode)
}

// cutInsideServedLine is the error of a file ending inside a line that the
// file being served has longer: cut, whatever line break is added.
func cutInsideServedLine(source string, data []byte, last, goesOn string, more int) error {
	rest := fmt.Sprintf("the served file's line goes on with %s", field(strings.ToValidUTF8(strings.TrimSpace(goesOn), "")))
	if more > 0 {
		rest += fmt.Sprintf(" and %d more lines follow it", more)
	}
	return fmt.Errorf("%s:%d: the file ends inside a line (%s) as a file saved half-way does: %s; save the whole file again (adding a line break would apply the cut file)",
		source, bytes.Count(data, []byte("\n"))+1, field(strings.ToValidUTF8(strings.TrimSpace(last), "")), rest)
}

// cutInsideBlock is the error of data cut at a line's end inside a block of
// text (a reply's |- text, a list item's - |-): the serving file's start,
// the line it goes on with more indented than a block's opening line above,
// and more of the file after the block (an operator run's find: a copy cut
// after no_match's first line was valid YAML, applied with every rule
// gone). A file cut between entries or keys is applied, with the
// fewer-entries warning: deleting a file's last lines is an edit, the last
// lines of its last block too (a review's find: refused at every save).
//
// An edit above the block cut is cut alike (a config run's find: an edit of
// search.min_score saved half-way after no_match's first line was applied,
// every rule gone): what the serving file goes on with is then read after
// the block's text as cut, where the serving file has it.
func cutInsideBlock(old, data []byte, source string) error {
	if len(data) == 0 || data[len(data)-1] != '\n' {
		return nil
	}
	rest, ok := bytes.CutPrefix(old, data)
	if !ok {
		rest, ok = afterBlockCut(old, data)
	}
	if !ok || len(rest) == 0 {
		return nil
	}
	// The line the serving file goes on with, past blank lines: a blank
	// line, or one opening with #, inside a block is its text (a cut
	// before the blank line of a welcome in paragraphs was applied, every
	// rule gone: a re-check's find); where it is not, its indent says so.
	var next string
	for line := range strings.SplitSeq(string(rest), "\n") {
		if line = strings.TrimRight(line, "\r"); strings.TrimSpace(line) != "" {
			next = line
			break
		}
	}
	if next == "" {
		return nil
	}
	indent := indentOf(next)
	lines := strings.Split(strings.TrimRight(string(data), "\r\n"), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		l := strings.TrimRight(lines[i], "\r")
		if strings.TrimSpace(l) == "" || indentOf(l) >= indent {
			continue
		}
		if !blockOpening.MatchString(l) || !goesOnAfter(string(rest), indentOf(l)) {
			return nil
		}
		return fmt.Errorf("%s:%d: the file ends inside the text of %s, which the serving file goes on with (%s), as a file saved half-way does; save it whole and it is read again",
			source, bytes.Count(data, []byte("\n")), field(strings.TrimSpace(l)), field(strings.TrimSpace(next)))
	}
	return nil
}

// afterBlockCut is what old has after the block of text data ends in, from
// its opening line on as data has it, when old has that text at a line's
// start.
func afterBlockCut(old, data []byte) ([]byte, bool) {
	lines := strings.SplitAfter(string(data), "\n")
	last := -1
	for i := len(lines) - 1; i >= 0; i-- {
		if t := strings.TrimSpace(lines[i]); t != "" && !strings.HasPrefix(t, "#") {
			last = i
			break
		}
	}
	if last < 0 {
		return nil, false
	}
	indent := indentOf(strings.TrimRight(lines[last], "\r\n"))
	for i := last - 1; i >= 0; i-- {
		l := strings.TrimRight(lines[i], "\r\n")
		if strings.TrimSpace(l) == "" || indentOf(l) >= indent {
			continue
		}
		if !blockOpening.MatchString(l) {
			return nil, false
		}
		tail := []byte(strings.Join(lines[i:], ""))
		for at := 0; at < len(old); {
			j := bytes.Index(old[at:], tail)
			if j < 0 {
				return nil, false
			}
			// Where what the serving file goes on with, to the first line
			// past the block, is in the edit already, the block is
			// another one, and the file may end whole at the next (a rule
			// appended whose text is an earlier one's first line was
			// refused at every save: a re-check's find; the last block
			// shortened, one above opening alike: a review's).
			if rest := old[at+j+len(tail):]; (at+j == 0 || old[at+j-1] == '\n') && !bytes.Contains(data[:len(data)-len(tail)], throughBlock(rest, indentOf(l))) {
				return rest, true
			}
			at += j + 1
		}
		return nil, false
	}
	return nil, false
}

// throughBlock is rest up to and with its first line outside a block
// opened at indent (all of it when it has none).
func throughBlock(rest []byte, indent int) []byte {
	at := 0
	for at < len(rest) {
		end := bytes.IndexByte(rest[at:], '\n')
		if end < 0 {
			return rest
		}
		line := string(bytes.TrimRight(rest[at:at+end], "\r"))
		at += end + 1
		if strings.TrimSpace(line) != "" && indentOf(line) <= indent {
			return rest[:at]
		}
	}
	return rest
}

// blockOpening is a line opening a block of text: key: |, key: >-, - |-.
var blockOpening = regexp.MustCompile(`(?::|^[ \t]*-)[ \t]+[|>][-+0-9]*[ \t]*(?:#.*)?$`)

// goesOnAfter reports whether rest holds a line outside a block opened at
// indent: one at that indent or less, not blank or a comment.
func goesOnAfter(rest string, indent int) bool {
	for line := range strings.SplitSeq(rest, "\n") {
		line = strings.TrimRight(line, "\r")
		if t := strings.TrimSpace(line); t != "" && !strings.HasPrefix(t, "#") && indentOf(line) <= indent {
			return true
		}
	}
	return false
}

// indentOf is the spaces line opens with.
func indentOf(line string) int { return len(line) - len(strings.TrimLeft(line, " ")) }

// endsInsideLine is the error of a file cut short inside its last line.
// At its line, as every other problem of the file is (an operator run's
// find: it named none).
func endsInsideLine(source string, data []byte, last string) error {
	return fmt.Errorf("%s:%d: the file ends inside a line (%s) as a file saved half-way does; if it is whole, end it with a line break and save it again",
		source, bytes.Count(data, []byte("\n"))+1, field(strings.ToValidUTF8(strings.TrimSpace(last), "")))
}

// cutInsideLineOf is what `check` tells a file by, with no config served to
// compare it with: data ends inside a longer line of old (the shipped
// config), as a save cut half-way does. A whole file of one's own without
// a last line break is not (a review's find: cutShortText, asked of the
// shipped file, said every such file was cut).
func cutInsideLineOf(old, data []byte, source string) error {
	if len(data) == 0 || data[len(data)-1] == '\n' {
		return nil
	}
	last := string(data[bytes.LastIndexByte(data, '\n')+1:])
	if strings.TrimSpace(last) == "" {
		return nil
	}
	for line := range strings.SplitSeq(string(old), "\n") {
		// A line whose rest is its comment is whole (level: info of
		// level: info    # …: a review's find, check refused a whole file
		// serve ran on).
		if rest, ok := strings.CutPrefix(strings.TrimRight(line, "\r"), last); ok && rest != "" && !strings.HasPrefix(strings.TrimSpace(rest), "#") {
			return endsInsideLine(source, data, last)
		}
	}
	return nil
}

// cutInsideShipped is cutInsideLineOf for a loaded file: what serve at
// start-up and check tell it by, with no served config to compare it
// with; nil for the embedded defaults.
func (cfg *Config) cutInsideShipped() error {
	if cfg.source == "embedded defaults" {
		return nil
	}
	return cutInsideLineOf(embeddedConfig, cfg.text, cfg.source)
}

// keyType is the Go type of a config key (section.key), as Config holds it.
func keyType(key string) (reflect.Type, bool) {
	t := reflect.TypeFor[Config]()
	for part := range strings.SplitSeq(key, ".") {
		var ok bool
		if t, ok = fieldType(t, part); !ok {
			return nil, false
		}
	}
	return t, true
}

// keysAt lists the keys a config may have under path, as the decoder names
// it (replies.rules[0], or the root struct's name for the top level); none
// when path is no mapping of fixed keys.
func keysAt(path string) []string {
	t := reflect.TypeFor[Config]()
	if path != "" && !strings.HasPrefix(path, "main.") {
		for part := range strings.SplitSeq(path, ".") {
			name, _, _ := strings.Cut(part, "[") // rules[0] is an entry of rules
			var ok bool
			if t, ok = fieldType(structOf(t), name); !ok {
				return nil
			}
		}
	}
	var keys []string
	var add func(t reflect.Type)
	add = func(t reflect.Type) {
		if t.Kind() != reflect.Struct {
			return
		}
		for i := range t.NumField() {
			f := t.Field(i)
			name, opts, _ := strings.Cut(f.Tag.Get("mapstructure"), ",")
			switch {
			case opts == "squash" || f.Anonymous && name == "":
				add(f.Type)
			case name == "-" || !f.IsExported():
			case name == "":
				keys = append(keys, strings.ToLower(f.Name))
			default:
				keys = append(keys, name)
			}
		}
	}
	add(structOf(t))
	return keys
}

// structOf is t, or what t holds when it is a list or a pointer (a rule
// of replies.rules).
func structOf(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// fieldType is the type of struct t's field named key, or of a struct's it
// squashes into it.
func fieldType(t reflect.Type, key string) (reflect.Type, bool) {
	if t.Kind() != reflect.Struct {
		return nil, false
	}
	for i := range t.NumField() {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("mapstructure"), ",")
		if opts == "squash" || f.Anonymous && name == "" {
			if ft, ok := fieldType(f.Type, key); ok {
				return ft, true
			}
			continue
		}
		if strings.EqualFold(name, key) {
			return f.Type, true
		}
	}
	return nil, false
}

// maxConfigBytes bounds a config file: the shipped one is 80 KB; a 97 MB
// file took check 13 s and 1.15 GB, and a reload grew serve to 820 MB (a
// hostile-input run's find).
const maxConfigBytes = 4 << 20

// readConfigFile reads the config file at path, refusing one past
// maxConfigBytes.
func readConfigFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxConfigBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxConfigBytes {
		return nil, fmt.Errorf("%s is more than %d MB: a config is a few hundred KB at most (is it the right file?)", path, maxConfigBytes>>20)
	}
	return data, nil
}

// maxGroupTerms bounds a synonym group and a related entry: the shipped
// ones have 4 terms at most; a group of 1,479 cost each query half a
// second (a hostile-input run's find).
const maxGroupTerms = 32

// maxShutdownTimeout bounds server.shutdown_timeout, and minPushQPS
// push.qps: a stop, and a push, must end.
const (
	maxShutdownTimeout = 10 * time.Minute
	minPushQPS         = 0.1
)

// scalarHook reads numbers, booleans and durations strictly. Viper decodes
// weakly: min_score: "" and false were 0, max_results: true was 1 and 5.5
// was 5, shutdown_timeout: 10 ten nanoseconds, all without a word. The
// environment's values are text, read here as their key's type.
func scalarHook(_, to reflect.Type, data any) (any, error) {
	v := reflect.ValueOf(data)
	if !v.IsValid() {
		return data, nil
	}
	kind, text := v.Kind(), ""
	if kind == reflect.String {
		text = strings.TrimSpace(v.String())
	}
	number := kind >= reflect.Int && kind <= reflect.Float64
	if to == durationType {
		switch {
		case kind == reflect.String:
			d, err := time.ParseDuration(text)
			if err != nil {
				return nil, fmt.Errorf("not a duration (%s): write it as 500ms, 10s, 5m or 6h (a day is 24h)", strings.TrimPrefix(err.Error(), "time: "))
			}
			return d, nil
		case number && v.Convert(reflect.TypeFor[float64]()).Float() == 0:
			return time.Duration(0), nil
		case number || kind == reflect.Bool:
			return nil, errors.New("a duration needs its unit (500ms, 10s, 5m, 6h)")
		}
		return data, nil
	}
	switch to.Kind() {
	case reflect.Slice:
		// A list written as the environment writes it (keywords: 申论资料,
		// 真题; subscribe_keywords: 订阅，开启): its entries, not one
		// keyword nobody sends (an operator run's find: 订阅 stopped
		// subscribing). A regex stays whole (its {1,3}, its ，?: a
		// review's find).
		if kind == reflect.String && to.Elem().Kind() == reflect.String && (strings.ContainsAny(text, "，、") || strings.Contains(text, ", ") || hanComma(text)) &&
			!strings.ContainsAny(text, `^$()[]{}?*+|\`) {
			return envList(text), nil
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		switch {
		case kind == reflect.String:
			n, err := strconv.ParseInt(text, 10, 64)
			if err != nil {
				n, err = strconv.ParseInt(text, 0, 64) // 0x10, 1_000, as YAML reads them
			}
			if err != nil {
				return nil, errors.New("not a whole number")
			}
			return n, nil
		case kind == reflect.Float32 || kind == reflect.Float64:
			if f := v.Float(); f != math.Trunc(f) {
				return nil, errors.New("not a whole number")
			}
		case kind == reflect.Bool:
			return nil, errors.New("a number, not true or false")
		}
	case reflect.Float32, reflect.Float64:
		switch {
		case kind == reflect.String:
			f, err := strconv.ParseFloat(text, 64)
			if err != nil {
				return nil, errors.New("not a number")
			}
			return f, nil
		case kind == reflect.Bool:
			return nil, errors.New("a number, not true or false")
		}
	case reflect.Bool:
		switch {
		case kind == reflect.String:
			b, err := strconv.ParseBool(text)
			if err != nil {
				return nil, errors.New("not true or false")
			}
			return b, nil
		case number:
			return nil, errors.New("true or false, not a number")
		}
	}
	return data, nil
}

var durationType = reflect.TypeFor[time.Duration]()

// responseHook lets operators write a response as a plain string (a text
// reply) or as a single reply map ({type: …}), and a reply as a plain
// string (reply: 测试).
func responseHook(from, to reflect.Type, data any) (any, error) {
	if to == replySpecType || to == reflect.PointerTo(replySpecType) {
		switch d := data.(type) {
		case string:
			return map[string]any{"type": "text", "content": d}, nil
		case int, int64, uint64, float64:
			// reply: 12345 is the text 12345, as YAML reads it a number
			// (an operator run's find: two errors for it).
			return map[string]any{"type": "text", "content": fmt.Sprint(d)}, nil
		}
		return data, nil
	}
	if to != responseSpecType {
		return data, nil
	}
	switch d := data.(type) {
	case string:
		return map[string]any{"reply": map[string]any{"type": "text", "content": d}}, nil
	case map[string]any:
		if _, ok := d["type"]; ok {
			return map[string]any{"reply": d}, nil
		}
	}
	return data, nil
}

// problems collects what is wrong with a config, each naming its key.
type problems []error

func (p *problems) add(key, format string, args ...any) {
	*p = append(*p, fmt.Errorf("%s: %s", key, fmt.Sprintf(format, args...)))
}

// compile checks every section and builds the compiled parts.
func (c *Config) compile() error {
	var p problems
	c.proxies = c.Server.check(&p)
	c.WeChat.check(&p)
	c.Store.check(&p)
	c.Log.check(&p)
	c.State.check(&p)
	c.Search.check(&p)
	c.location = c.Push.check(&p)
	if w := c.pushWithoutSecret(); w != "" {
		// Not an error: push status, report and import need no secret.
		// Unsaid, it showed only when the day's push failed.
		c.warnings = append(c.warnings, w)
	}
	if c.Push.Mode == jobs.ModeLog && c.WeChat.AppSecret != "" {
		// An account's secret with the shipped rehearsal: serving a real
		// account whose followers are told of a daily reading that goes
		// to a file (a newcomer run's find: the start said nothing).
		c.warnings = append(c.warnings, "push.mode log is a rehearsal: each day's reading goes to outbox.jsonl and reaches no follower, while the replies promise it daily; set push.mode to customer, template or broadcast (MPBOT_PUSH_MODE) to send it")
	}
	// A field's value a case or a typo away from an article's value is sent
	// as written to every follower (an operator run's find: "categroy").
	for _, field := range slices.Sorted(maps.Keys(c.Push.TemplateFields)) {
		v := c.Push.TemplateFields[field]
		if slices.Contains(wechat.TemplateSources, v) {
			continue
		}
		// A case, one letter, or two swapped away: English text a word
		// away (time, name, Done) is text (a review's find: two edits
		// warned of them).
		lower := strings.ToLower(v)
		meant := nearest(lower, wechat.TemplateSources, 1)
		for _, src := range wechat.TemplateSources {
			if meant == "" && swappedPair(lower, src) {
				meant = src
			}
		}
		if meant != "" {
			c.warnings = append(c.warnings, fmt.Sprintf("push.template_fields.%s: %q is sent as written; did you mean %s (the article's %s)?", field, v, meant, meant))
		}
	}
	if name, ok := strings.CutPrefix(c.Push.Timezone, "Etc/GMT"); ok && len(name) > 1 {
		// The tz database's Etc zones count the other way (POSIX): an
		// operator who found GMT+8 refused looked up Etc/GMT+8 and pushed
		// at 23:30 China time the evening before (an operator run's find).
		_, offset := time.Now().In(c.location).Zone()
		c.warnings = append(c.warnings, fmt.Sprintf("push.timezone %s is UTC%+d (the Etc zones' signs are inverted: Etc/GMT-8 is UTC+8): push.schedule's times are read in it; China's zone is Asia/Shanghai", c.Push.Timezone, offset/3600))
	}
	if c.State.Driver == "redis" && strings.HasSuffix(c.State.KeyPrefix, ":") {
		// Not changed for the operator: replicas of a fleet on the same
		// prefix must make the same keys, old versions and new.
		c.warnings = append(c.warnings, fmt.Sprintf("state.key_prefix %q ends with a colon, and mpbot adds one: keys read %s:followup:…", c.State.KeyPrefix, c.State.KeyPrefix))
	}
	c.keep = c.Insights.check(&p)
	c.Admin.check(&p)
	if c.Admin.Addr != "" && c.Admin.Token != "" && sameListener(c.Admin.Addr, c.Server.Addr) {
		// serve had said only "address already in use", sending the
		// operator to look for another process (an operator run's find).
		p.add("admin.addr", "%q is server.addr's port: the console needs one of its own", c.Admin.Addr)
	}
	// From now: in a zone with summer time the hour said follows the
	// season as of the config's load (a review's find: New York's 7:30 is
	// China's 19:30 in summer, 20:30 in winter).
	c.Push.Firings = jobs.Firings(c.Push.Schedule, c.location, time.Now(), 16)
	c.Push.Paused = c.Push.Mode == jobs.ModeOff
	settings, err := bot.Compile(c.Replies, c.Search.SearchSpec, c.Push.PushSpec, search.Fold)
	if err != nil {
		p = append(p, err)
	}
	if settings != nil && c.location != nil {
		settings.SetReadingZone(c.location)
	}
	if settings != nil {
		c.warnings = append(c.warnings, bot.Taken(settings)...)
	}
	c.settings = settings
	var answered func(string) bool
	if settings != nil {
		answered = settings.AnswersKey
	}
	p = append(p, wechat.CheckMenu(c.Menu.Buttons, answered)...)
	return errors.Join(p...)
}

// check validates the server section and returns its trusted proxies.
func (c ServerConfig) check(p *problems) []netip.Prefix {
	if err := checkAddr(c.Addr); err != nil {
		p.add("server.addr", "%v", err)
	}
	// The health checks and metrics answer GET on their paths before the
	// webhook would: on /readyz, WeChat's URL check got "ready: 17 articles
	// indexed" (an operator run's find).
	if !strings.HasPrefix(c.Path, "/") || slices.Contains([]string{"/healthz", "/readyz", "/metrics"}, c.Path) {
		p.add("server.path", "%q must start with / and not be /healthz, /readyz or /metrics", c.Path)
	}
	if c.ReplyBudget <= 0 || c.ReplyBudget > 4500*time.Millisecond {
		p.add("server.reply_budget", "%v must be above 0 and leave room within WeChat's 5 s (at most 4.5s)", c.ReplyBudget)
	}
	if c.ShutdownTimeout <= 0 || c.ShutdownTimeout > maxShutdownTimeout {
		// Bounded too: 2562047h passed, and a stop would wait for ever on
		// one hung request (a hostile-input run's find).
		p.add("server.shutdown_timeout", "%v must be positive and at most %v", c.ShutdownTimeout, maxShutdownTimeout)
	}
	proxies, err := wechat.ParseProxies(c.TrustedProxies)
	if err != nil {
		p.add("server.trusted_proxies", "%v", err)
	}
	return proxies
}

// sameListener reports whether two listen addresses take the same port
// on a host both listen on (an empty host or 0.0.0.0 is every one; localhost
// is 127.0.0.1: a review's find; 127.0.0.2 and [::1] are others, a
// re-check's); port 0 is any free one.
func sameListener(a, b string) bool {
	hostA, portA, errA := net.SplitHostPort(a)
	hostB, portB, errB := net.SplitHostPort(b)
	if errA != nil || errB != nil || portA != portB || portA == "0" || portA == "" {
		return false
	}
	every := func(h string) bool { return h == "" || h == "0.0.0.0" || h == "::" }
	named := func(h string) string {
		if h == "localhost" { // what net.Listen binds for it
			return "127.0.0.1"
		}
		return h
	}
	return named(hostA) == named(hostB) || every(hostA) || every(hostB)
}

// checkAddr checks a listen address: host:port, the port a number up to
// 65535 or empty (any free one). A service name (:http) is refused: chat
// and the logs read the address as a URL's.
func checkAddr(addr string) error {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("%q is not host:port", addr)
	}
	if _, err := strconv.ParseUint(port, 10, 16); err != nil && port != "" {
		return fmt.Errorf("%q: the port must be a number from 0 to 65535", addr)
	}
	return nil
}

func (c WeChatConfig) check(p *problems) {
	if c.Token == "" {
		p.add("wechat.token", "is empty; copy 令牌(Token) from the console")
	}
	if c.EncodingAESKey != "" {
		if _, err := wechat.DecodeAESKey(string(c.EncodingAESKey)); err != nil {
			p.add("wechat.encoding_aes_key", "%v", err)
		}
	}
	switch c.Mode {
	case "":
	case wechat.ModePlain, wechat.ModeCompat, wechat.ModeSafe:
		if c.Mode != wechat.ModePlain && c.EncodingAESKey == "" {
			p.add("wechat.mode", "%s needs wechat.encoding_aes_key", c.Mode)
		}
	default:
		p.add("wechat.mode", "%q is not plain, compat or safe", c.Mode)
	}
	if c.AppID == "" {
		p.add("wechat.app_id", "is empty")
	}
	if !strings.HasPrefix(c.APIBase, "http://") && !strings.HasPrefix(c.APIBase, "https://") {
		p.add("wechat.api_base", "%q is not an http(s) URL", c.APIBase)
	}
}

func (c StoreConfig) check(p *problems) {
	switch c.Driver {
	case "sqlite":
		switch {
		case c.Path == "":
			p.add("store.path", "is empty")
		case strings.Contains(c.Path, "://"):
			p.add("store.path", "%q is an address, not an SQLite file: for PostgreSQL set store.driver: postgres and store.dsn", c.Path)
		}
	case "postgres":
		if c.DSN == "" {
			p.add("store.dsn", "is empty; store.driver postgres needs it (e.g. postgres://user@host:5432/mpbot)")
		}
	default:
		p.add("store.driver", "%q is not sqlite or postgres", c.Driver)
	}
}

func (c LogConfig) check(p *problems) {
	switch c.Level {
	case "debug", "info", "warn", "error":
	default:
		p.add("log.level", "%q is not debug, info, warn or error", c.Level)
	}
	if c.Format != "text" && c.Format != "json" {
		p.add("log.format", "%q is not text or json", c.Format)
	}
}

func (c StateConfig) check(p *problems) {
	switch c.Driver {
	case "memory":
	case "redis":
		if c.RedisURL == "" {
			p.add("state.redis_url", "is empty; state.driver redis needs it")
		}
	default:
		p.add("state.driver", "%q is not memory or redis", c.Driver)
	}
}

func (c SearchConfig) check(p *problems) {
	if c.CacheSize < 0 {
		p.add("search.cache_size", "%d is negative", c.CacheSize)
	}
	// Terms are checked as the search reads them (NormalizeTerm), so that a
	// term it would ignore or merge is named here rather than silently
	// doing nothing.
	normalized := func(key, term string) string {
		norm := search.NormalizeTerm(term)
		switch {
		case strings.TrimSpace(term) == "":
			p.add(key, "has an empty term")
		case norm == "":
			p.add(key, "%q is only question words, which search takes out of queries; it would never match", term)
		case norm != strings.ToLower(strings.TrimSpace(term)):
			p.add(key, "%q is searched as %q (question words such as 技巧 or 是什么 are taken out); write that", term, norm)
		}
		return norm
	}
	seen := map[string]int{}
	for i, g := range c.Synonyms {
		key := fmt.Sprintf("search.synonyms[%d]", i)
		switch {
		case len(g) < 2:
			p.add(key, "a group needs at least two terms, got %v", g)
		case len(g) > maxGroupTerms:
			p.add(key, "a group of %d terms: at most %d (each query holding one searches them all)", len(g), maxGroupTerms)
		}
		for _, term := range g {
			norm := normalized(key, term)
			if norm == "" {
				continue
			}
			if j, dup := seen[norm]; dup && j != i {
				p.add(key, "%q is already in search.synonyms[%d]; merge the groups", term, j)
			}
			seen[norm] = i
		}
	}
	keys := map[string]int{}
	for i, r := range c.Related {
		key := fmt.Sprintf("search.related[%d]", i)
		switch {
		case len(r) < 2:
			p.add(key, "needs a term and at least one related term, got %v", r)
		case len(r) > maxGroupTerms:
			p.add(key, "%d terms: at most %d (each query holding the first searches them all)", len(r), maxGroupTerms)
		}
		for k, term := range r {
			norm := normalized(key, term)
			if k > 0 || norm == "" {
				continue
			}
			if j, dup := keys[norm]; dup {
				p.add(key, "%q already has related terms in search.related[%d]; merge the entries", term, j)
			}
			keys[norm] = i
			// A synonym is found in the text before words are cut, so a
			// related term that is also one would be read as the synonym.
			if j, ok := seen[norm]; ok {
				p.add(key, "%q is in search.synonyms[%d], which finds it first; give it one place", term, j)
			}
		}
	}
}

// check validates the push section and returns its time zone.
func (c PushConfig) check(p *problems) *time.Location {
	if c.Category == "" {
		p.add("push.category", "is empty")
	}
	loc, err := time.LoadLocation(c.Timezone)
	switch {
	case err != nil || c.Timezone == "":
		p.add("push.timezone", "%q is not a time zone such as Asia/Shanghai", c.Timezone)
		loc = time.UTC
	case strings.EqualFold(c.Timezone, "Local"):
		// Go reads it as the machine's zone: the same file pushed at 7:30
		// on a laptop in China and at 15:30 on a server in UTC (an
		// operator run's find).
		p.add("push.timezone", "Local is the machine's own zone, which differs from machine to machine: name the zone, such as Asia/Shanghai")
		loc = time.UTC
	}
	switch c.Mode {
	case jobs.ModeLog, jobs.ModeCustomer, jobs.ModeBroadcast, jobs.ModeOff:
	case jobs.ModeTemplate:
		if c.TemplateID == "" || len(c.TemplateFields) == 0 {
			p.add("push.template_id", "template mode needs push.template_id and push.template_fields")
		}
	default:
		p.add("push.mode", "%q is not log, customer, template, broadcast or off", c.Mode)
	}
	if _, err := jobs.ParseSchedule(c.Schedule); err != nil {
		p.add("push.schedule", "%v", err)
	} else if strings.HasPrefix(strings.TrimSpace(c.Schedule), "@every") {
		// It counts from when the process started, at no time of day:
		// each restart moved the push, and the replies' {push_time} said
		// the start's minute (an operator run's find: 12:12, a minute
		// later 12:13).
		p.add("push.schedule", "%q fires an interval after each start, at no time of day: write the day's time as minute and hour, such as \"30 7 * * *\" (7:30 every day)", c.Schedule)
	}
	if c.LeaseTTL < time.Second {
		p.add("push.lease_ttl", "%v is under 1s", c.LeaseTTL)
	}
	if c.CatchUp < 0 {
		p.add("push.catch_up", "%v is negative", c.CatchUp)
	}
	if c.CatchUp > 24*time.Hour {
		// A missed run is caught up on its own day only: more says
		// nothing more (an operator run's find: 30h passed).
		p.add("push.catch_up", "%v is more than a day: a missed push is run at start-up on its own day only", c.CatchUp)
	}
	if c.TagID < 0 {
		p.add("push.tag_id", "%d is no tag: 0 sends to every follower, a tag's id to its followers", c.TagID)
	}
	if c.PreviewLead < 0 {
		p.add("push.preview_lead", "%v is negative", c.PreviewLead)
	}
	if c.PreviewLead >= 24*time.Hour {
		// The run waits out the lead holding its day: a day or more sends
		// the day's reading on another (an operator run's find: 720h).
		p.add("push.preview_lead", "%v is a day or more: the day's reading would go out on another day", c.PreviewLead)
	}
	if !(c.QPS >= minPushQPS) || math.IsInf(c.QPS, 1) {
		// (NaN is no more positive than 0 is: .nan had passed.) At
		// least one call in 10 s: 1e-9 passed and stalled the push for
		// good (a hostile-input run's find).
		p.add("push.qps", "%v must be a number of at least %v (calls a second)", c.QPS, minPushQPS)
	}
	for i, id := range c.PreviewOpenIDs {
		if !isOpenID(id) {
			p.add(fmt.Sprintf("push.preview_openids[%d]", i), "%q is not an openid (letters, digits, - and _; give each openid as its own entry, or comma-separated in MPBOT_PUSH_PREVIEW_OPENIDS)", id)
		}
	}
	return loc
}

// isOpenID reports whether id can be a follower's openid, which WeChat
// makes of 28 letters, digits, - and _: a space or a stray quote would
// otherwise reach the API as one recipient no one is, at send time.
func isOpenID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// mode resolves wechat.mode: empty means safe when there is a key.
func (c *Config) mode() string {
	switch {
	case c.WeChat.Mode != "":
		return c.WeChat.Mode
	case c.WeChat.EncodingAESKey != "":
		return wechat.ModeSafe
	}
	return wechat.ModePlain
}

// today is the date in push.timezone.
func (c *Config) today(now time.Time) string { return now.In(c.location).Format(content.DateLayout) }

// restartSections are read once, when serve starts, and so is
// push.catch_up (whether a push missed while down runs at start-up); every
// other key applies on reload.
var (
	restartSections = []string{"server", "wechat", "store", "log", "state", "insights", "admin"}
	restartKeys     = []string{"push.catch_up"}
	// hotKeys of restartSections apply on reload all the same: shutdown
	// reads the config of the moment.
	hotKeys = []string{"server.shutdown_timeout"}
)

// needsRestart names the keys whose change (from the running config) a
// reload cannot apply.
func needsRestart(running, edited *Config) []string {
	var changed []string
	rv, ev := reflect.ValueOf(running).Elem(), reflect.ValueOf(edited).Elem()
	for i := range rv.NumField() {
		section := rv.Type().Field(i).Tag.Get("mapstructure")
		if section == "" || section == "replies" {
			continue
		}
		rs, es := rv.Field(i), ev.Field(i)
		for j := range rs.NumField() {
			key := section + "." + rs.Type().Field(j).Tag.Get("mapstructure")
			if !slices.Contains(restartSections, section) && !slices.Contains(restartKeys, key) || slices.Contains(hotKeys, key) {
				continue
			}
			if !reflect.DeepEqual(rs.Field(j).Interface(), es.Field(j).Interface()) {
				changed = append(changed, key)
			}
		}
	}
	return changed
}

// field quotes a value from the file for a message, cut to 60 bytes.
func field(s string) string {
	if len(s) > 60 {
		i := 60
		for i > 0 && !utf8.RuneStart(s[i]) { // not inside a character
			i--
		}
		s = s[:i] + "…"
	}
	return strconv.Quote(s)
}
