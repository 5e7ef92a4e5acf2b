package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// Serve started on a file saved half-way (no last good config), then an edit
// that is rejected: /readyz says "the last good config serves", the very
// wording 3b0ff0a took out for a start on a cut file; what serves is still
// the half-saved file.
func TestCutStartThenRejectedEditNamesNoGoodConfig(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	whole, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	at := bytes.Index(whole, []byte("· 找到几篇时"))
	if at < 0 {
		t.Skip("the shipped help changed")
	}
	if err := os.WriteFile(cfg, whole[:at+len("· 找到几篇时")], 0o644); err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	base, stop := startServe(t, cfg, logs)
	defer stop()
	if ready := httpGet(t, base+"/readyz"); !strings.Contains(ready, "half-way") {
		t.Fatalf("start on the cut file: %q", ready)
	}
	// An edit with a YAML error: rejected.
	if err := os.WriteFile(cfg, append(bytes.Clone(whole), []byte("\nreplies: [\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return strings.Contains(httpGet(t, base+"/readyz"), "rejected") }, "the edit rejected")
	if ready := httpGet(t, base+"/readyz"); strings.Contains(ready, "the last good config serves") || !strings.Contains(ready, "half-way") {
		t.Errorf("after a rejected edit, serve still on the half-saved file it started on says %q", ready)
	}
}
