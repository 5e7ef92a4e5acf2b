// Command mpbot is a WeChat Official Account bot for a study platform: it
// answers followers with the best-matching articles and keyword replies.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	_ "time/tzdata" // push.timezone must resolve on machines without zoneinfo

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// stopSignals end a command as asked, its work finished and recorded:
// SIGHUP too, which a closed ssh session sends serve (it had ended at once,
// the query log's last batch and the recent messages lost: an ops run's
// find).
// Not when SIGHUP is ignored: asked for, it would be caught, and `nohup
// mpbot serve &` stopped with the session it was meant to outlive (a
// review's find).
var stopSignals = func() []os.Signal {
	signals := []os.Signal{os.Interrupt, syscall.SIGTERM}
	if !signal.Ignored(syscall.SIGHUP) {
		signals = append(signals, syscall.SIGHUP)
	}
	return signals
}()

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), stopSignals...)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// exitError carries an exit code for errors already explained to the user.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// usageError is a command used wrongly, or a config that does not load:
// exit status 2, so a script (a cron wrapper, a systemd timer) can tell it
// from a run that failed.
type usageError struct{ error }

func (e usageError) Unwrap() error { return e.error }

// usage marks what an argument check finds as a usage error.
func usage(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return usageError{argsError{err}}
		}
		return nil
	}
}

// argsError is a command's arguments or flags given wrongly: its usage
// line helps, where a config that does not load is told of alone.
type argsError struct{ error }

// badArgs is a usage error of arguments or flags given wrongly, which the
// command's usage line follows (an operator run's find: a malformed date,
// a missing path and flags that do not go together were told alone).
func badArgs(err error) error { return usageError{argsError{err}} }

func (e argsError) Unwrap() error { return e.error }

// run is main without the process: tests call it directly.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd(stdin, stdout, stderr)
	root.SetArgs(args)
	if cmd, err := root.ExecuteContextC(ctx); err != nil {
		var ee exitError
		if errors.As(err, &ee) {
			return ee.code
		}
		if errors.Is(err, context.Canceled) && ctx.Err() != nil {
			// Stopped as asked (SIGTERM while serve loaded the index): it
			// had said only "context canceled", exit 1, a failure to a
			// service manager (an ops run's find).
			fmt.Fprintf(stderr, "mpbot: %s stopped by a signal before it had started or finished\n", cmd.Name())
			if cmd.Name() == "serve" {
				return 0
			}
			return 1
		}
		var ue usageError
		if !errors.As(err, &ue) && !strings.HasPrefix(err.Error(), "unknown command") && !strings.HasPrefix(err.Error(), "required flag(s)") {
			fmt.Fprintln(stderr, "mpbot:", err)
			return 1
		}
		// Used wrongly: what was wrong, then how to use it (an operator
		// run's find: `mpbot schedule` said only "accepts 2 arg(s),
		// received 0", and `push --date --config c.yaml` that c.yaml was
		// an unknown command).
		if flag, next, ok := swallowed(cmd, args); ok {
			fmt.Fprintf(stderr, "mpbot: --%s needs a value (it took %s as its value)\n", flag, next)
		} else {
			fmt.Fprintln(stderr, "mpbot:", err)
		}
		ae := argsError{}
		switch {
		case cmd != nil && cmd.HasParent() && errors.As(err, &ae):
			fmt.Fprintf(stderr, "usage: %s (mpbot %s --help for more)\n", cmd.UseLine(), strings.TrimPrefix(cmd.CommandPath(), "mpbot "))
			if subs := subcommands(cmd); len(subs) > 0 {
				// push statsu: an argument of push's own, its status not
				// named (a newcomer run's find).
				fmt.Fprintf(stderr, "its commands: %s\n", strings.Join(subs, ", "))
			}
		case cmd != nil && cmd.HasParent() && cmd.HasSubCommands() && strings.HasPrefix(err.Error(), "unknown command"):
			// followers sycn: the group's usage after the error, as every
			// other usage error has (a newcomer run's find).
			fmt.Fprintf(stderr, "usage: %s COMMAND (mpbot %s --help for more)\n", cmd.CommandPath(), strings.TrimPrefix(cmd.CommandPath(), "mpbot "))
		}
		return 2
	}
	return 0
}

// swallowed finds a flag of cmd that needs a value and was given the next
// flag as one (--date --config c.yaml), which the parser takes as given.
func swallowed(cmd *cobra.Command, args []string) (flag, next string, ok bool) {
	if cmd == nil {
		return "", "", false
	}
	for i := 0; i+1 < len(args); i++ {
		name, isLong := strings.CutPrefix(args[i], "--")
		if !isLong || strings.Contains(name, "=") || !strings.HasPrefix(args[i+1], "--") {
			continue
		}
		if f := cmd.Flags().Lookup(name); f != nil && f.Value.Type() != "bool" {
			return name, args[i+1], true
		}
	}
	return "", "", false
}

// cli is what every command shares: the terminal and the config loader.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	configPath     string
}

// load reads the config the command was pointed at (--config), or the
// embedded defaults when ./config.yaml is absent.
func (c *cli) load(cmd *cobra.Command) (*Config, error) {
	cfg, err := loadConfig(c.configPath, cmd.Flags().Changed("config"))
	if err != nil {
		return nil, usageError{err}
	}
	return cfg, nil
}

func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	c := &cli{stdin: stdin, stdout: stdout, stderr: stderr}
	root := &cobra.Command{
		Use:           "mpbot",
		Short:         "A WeChat Official Account bot that answers followers with the right article",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error { return usageError{argsError{flagSuggestion(cmd, err)}} })
	root.PersistentFlags().StringVar(&c.configPath, "config", "config.yaml", "config file (the embedded defaults when ./config.yaml is absent)")
	root.AddCommand(
		c.serveCmd(), c.checkCmd(), c.tryCmd(), c.chatCmd(),
		c.importCmd(), c.searchCmd(), c.articlesCmd(), c.storeCmd(),
		c.pushCmd(), c.scheduleCmd(), c.followersCmd(),
		c.menuCmd(), c.qrcodeCmd(), c.mediaCmd(), c.reportCmd(), c.votesCmd(), c.versionCmd(),
	)
	root.Version = version() // mpbot --version too
	groupsRefuseStrangers(root)
	return root
}

// flagSuggestion adds to an unknown flag's error the flag of cmd meant,
// when one is a near miss, as cobra does for a command but not for a
// flag (an operator run's find: `import --dryrun` said only "unknown
// flag: --dryrun", for --dry-run).
func flagSuggestion(cmd *cobra.Command, err error) error {
	name, ok := strings.CutPrefix(err.Error(), "unknown flag: --")
	if !ok {
		return err
	}
	var names []string
	visit := func(f *pflag.Flag) {
		if !f.Hidden {
			names = append(names, f.Name)
		}
	}
	cmd.Flags().VisitAll(visit)
	cmd.InheritedFlags().VisitAll(visit)
	if meant := nearest(name, names, min(2, len(name)-2)); meant != "" {
		return fmt.Errorf("%w (did you mean --%s?)", err, meant)
	}
	return err
}

// groupsRefuseStrangers makes every command that only groups others
// (articles, followers, menu…) refuse a word that is none of them, as the
// root does: cobra printed the group's help and exited 0, so a cron job
// running `mpbot followers sycn` succeeded every night (an operator run's
// find). Alone, the group still prints its help.
func groupsRefuseStrangers(cmd *cobra.Command) {
	for _, sub := range cmd.Commands() {
		groupsRefuseStrangers(sub)
	}
	if !cmd.HasParent() || !cmd.HasSubCommands() || cmd.Runnable() {
		return
	}
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return cmd.Help()
		}
		return usageError{fmt.Errorf("unknown command %q for %q (its commands: %s)", args[0], cmd.CommandPath(), strings.Join(subcommands(cmd), ", "))}
	}
}

// subcommands are the names of cmd's commands a user may run.
func subcommands(cmd *cobra.Command) []string {
	var names []string
	for _, sub := range cmd.Commands() {
		if sub.IsAvailableCommand() {
			names = append(names, sub.Name())
		}
	}
	return names
}

// open loads the config and builds the parts of the app a command needs,
// logging only warnings and errors beside what the command prints.
func (c *cli) open(cmd *cobra.Command, need parts) (*app, error) {
	cfg, err := c.load(cmd)
	if err != nil {
		return nil, err
	}
	return newApp(cmd.Context(), cfg, quietLogger(c.stderr), need)
}

// openRecorded is open for a command that reads or changes what serve
// keeps (the report, votes, articles, followers, the schedule): where there
// is no SQLite store it refuses, as push does. Run from another folder, the
// report made an empty store there and said nothing went unanswered, exit 0
// (an operator run's find).
func (c *cli) openRecorded(cmd *cobra.Command, need parts) (*app, error) {
	cfg, err := c.load(cmd)
	if err != nil {
		return nil, err
	}
	if err := storeThere(cfg); err != nil {
		return nil, err
	}
	return newApp(cmd.Context(), cfg, quietLogger(c.stderr), need)
}
