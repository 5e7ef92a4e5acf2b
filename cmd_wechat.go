package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"mpbot/bot"
	"mpbot/bot/wechat"
)

// menuCmd compares, publishes and fetches the account's custom menu.
func (c *cli) menuCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "menu", Short: "Compare, publish and fetch the account's custom menu (menu.buttons)"}
	var yes bool
	diff := &cobra.Command{
		Use:   "diff",
		Short: "Show how menu.buttons differs from the live menu (menu/get)",
		Args:  usage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			live, config, err := c.menus(cmd)
			website := c.websiteMenu(err)
			if err != nil && !website {
				return err
			}
			if website { // no live menu read: the config's buttons are all new
				if len(config.Buttons) > 0 {
					printMenuDiff(c, live, config, true)
				}
				return exitError{1}
			}
			if printMenuDiff(c, live, config, false) {
				return exitError{1}
			}
			return nil
		},
	}
	push := &cobra.Command{
		Use:   "push",
		Short: "Publish menu.buttons as the live menu (menu/create), after showing the change",
		Args:  usage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			live, config, err := c.menus(cmd)
			website := c.websiteMenu(err)
			if err != nil && !website {
				return err
			}
			if len(config.Buttons) == 0 {
				return usageError{fmt.Errorf("menu.buttons is empty in the config: nothing to publish")}
			}
			if !printMenuDiff(c, live, config, website) && !website {
				return nil
			}
			if !yes {
				fmt.Fprint(c.stdout, "publish this menu? [y/N] ")
				answer, _ := bufio.NewReader(c.stdin).ReadString('\n')
				if a := strings.ToLower(strings.TrimSpace(answer)); a != "y" && a != "yes" {
					fmt.Fprintln(c.stdout, "not published")
					return exitError{1}
				}
			}
			a, err := c.open(cmd, storeOnly)
			if err != nil {
				return err
			}
			defer a.close()
			api, err := a.requireAPI()
			if err != nil {
				return err
			}
			if err := api.SetMenu(cmd.Context(), config.Buttons); err != nil {
				return err
			}
			fmt.Fprintln(c.stdout, "published: followers see it the next time they open the chat (their clients refresh it within minutes)")
			return nil
		},
	}
	push.Flags().BoolVar(&yes, "yes", false, "publish without asking (for scripts)")
	pull := &cobra.Command{
		Use:   "pull",
		Short: "Print the live menu as YAML for config.yaml",
		Args:  usage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			live, _, err := c.menus(cmd)
			if err != nil {
				return err
			}
			out, err := menuYAML(live)
			if err != nil {
				return err
			}
			_, err = c.stdout.Write(out)
			return err
		},
	}
	cmd.AddCommand(diff, push, pull)
	return cmd
}

// menus fetches the live menu and reads the config's.
func (c *cli) menus(cmd *cobra.Command) (live, config MenuConfig, err error) {
	a, err := c.open(cmd, storeOnly)
	if err != nil {
		return live, config, err
	}
	defer a.close()
	api, err := a.requireAPI()
	if err != nil {
		return live, config, err
	}
	buttons, err := api.Menu(cmd.Context())
	if err != nil {
		return live, a.cfg.Load().Menu, fmt.Errorf("the live menu: %w", err)
	}
	return MenuConfig{Buttons: buttons}, a.cfg.Load().Menu, nil
}

// websiteMenu reports whether err is a live menu made on the website,
// saying so: diff and push go on against no menu read, pull fails.
func (c *cli) websiteMenu(err error) bool {
	var we *wechat.WebsiteMenuError
	if !errors.As(err, &we) {
		return false
	}
	fmt.Fprintf(c.stderr, "note: %v\n", err)
	return true
}

// menuYAML renders a menu as the config's `menu:` section.
func menuYAML(m MenuConfig) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(map[string]MenuConfig{"menu": m}); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return astralUnescaped(b.Bytes()), nil
}

// astralUnescaped writes out the characters beyond the BMP that the YAML
// encoder escapes in double-quoted values ("\U0001F4DA 订阅" for a button
// named 📚 订阅: not what the operator sees in WeChat, nor finds in a diff).
// Only double-quoted values hold such escapes; other escapes stay.
func astralUnescaped(text []byte) []byte {
	if !bytes.Contains(text, []byte(`\U`)) {
		return text
	}
	lines := strings.Split(string(text), "\n")
	for i, line := range lines {
		m := quotedYAMLValueRe.FindStringSubmatchIndex(line)
		if m == nil {
			continue
		}
		inner := line[m[2]:m[3]]
		var b strings.Builder
		for j := 0; j < len(inner); j++ {
			if inner[j] != '\\' || j+1 == len(inner) {
				b.WriteByte(inner[j])
				continue
			}
			if inner[j+1] == 'U' && j+10 <= len(inner) {
				if n, err := strconv.ParseUint(inner[j+2:j+10], 16, 32); err == nil && n > 0xFFFF && utf8.ValidRune(rune(n)) && unicode.IsGraphic(rune(n)) {
					b.WriteRune(rune(n))
					j += 9
					continue
				}
			}
			b.WriteString(inner[j : j+2]) // another escape, kept whole (\\ too)
			j++
		}
		lines[i] = line[:m[2]] + b.String() + line[m[3]:]
	}
	return []byte(strings.Join(lines, "\n"))
}

// quotedYAMLValueRe is a line whose value is double-quoted, the quotes'
// text its group.
var quotedYAMLValueRe = regexp.MustCompile(`^\s*(?:- )?[^\s"]+: "(.*)"$`)

// printMenuDiff prints the lines that differ between the live menu and the
// config's, and reports whether they differ. A menu made on the website is
// not read as config: the config's lines are all new (its "- buttons: []"
// had read as no live menu at all).
func printMenuDiff(c *cli, live, config MenuConfig, website bool) bool {
	a, _ := menuYAML(live)
	b, _ := menuYAML(config)
	if website {
		fmt.Fprintln(c.stdout, "+++ menu.buttons in the config, to replace the website's menu named above")
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			fmt.Fprintln(c.stdout, "+ "+line)
		}
		return true
	}
	if string(a) == string(b) {
		fmt.Fprintln(c.stdout, "the live menu is the config's menu")
		return false
	}
	fmt.Fprintln(c.stdout, "--- live menu\n+++ menu.buttons in the config")
	for _, line := range lineDiff(strings.Split(strings.TrimSpace(string(a)), "\n"), strings.Split(strings.TrimSpace(string(b)), "\n")) {
		fmt.Fprintln(c.stdout, line)
	}
	return true
}

// lineDiff is a minimal line diff (longest common subsequence): lines only
// in a start with -, only in b with +, shared ones with a space.
func lineDiff(a, b []string) []string {
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []string
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			out = append(out, "  "+a[i])
			i++
			j++
		case j < len(b) && (i == len(a) || lcs[i][j+1] >= lcs[i+1][j]):
			out = append(out, "+ "+b[j])
			j++
		default:
			out = append(out, "- "+a[i])
			i++
		}
	}
	return out
}

// qrcodeCmd creates channel QR codes.
func (c *cli) qrcodeCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "qrcode", Short: "Create QR codes for channels (replies.subscribe_scenes welcomes their followers)"}
	var scene, expire, out string
	var permanent bool
	create := &cobra.Command{
		Use:   "create --scene NAME [--expire 30d | --permanent] [--out FILE.png]",
		Short: "Create a QR code whose followers arrive with scene NAME (qrcode/create)",
		Args:  usage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			var d time.Duration
			// Said before anything is opened or made: a scene WeChat
			// refuses, or a picture that could not be saved after a
			// permanent code was made (an operator run's finds: exit 1,
			// after the store was made and a code created).
			if err := wechat.CheckScene(scene); err != nil {
				return badArgs(fmt.Errorf("--scene: %w", err))
			}
			if out != "" && !isDir(filepath.Dir(out)) {
				return badArgs(fmt.Errorf("--out %s: no folder %s to save the picture in", out, filepath.Dir(out)))
			}
			if out != "" {
				// A folder, or one the picture cannot be written in: the
				// code had been made first, then the save failed (exit 1).
				if isDir(out) {
					return badArgs(fmt.Errorf("--out %s is a folder: name the picture's file (%s)", out, filepath.Join(out, scene+".png")))
				}
				probe, err := os.CreateTemp(filepath.Dir(out), ".mpbot-qrcode-*")
				if err != nil {
					return badArgs(fmt.Errorf("--out %s: cannot write in %s: %w", out, filepath.Dir(out), err))
				}
				probe.Close()
				os.Remove(probe.Name())
			}
			if permanent && cmd.Flags().Changed("expire") {
				return badArgs(errors.New("--expire and --permanent do not go together: a permanent code does not expire"))
			}
			if !permanent {
				var err error
				// Under a minute: WeChat counts whole seconds, and takes 0
				// for its default of 60 (500ms had been sent as 0).
				if d, err = parseDays(expire); err != nil || d < time.Minute || d > 30*24*time.Hour {
					return badArgs(fmt.Errorf("--expire %q: give a duration from 1m to 30d (e.g. 7d, 12h), or --permanent", expire))
				}
			}
			a, err := c.open(cmd, storeOnly)
			if err != nil {
				return err
			}
			defer a.close()
			api, err := a.requireAPI()
			if err != nil {
				return err
			}
			q, err := api.CreateQRCode(cmd.Context(), scene, d)
			if err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "scene %s\nticket %s\npicture %s\n", scene, q.Ticket, api.QRImageURL(q.Ticket))
			if q.Expires.IsZero() {
				fmt.Fprintln(c.stdout, "permanent")
			} else {
				fmt.Fprintf(c.stdout, "expires %s\n", q.Expires.In(a.cfg.Load().location).Format("2006-01-02 15:04 MST"))
			}
			if out != "" {
				img, err := api.QRImage(cmd.Context(), q.Ticket)
				if err != nil {
					return err
				}
				if err := os.WriteFile(out, img, 0o644); err != nil {
					return err
				}
				fmt.Fprintf(c.stdout, "saved %s\n", out)
			}
			// As the webhook chooses the welcome: Autumn's for autumn (the
			// note had sent the operator to write autumn beside it).
			if k, ok := bot.SceneKey(a.cfg.Load().Replies.SubscribeScenes, scene); !ok {
				fmt.Fprintf(c.stderr, "note: replies.subscribe_scenes has no %q: its followers get replies.subscribe\n", scene)
			} else if k != scene {
				fmt.Fprintf(c.stderr, "note: its followers are welcomed by replies.subscribe_scenes.%s (the same name but for case)\n", k)
			}
			return nil
		},
	}
	create.Flags().StringVar(&scene, "scene", "", "the channel's name, 1 to 64 bytes (a Chinese character takes 3; required)")
	create.Flags().StringVar(&expire, "expire", "30d", "how long a temporary code lasts (at most 30d)")
	create.Flags().BoolVar(&permanent, "permanent", false, "a permanent code (the account has at most 100,000)")
	create.Flags().StringVar(&out, "out", "", "save the picture to this PNG file")
	create.MarkFlagRequired("scene")
	cmd.AddCommand(create)
	return cmd
}

// parseDays reads a duration that may also be in days (30d).
func parseDays(s string) (time.Duration, error) {
	if n, ok := strings.CutSuffix(s, "d"); ok {
		days, err := strconv.Atoi(n)
		return time.Duration(days) * 24 * time.Hour, err
	}
	return time.ParseDuration(s)
}

// mediaCmd uploads images, voice and video for replies and menus.
func (c *cli) mediaCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "media", Short: "Upload images, voice and video for replies and menus"}
	var permanent bool
	var title, intro string
	upload := &cobra.Command{
		Use:   "upload FILE",
		Short: "Upload FILE and print its media_id (temporary for 3 days, or --permanent)",
		Args:  usage(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			// The name and size first: a lecture's 1.5 GB recording had
			// been read whole to be told WeChat takes no mkv.
			kind, limit, err := wechat.MediaKind(args[0], permanent)
			if err != nil {
				return badArgs(err)
			}
			info, err := os.Stat(args[0])
			switch {
			case err != nil:
				return badArgs(err)
			case !info.Mode().IsRegular():
				return badArgs(fmt.Errorf("%s is not a file", args[0]))
			case info.Size() > limit:
				return wechat.TooLarge(args[0], info.Size(), kind, limit)
			}
			data, err := os.ReadFile(args[0])
			if err != nil {
				return err
			}
			if permanent && kind == "video" && title == "" {
				return badArgs(errors.New("a permanent video needs --title"))
			}
			if (title != "" || intro != "") && !(permanent && kind == "video") {
				return badArgs(errors.New("--title and --intro are a permanent video's (with --permanent); this upload would not use them"))
			}
			a, err := c.open(cmd, storeOnly)
			if err != nil {
				return err
			}
			defer a.close()
			api, err := a.requireAPI()
			if err != nil {
				return err
			}
			id, err := api.UploadMedia(cmd.Context(), args[0], data, permanent, wechat.Video{Title: title, Introduction: intro})
			if err != nil {
				return err
			}
			fmt.Fprintln(c.stdout, id)
			if !permanent {
				fmt.Fprintf(c.stderr, "%s: temporary media, usable for 3 days; use --permanent for a reply in config.yaml\n", filepath.Base(args[0]))
			}
			return nil
		},
	}
	upload.Flags().BoolVar(&permanent, "permanent", false, "permanent material (for replies and menus in config.yaml)")
	upload.Flags().StringVar(&title, "title", "", "a permanent video's title")
	upload.Flags().StringVar(&intro, "intro", "", "a permanent video's introduction")
	cmd.AddCommand(upload)
	return cmd
}
