package main

import (
	"strings"
	"testing"
)

// TestDryRunSaysWhoWasShownItAlready (a newcomer run's find): a follower
// who asked 每日一读 (or was welcomed with the reading) is not pushed it;
// `mpbot push status` says so ("1 shown it already, by 每日一读 or the
// welcome"), but `mpbot push --dry-run`, the command README's first hour
// names for seeing the daily reading, said only "3 followers want it and
// can be reached; 2 not yet delivered": nothing tells the operator where
// the third went.
func TestDryRunSaysWhoWasShownItAlready(t *testing.T) {
	cfgPath := pushFollowersSaid(t, [][2]string{{"o0001", "每日一读"}})
	code, out, errOut := runCmd(t, "push", "--dry-run", "--config", cfgPath)
	if code != 0 || !strings.Contains(out, "2 not yet delivered") {
		t.Fatalf("dry run: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "shown it already") {
		t.Errorf("the dry run counts a follower shown the reading by 每日一读 out without saying why:\n%s", out)
	}
}
