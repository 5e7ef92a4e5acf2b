package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version says which build this is: the module's version (Go stamps it
// from the repository's tag or commit), the commit and its time, whether
// the tree had changes, and the Go release. A fleet upgraded replica by
// replica runs two versions for a while, and nothing had told which
// replica ran which (an operator run's find).
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown (no build information)"
	}
	var rev, at, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", modified"
			}
		}
	}
	v := info.Main.Version
	if rev != "" {
		v += fmt.Sprintf(" (commit %.12s, %s%s)", rev, at, modified)
	}
	return v + " " + info.GoVersion
}

func (c *cli) versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print which build this is",
		Args:  usage(cobra.NoArgs),
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprintln(c.stdout, "mpbot", version())
			return nil
		},
	}
}
