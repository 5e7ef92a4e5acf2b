package main

import (
	"strings"
	"testing"
)

// TestFirstStartDoesNotSayItWasDown: the very first `mpbot serve` of an
// installation (a new store, no follower, no push ever run) started in the
// afternoon with the shipped 07:30 schedule warns "daily push was due
// while mpbot was down, longer ago than push.catch_up, and the day is not
// pushed … send it with `mpbot push --date …`" (6a6395d). mpbot was not
// down, and there is nobody to push to: a false alarm on the first WARN an
// operator's alerting sees, asking for a push that sends nothing.
func TestFirstStartDoesNotSayItWasDown(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	pushDueTwoHoursAgo(t)
	logs := &syncBuffer{}
	_, stop := startServe(t, cfg, logs) // returns once "mpbot serving" is logged, after the catch-up check
	defer stop()
	if strings.Contains(logs.String(), "was due while mpbot was down") {
		t.Fatalf("first start of a new store, no followers: warned of a push missed while down:\n%s", logs)
	}
}
