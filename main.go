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
	"syscall"

	"github.com/spf13/cobra"
	_ "time/tzdata" // push.timezone must resolve on machines without zoneinfo
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

// cli is what every command shares: the terminal and the config loader.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	configPath     string
}

// load reads the config the command was pointed at (--config), or the
// embedded defaults when ./config.yaml is absent.
func (c *cli) load(cmd *cobra.Command) (*Config, error) {
	return loadConfig(c.configPath, cmd.Flags().Changed("config"))
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
	root.PersistentFlags().StringVar(&c.configPath, "config", "config.yaml", "config file (the embedded defaults when ./config.yaml is absent)")
	root.AddCommand(
		c.serveCmd(), c.checkCmd(), c.tryCmd(), c.chatCmd(),
		c.importCmd(), c.searchCmd(), c.articlesCmd(), c.storeCmd(),
		c.pushCmd(), c.scheduleCmd(), c.followersCmd(),
	)
	return root
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
