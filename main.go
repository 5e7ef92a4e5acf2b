// Command mpbot is a WeChat Official Account bot for a study platform: it
// answers followers with the best-matching articles and keyword replies.
package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	_ "time/tzdata" // push.timezone must resolve on machines without zoneinfo

	"mpbot/bot"
	"mpbot/bot/wechat"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// exitError carries an exit code for errors already explained to the user.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// run is main without the process: tests call it directly.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd(stdin, stdout, stderr)
	root.SetArgs(args)
	if err := root.ExecuteContext(ctx); err != nil {
		var ee exitError
		if errors.As(err, &ee) {
			return ee.code
		}
		fmt.Fprintln(stderr, "mpbot:", err)
		return 1
	}
	return 0
}

func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	var configPath string
	root := &cobra.Command{
		Use:           "mpbot",
		Short:         "A WeChat Official Account bot that answers followers with the right article",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.PersistentFlags().StringVar(&configPath, "config", "config.yaml", "config file (the embedded defaults when ./config.yaml is absent)")
	load := func(cmd *cobra.Command) (*loaded, error) {
		return loadConfig(configPath, cmd.Flags().Changed("config"))
	}

	root.AddCommand(&cobra.Command{
		Use:   "serve",
		Short: "Run the webhook",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ld, err := load(cmd)
			if err != nil {
				return err
			}
			log := newLogger(ld.cfg.Log, stderr)
			watch := ""
			if ld.source != "embedded defaults" {
				watch = ld.source
			}
			return serve(cmd.Context(), ld, watch, log)
		},
	})

	root.AddCommand(&cobra.Command{
		Use:   "check",
		Short: "Validate the config and print the compiled rules",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ld, err := load(cmd)
			if err != nil {
				fmt.Fprintln(stderr, err)
				return exitError{1}
			}
			fmt.Fprintf(stdout, "%s: ok (mode %s)\n%s", ld.source, ld.cfg.mode(), ld.settings.Describe())
			return nil
		},
	})

	var tryOpenID string
	tryCmd := &cobra.Command{
		Use:   "try TEXT",
		Short: "Route TEXT as a follower's message and print the reply, without HTTP",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ld, err := load(cmd)
			if err != nil {
				return err
			}
			log := quietLogger(stderr)
			a, err := newApp(cmd.Context(), ld, log, false)
			if err != nil {
				return err
			}
			defer a.close()
			replies := a.bot.Answer(cmd.Context(), bot.Message{From: tryOpenID, Kind: bot.KindText, Text: strings.Join(args, " "), SentAt: time.Now()})
			printReplies(stdout, replies)
			return nil
		},
	}
	tryCmd.Flags().StringVar(&tryOpenID, "openid", "o_mpbot_try", "the follower's openid")
	root.AddCommand(tryCmd)

	var chatURL, chatOpenID string
	chatCmd := &cobra.Command{
		Use:   "chat",
		Short: "Play WeChat against a running server: type messages, see replies",
		Long: `chat signs (and, with an AES key, encrypts) each line as WeChat would and
prints the verified reply. Lines starting with / are events and other kinds:
  /subscribe  /unsubscribe  /click KEY  /voice TEXT  /image  /location  /quit`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ld, err := load(cmd)
			if err != nil {
				return err
			}
			if chatURL == "" {
				chatURL = "http://" + ld.cfg.Server.Addr + ld.cfg.Server.Path
			}
			sim := &wechat.Simulator{URL: chatURL, Token: string(ld.cfg.WeChat.Token), AppID: ld.cfg.WeChat.AppID, Account: "gh_mpbot"}
			if ld.cfg.mode() != wechat.ModePlain {
				sim.AESKey = string(ld.cfg.WeChat.EncodingAESKey)
			}
			return chat(cmd.Context(), sim, chatOpenID, stdin, stdout)
		},
	}
	chatCmd.Flags().StringVar(&chatURL, "url", "", "webhook URL (default http://<server.addr><server.path>)")
	chatCmd.Flags().StringVar(&chatOpenID, "openid", "o_mpbot_chat", "the follower's openid")
	root.AddCommand(chatCmd)
	addContentCommands(root, load, stdin, stdout, stderr)
	root.AddCommand(newPushCmd(load, stdout, stderr), newScheduleCmd(load, stdout), newFollowersCmd(load, stdout, stderr))
	return root
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

// chat reads lines and sends each as a message from openid.
func chat(ctx context.Context, sim *wechat.Simulator, openid string, stdin io.Reader, stdout io.Writer) error {
	fmt.Fprintf(stdout, "talking to %s as %s; /subscribe, /click KEY, /quit\n", sim.URL, openid)
	sc := bufio.NewScanner(stdin)
	msgID := time.Now().UnixNano() / 1000
	for {
		fmt.Fprint(stdout, "> ")
		if !sc.Scan() {
			fmt.Fprintln(stdout)
			return sc.Err()
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
			return nil
		case "/subscribe", "/unsubscribe":
			in = wechat.Inbound{From: openid, MsgType: "event", Event: strings.TrimPrefix(cmd, "/"), CreateTime: in.CreateTime, EventKey: arg}
		case "/click":
			in = wechat.Inbound{From: openid, MsgType: "event", Event: "CLICK", EventKey: arg, CreateTime: in.CreateTime}
		case "/voice":
			in.MsgType, in.Content, in.Recognition = "voice", "", arg
			in.Extra = "<MediaId><![CDATA[chat-voice]]></MediaId><Format><![CDATA[amr]]></Format>"
		case "/image":
			in.MsgType, in.Content = "image", ""
			in.Extra = "<PicUrl><![CDATA[https://example.com/p.jpg]]></PicUrl><MediaId><![CDATA[chat-image]]></MediaId>"
		case "/location":
			in.MsgType, in.Content = "location", ""
			in.Extra = "<Location_X>31.23</Location_X><Location_Y>121.47</Location_Y><Scale>15</Scale><Label><![CDATA[上海]]></Label>"
		}
		out, err := sim.Send(ctx, in)
		if err != nil {
			fmt.Fprintln(stdout, "error:", err)
			continue
		}
		fmt.Fprintln(stdout, out.String())
	}
}

// quietLogger is the one-shot commands' log: warnings and errors only, as
// text, beside what the command prints.
func quietLogger(w io.Writer) *slog.Logger {
	return newLogger(LogConfig{Level: "warn", Format: "text"}, w)
}

func newLogger(c LogConfig, w io.Writer) *slog.Logger {
	var level slog.Level
	level.UnmarshalText([]byte(c.Level))
	opts := &slog.HandlerOptions{Level: level}
	if c.Format == "json" {
		return slog.New(requestIDHandler{slog.NewJSONHandler(w, opts)})
	}
	return slog.New(requestIDHandler{slog.NewTextHandler(w, opts)})
}
