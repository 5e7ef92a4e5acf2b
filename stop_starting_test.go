package main

import (
	"context"
	"strings"
	"testing"
)

// TestStoppedWhileStarting: a stop asked while serve starts (SIGTERM as it
// opens the store or loads the index) had printed only "mpbot: context
// canceled", exit 1, which a service manager records as a failure (an ops
// run's find). It says it was stopped, exit 0.
func TestStoppedWhileStarting(t *testing.T) {
	cfg := writeConfig(t, t.TempDir(), "")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errOut syncBuffer
	code := run(ctx, []string{"serve", "--config", cfg}, strings.NewReader(""), &out, &errOut)
	if code != 0 || !strings.Contains(errOut.String(), "serve stopped by a signal") {
		t.Fatalf("exit %d\n%s%s", code, out.String(), errOut.String())
	}
}
