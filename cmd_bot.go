package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"mpbot/bot"
	"mpbot/bot/wechat"
)

func (c *cli) serveCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "serve",
		Short: "Run the webhook",
		Args:  usage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := c.load(cmd)
			if err != nil {
				c.warnCutFile()
				return err
			}
			watch := ""
			if cfg.source != "embedded defaults" {
				watch = cfg.source
			}
			return serve(cmd.Context(), cfg, watch, limitRepeats(newLogger(cfg.Log, c.stderr)))
		},
	}
}

func (c *cli) checkCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: "Validate the config and print the compiled rules",
		Args:  usage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			// Every warning goes to stderr, the rules alone to stdout: a
			// warning on stdout was one line among hundreds of rules, and a
			// run that read stderr and the exit status saw a file cut inside
			// a reply's text pass (operator runs' finds).
			warn := func(ws []string) {
				for _, u := range ws {
					fmt.Fprintf(c.stderr, "warning: %s\n", u)
				}
			}
			// What a reload refuses as cut short it tells against the
			// config it serves, which check cannot see; check tells it
			// against the shipped one, and refuses a file cut inside a
			// line of it as the reload would, what the cut broke after it
			// (it had been warned of, exit 0, where the reload refused
			// it: an operator run's find).
			cfg, err := c.load(cmd)
			if err != nil {
				if cut := c.cutFile(); cut != nil {
					// What the cut broke follows from it, as a reload
					// says (a cut inside a character had been told to
					// save the file as UTF-8, which it was: a newcomer
					// run's find).
					fmt.Fprintln(c.stderr, cut)
					return exitError{1}
				}
				// A problem is said at its file and line, which editors
				// and terminals jump to; one that names no place in the
				// file (a --config file not there, a key the file lacks)
				// is said as every command says its errors (an operator
				// run's find: "config: open …" alone).
				if msg := err.Error(); strings.HasPrefix(msg, c.configPath+":") {
					fmt.Fprintln(c.stderr, msg)
				} else {
					fmt.Fprintln(c.stderr, "mpbot:", msg)
				}
				warn(defaultEnvWarnings())
				return exitError{1}
			}
			if err := cfg.publicDemo(); err != nil { // serve would refuse to start
				fmt.Fprintf(c.stderr, "%s: %v\n", cfg.source, err)
				return exitError{1}
			}
			if cut := cfg.cutInsideShipped(); cut != nil {
				fmt.Fprintln(c.stderr, cut)
				warn(cfg.warnings)
				return exitError{1}
			}
			fmt.Fprintf(c.stdout, "%s: ok (mode %s)\n", cfg.source, cfg.mode())
			warn(cfg.warnings)
			warn(c.unanswered(cmd.Context(), cfg))
			fmt.Fprint(c.stdout, cfg.settings.Describe())
			return nil
		},
	}
}

// warnCutFile tells, on stderr, that the config file that did not load
// ends inside a line of the shipped config, as a save cut half-way does:
// what the cut broke follows from it (a cut inside a key, type: te, read
// as an unknown reply type).
func (c *cli) warnCutFile() {
	if cut := c.cutFile(); cut != nil {
		fmt.Fprintf(c.stderr, "warning: %v\n", cut)
	}
}

// cutFile says when the config file ends inside a line of the shipped
// config, as a save cut half-way does; nil when it does not, or cannot be
// read.
func (c *cli) cutFile() error {
	if data, err := readConfigFile(c.configPath); err == nil {
		return cutInsideLineOf(embeddedConfig, data, c.configPath)
	}
	return nil
}

func (c *cli) tryCmd() *cobra.Command {
	var openid string
	cmd := &cobra.Command{
		Use:   "try TEXT",
		Short: "Route TEXT as a follower's message and print the reply, without HTTP; no follower, query or list is recorded",
		Args:  usage(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := c.load(cmd)
			if err != nil {
				return err
			}
			a, err := newApp(cmd.Context(), cfg, quietLogger(c.stderr), withBot)
			if err != nil {
				return err
			}
			defer a.close()
			replies := a.bot.Answer(cmd.Context(), bot.Message{From: openid, Kind: bot.KindText, Text: strings.Join(args, " "), SentAt: time.Now()})
			printReplies(c.stdout, replies)
			return nil
		},
	}
	cmd.Flags().StringVar(&openid, "openid", "o_mpbot_try", "the follower's openid")
	return cmd
}

func printReplies(w io.Writer, replies []bot.Reply) {
	if len(replies) == 0 {
		fmt.Fprintln(w, "(no reply)")
	}
	for i, r := range replies {
		if i > 0 {
			fmt.Fprintln(w, "\n(then, through the customer-service API:)")
		}
		fmt.Fprintln(w, r.String())
	}
}

func (c *cli) chatCmd() *cobra.Command {
	var url, openid string
	cmd := &cobra.Command{
		Use:   "chat",
		Short: "Play WeChat against a running server: type messages, see replies",
		Long: `chat signs (and, with an AES key, encrypts) each line as WeChat would and
prints the verified reply. Lines starting with / are events and other kinds:
  /subscribe [SCENE]  /scan SCENE  /unsubscribe  /click KEY  /voice TEXT  /image  /location  /quit`,
		Args: usage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := c.load(cmd)
			if err != nil {
				return err
			}
			if url == "" {
				url = "http://" + cfg.Server.Addr + cfg.Server.Path
			}
			sim := &wechat.Simulator{URL: url, Token: string(cfg.WeChat.Token), AppID: cfg.WeChat.AppID, Account: "gh_mpbot"}
			if cfg.mode() != wechat.ModePlain {
				sim.AESKey = string(cfg.WeChat.EncodingAESKey)
			}
			return chat(cmd.Context(), sim, openid, c.stdin, c.stdout)
		},
	}
	cmd.Flags().StringVar(&url, "url", "", "webhook URL (default http://<server.addr><server.path>)")
	cmd.Flags().StringVar(&openid, "openid", "o_mpbot_chat", "the follower's openid")
	return cmd
}

// chatCommands are the lines chat sends as events and other kinds.
const chatCommands = "/subscribe [SCENE], /scan SCENE, /unsubscribe, /click KEY, /voice TEXT, /image, /location, /quit"

// chat reads lines and sends each as a message from openid.
func chat(ctx context.Context, sim *wechat.Simulator, openid string, stdin io.Reader, stdout io.Writer) error {
	fmt.Fprintf(stdout, "talking to %s as %s; %s\n", sim.URL, openid, chatCommands)
	sc := bufio.NewScanner(stdin)
	msgID := time.Now().UnixNano() / 1000
	failed := 0
	done := func() error {
		if failed > 0 { // a script piped in learns it from the exit status
			return fmt.Errorf("%d %s got no reply from %s", failed, map[bool]string{true: "message", false: "messages"}[failed == 1], sim.URL)
		}
		return nil
	}
	for {
		fmt.Fprint(stdout, "> ")
		if !sc.Scan() {
			fmt.Fprintln(stdout)
			if err := sc.Err(); err != nil {
				return err
			}
			return done()
		}
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		msgID++
		in := wechat.Inbound{From: openid, MsgType: "text", Content: line, MsgID: msgID, CreateTime: time.Now().Unix()}
		cmd, arg, _ := strings.Cut(line, " ")
		switch cmd {
		case "/quit", "/exit":
			return done()
		case "/subscribe", "/unsubscribe":
			in = wechat.Inbound{From: openid, MsgType: "event", Event: strings.TrimPrefix(cmd, "/"), CreateTime: in.CreateTime, EventKey: arg}
		case "/click":
			in = wechat.Inbound{From: openid, MsgType: "event", Event: "CLICK", EventKey: arg, CreateTime: in.CreateTime}
		case "/scan":
			if arg == "" {
				fmt.Fprintln(stdout, "/scan needs the channel's scene: /scan SCENE")
				continue
			}
			// A follower scanning a channel's code while following: the
			// scene's welcome again.
			in = wechat.Inbound{From: openid, MsgType: "event", Event: "SCAN", EventKey: arg, CreateTime: in.CreateTime}
		case "/voice":
			in.MsgType, in.Content, in.Recognition = "voice", "", arg
			in.Extra = "<MediaId><![CDATA[chat-voice]]></MediaId><Format><![CDATA[amr]]></Format>"
		case "/image":
			in.MsgType, in.Content = "image", ""
			in.Extra = "<PicUrl><![CDATA[https://example.com/p.jpg]]></PicUrl><MediaId><![CDATA[chat-image]]></MediaId>"
		case "/location":
			in.MsgType, in.Content = "location", ""
			in.Extra = "<Location_X>31.23</Location_X><Location_Y>121.47</Location_Y><Scale>15</Scale><Label><![CDATA[上海]]></Label>"
		default:
			if strings.HasPrefix(cmd, "/") {
				fmt.Fprintf(stdout, "unknown command %s: %s\n", cmd, chatCommands)
				continue
			}
		}
		out, err := sim.Send(ctx, in)
		if err != nil {
			failed++
			// The request's URL carries its signature: say where, not that.
			if ue := (*url.Error)(nil); errors.As(err, &ue) {
				err = fmt.Errorf("cannot reach %s: %w", sim.URL, ue.Err)
				// Nothing listening there: most often serve is not running
				// (a newcomer's run: the dial's error and no more).
				if errors.Is(ue.Err, syscall.ECONNREFUSED) {
					err = fmt.Errorf("%w (chat talks to a running serve: is mpbot serve running? Start it with the same --config in another terminal, or give its webhook with --url)", err)
				}
			}
			// Refused as forged: most often another config's token or
			// key than the server's (an operator run's find: it said 401
			// and no more).
			if se := (*wechat.StatusError)(nil); errors.As(err, &se) && se.Code == http.StatusUnauthorized {
				err = fmt.Errorf("%w (the server refused the signature: are wechat.token and wechat.encoding_aes_key, in --config or MPBOT_WECHAT_TOKEN and MPBOT_WECHAT_ENCODING_AES_KEY as serve read them, the server's? Export the same variables in this terminal)", err)
			}
			fmt.Fprintln(stdout, "error:", err)
			continue
		}
		fmt.Fprintln(stdout, out.String())
	}
}

// unanswered checks the config's articles replies against its store, as
// serve does at its start (bot.Unanswered), when the store is there: check
// before a save then says what serve would warn of. A store that cannot be
// read is said, not an error: the config itself is fine.
func (c *cli) unanswered(ctx context.Context, cfg *Config) []string {
	if _, missing := cfg.Store.missing(); missing {
		return nil // a config checked apart from its store (no store made here)
	}
	// The library without the demo articles: check writes nothing, and an
	// empty store is left empty, as a missing one is (an operator run's
	// find: check had seeded an empty PostgreSQL database with the demo).
	a, err := newApp(ctx, cfg, quietLogger(io.Discard), withLibrary)
	if err != nil {
		// What serve would say starting here (a fleet run's find: a Redis
		// that refuses the config was told as the store unread).
		return []string{fmt.Sprintf("serve could not start with it here, so the articles replies were not checked against the store: %v", err)}
	}
	defer a.close()
	if a.library.Index().Len() == 0 {
		return nil // serve fills it with the demo articles; nothing of the operator's to check
	}
	a.bot = a.newBot(cfg, false)
	found, err := a.unansweredOf(ctx, cfg)
	if err != nil {
		found = append(found, fmt.Sprintf("the articles replies were not all checked against the store: %v", err))
	}
	return found
}
