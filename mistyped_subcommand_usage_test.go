package main

import (
	"strings"
	"testing"
)

// TestMistypedSubcommandGivesItsUsage (a newcomer run's find): README says
// a command used wrongly, "a command that is none of its group's: `mpbot
// followers sycn` names `list, stats, sync`", exits 2 "with the command's
// usage line after the error", as `mpbot schedule` with no argument gives
// "usage: mpbot schedule ARTICLE_ID DATE [flags] (mpbot schedule --help for
// more)". `mpbot followers sycn` printed the error alone; `mpbot push
// statsu` gave the usage line but not the command meant (`status`), which
// the other groups name ("its commands: …").
func TestMistypedSubcommandGivesItsUsage(t *testing.T) {
	for _, args := range [][]string{{"followers", "sycn"}, {"articles", "lst"}, {"push", "statsu"}} {
		code, _, errOut := runCmd(t, args...)
		if code != 2 {
			t.Errorf("mpbot %s: exit %d, want 2", strings.Join(args, " "), code)
		}
		if !strings.Contains(errOut, "usage: mpbot "+args[0]) {
			t.Errorf("mpbot %s: no usage line after the error:\n%s", strings.Join(args, " "), errOut)
		}
		if args[0] == "push" && !strings.Contains(errOut, "status") {
			t.Errorf("mpbot %s: the push group's own command, status, is not named:\n%s", strings.Join(args, " "), errOut)
		}
	}
}
