package main

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"reflect"
	"strings"
	"time"

	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/viper"

	"mpbot/bot"
	"mpbot/bot/wechat"
	"mpbot/content"
	"mpbot/jobs"
)

//go:embed config.yaml
var embeddedConfig []byte

// Config is config.yaml parsed and validated. It is never mutated: a reload
// builds a new one.
type Config struct {
	Server  ServerConfig    `mapstructure:"server"`
	WeChat  WeChatConfig    `mapstructure:"wechat"`
	Store   StoreConfig     `mapstructure:"store"`
	Log     LogConfig       `mapstructure:"log"`
	Search  SearchConfig    `mapstructure:"search"`
	Push    PushConfig      `mapstructure:"push"`
	State   StateConfig     `mapstructure:"state"`
	Replies bot.RepliesSpec `mapstructure:"replies"`
}

// ServerConfig is the `server` section.
type ServerConfig struct {
	Addr            string        `mapstructure:"addr"`
	Path            string        `mapstructure:"path"`
	ReplyBudget     time.Duration `mapstructure:"reply_budget"`
	ShutdownTimeout time.Duration `mapstructure:"shutdown_timeout"`
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

// open opens the configured store.
func (c StoreConfig) open(ctx context.Context) (*content.Store, error) {
	if c.Driver == "postgres" {
		return content.OpenPostgres(ctx, string(c.DSN))
	}
	return content.Open(ctx, c.Path)
}

// where names the store for logs, without the DSN's password.
func (c StoreConfig) where() string {
	if c.Driver == "postgres" {
		return "postgres"
	}
	return c.Path
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
	CacheSize      int        `mapstructure:"cache_size"`
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

// demoToken is the token config.yaml ships with; it is public, so it may
// only guard a webhook on the loopback interface.
const demoToken = "mpbot-demo-token"

// loaded is one accepted configuration: the typed config and the compiled
// reply settings built from it.
type loaded struct {
	cfg      *Config
	settings *bot.Settings
	source   string // the file read, or "embedded defaults"
}

// loadConfig reads path (or the embedded defaults when path is the default
// and absent), applies MPBOT_* environment overrides, and validates it all.
// Every problem is reported at once, each naming its key.
func loadConfig(path string, explicit bool) (*loaded, error) {
	v := viper.New()
	v.SetConfigType("yaml")
	if err := setDefaults(v); err != nil {
		return nil, err
	}
	source := path
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist) && !explicit:
		data, source = embeddedConfig, "embedded defaults"
	case err != nil:
		return nil, fmt.Errorf("config: %w", err)
	}
	if err := v.ReadConfig(bytes.NewReader(data)); err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	v.SetEnvPrefix("MPBOT")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	for _, key := range v.AllKeys() {
		if !strings.HasPrefix(key, "replies.") {
			v.BindEnv(key) // Unmarshal ignores environment variables of unbound keys
		}
	}
	var cfg Config
	if err := v.UnmarshalExact(&cfg, viper.DecodeHook(mapstructure.ComposeDecodeHookFunc(
		mapstructure.StringToTimeDurationHookFunc(),
		responseHook,
	))); err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	settings, err := cfg.validate()
	if err != nil {
		return nil, fmt.Errorf("%s:\n%w", source, err)
	}
	return &loaded{cfg: &cfg, settings: settings, source: source}, nil
}

// setDefaults makes every scalar key of the embedded config.yaml a default,
// so a short config.yaml only says what differs. Replies are not defaulted:
// an operator who writes rules means exactly those rules.
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

var responseSpecType = reflect.TypeFor[bot.ResponseSpec]()

// responseHook lets operators write a response as a plain string (a text
// reply) or as a single reply map ({type: …}).
func responseHook(from, to reflect.Type, data any) (any, error) {
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

// validate checks the typed config and compiles the replies.
func (c *Config) validate() (*bot.Settings, error) {
	var errs []error
	bad := func(key, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", key, fmt.Sprintf(format, args...)))
	}
	if _, _, err := net.SplitHostPort(c.Server.Addr); err != nil {
		bad("server.addr", "%q is not host:port", c.Server.Addr)
	}
	if !strings.HasPrefix(c.Server.Path, "/") || c.Server.Path == "/healthz" {
		bad("server.path", "%q must start with / and not be /healthz", c.Server.Path)
	}
	if c.Server.ReplyBudget <= 0 || c.Server.ReplyBudget > 4500*time.Millisecond {
		bad("server.reply_budget", "%v must be above 0 and leave room within WeChat's 5 s (at most 4.5s)", c.Server.ReplyBudget)
	}
	if c.Server.ShutdownTimeout <= 0 {
		bad("server.shutdown_timeout", "%v must be positive", c.Server.ShutdownTimeout)
	}
	if c.WeChat.Token == "" {
		bad("wechat.token", "is empty; copy 令牌(Token) from the console")
	}
	if c.WeChat.EncodingAESKey != "" {
		if _, err := wechat.DecodeAESKey(string(c.WeChat.EncodingAESKey)); err != nil {
			bad("wechat.encoding_aes_key", "%v", err)
		}
	}
	switch c.WeChat.Mode {
	case "":
	case wechat.ModePlain, wechat.ModeCompat, wechat.ModeSafe:
		if c.WeChat.Mode != wechat.ModePlain && c.WeChat.EncodingAESKey == "" {
			bad("wechat.mode", "%s needs wechat.encoding_aes_key", c.WeChat.Mode)
		}
	default:
		bad("wechat.mode", "%q is not plain, compat or safe", c.WeChat.Mode)
	}
	if c.WeChat.AppID == "" {
		bad("wechat.app_id", "is empty")
	}
	if !strings.HasPrefix(c.WeChat.APIBase, "http://") && !strings.HasPrefix(c.WeChat.APIBase, "https://") {
		bad("wechat.api_base", "%q is not an http(s) URL", c.WeChat.APIBase)
	}
	switch c.Store.Driver {
	case "sqlite":
		if c.Store.Path == "" {
			bad("store.path", "is empty")
		}
	case "postgres":
		if c.Store.DSN == "" {
			bad("store.dsn", "is empty; store.driver postgres needs it (e.g. postgres://user@host:5432/mpbot)")
		}
	default:
		bad("store.driver", "%q is not sqlite or postgres", c.Store.Driver)
	}
	switch c.Log.Level {
	case "debug", "info", "warn", "error":
	default:
		bad("log.level", "%q is not debug, info, warn or error", c.Log.Level)
	}
	if c.Log.Format != "text" && c.Log.Format != "json" {
		bad("log.format", "%q is not text or json", c.Log.Format)
	}
	if c.Push.Category == "" {
		bad("push.category", "is empty")
	}
	if _, err := time.LoadLocation(c.Push.Timezone); err != nil || c.Push.Timezone == "" {
		bad("push.timezone", "%q is not a time zone such as Asia/Shanghai", c.Push.Timezone)
	}
	switch c.Push.Mode {
	case jobs.ModeLog, jobs.ModeCustomer, jobs.ModeBroadcast:
	case jobs.ModeTemplate:
		if c.Push.TemplateID == "" || len(c.Push.TemplateFields) == 0 {
			bad("push.template_id", "template mode needs push.template_id and push.template_fields")
		}
	default:
		bad("push.mode", "%q is not log, customer, template or broadcast", c.Push.Mode)
	}
	if _, err := jobs.ParseSchedule(c.Push.Schedule); err != nil {
		bad("push.schedule", "%v", err)
	}
	if c.Search.CacheSize < 0 {
		bad("search.cache_size", "%d is negative", c.Search.CacheSize)
	}
	if c.Push.LeaseTTL < time.Second {
		bad("push.lease_ttl", "%v is under 1s", c.Push.LeaseTTL)
	}
	if c.Push.CatchUp < 0 {
		bad("push.catch_up", "%v is negative", c.Push.CatchUp)
	}
	switch c.State.Driver {
	case "memory":
	case "redis":
		if c.State.RedisURL == "" {
			bad("state.redis_url", "is empty; state.driver redis needs it")
		}
	default:
		bad("state.driver", "%q is not memory or redis", c.State.Driver)
	}
	if c.Push.PreviewLead < 0 {
		bad("push.preview_lead", "%v is negative", c.Push.PreviewLead)
	}
	if c.Push.QPS <= 0 {
		bad("push.qps", "%v must be positive", c.Push.QPS)
	}
	seen := map[string]int{}
	for i, g := range c.Search.Synonyms {
		if len(g) < 2 {
			bad(fmt.Sprintf("search.synonyms[%d]", i), "a group needs at least two terms, got %v", g)
		}
		for _, term := range g {
			key := strings.ToLower(strings.TrimSpace(term))
			if key == "" {
				bad(fmt.Sprintf("search.synonyms[%d]", i), "has an empty term")
				continue
			}
			if j, dup := seen[key]; dup && j != i {
				bad(fmt.Sprintf("search.synonyms[%d]", i), "%q is already in search.synonyms[%d]; merge the groups", term, j)
			}
			seen[key] = i
		}
	}
	settings, err := bot.Compile(c.Replies, c.Search.SearchSpec, c.Push.PushSpec)
	if err != nil {
		errs = append(errs, err)
	}
	return settings, errors.Join(errs...)
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

// location is push.timezone, already validated.
func (c *Config) location() *time.Location {
	loc, err := time.LoadLocation(c.Push.Timezone)
	if err != nil {
		return time.UTC
	}
	return loc
}

// needsRestart names the sections whose change a live reload cannot apply.
func needsRestart(old, new *Config) []string {
	var changed []string
	if old.Server != new.Server {
		changed = append(changed, "server")
	}
	if old.WeChat != new.WeChat {
		changed = append(changed, "wechat")
	}
	if old.Store != new.Store {
		changed = append(changed, "store")
	}
	if old.Log != new.Log {
		changed = append(changed, "log")
	}
	if old.State != new.State {
		changed = append(changed, "state")
	}
	return changed
}
