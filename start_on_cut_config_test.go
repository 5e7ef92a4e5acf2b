package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// cutShipped writes the shipped config.yaml saved half-way (cut inside the
// help rule's text: every rule after it gone) and returns its path and the
// whole file.
func cutShipped(t *testing.T) (cfg string, whole []byte) {
	t.Helper()
	cfg = writeConfig(t, t.TempDir(), "")
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
	return cfg, whole
}

// TestServeStartedOnACutFileIsNotReady: `mpbot check` refuses the cut
// file (exit 1), a reload refuses it and /readyz says `degraded: the config
// file's last edit is rejected`; but a serve started on it (a replica
// restarted during a deploy's copy) served it as read, 16 rules short (转人工
// among them), with a WARN line at start only: /readyz said ready,
// mpbot_config_rejected was 0. README "Watching it run" tells operators to
// alert on the degraded line, which never came.
func TestServeStartedOnACutFileIsNotReady(t *testing.T) {
	cfg, whole := cutShipped(t)
	if code, _, errOut := runCmd(t, "check", "--config", cfg); code != 1 {
		t.Fatalf("check of the cut file: exit %d\n%s", code, errOut)
	}
	logs := &syncBuffer{}
	base, stop := startServe(t, cfg, logs)
	defer stop()
	ready := httpGet(t, base+"/readyz")
	if !strings.Contains(ready, "degraded: the config file serve started on looks saved half-way") || strings.Contains(ready, "the last good config serves") {
		t.Errorf("serve started on a file check refuses as saved half-way says %q; the log alone says:\n%s", ready, logs)
	}
	// Saved whole, it applies, and the replica is ready.
	if err := os.WriteFile(cfg, whole, 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return !strings.Contains(httpGet(t, base+"/readyz"), "degraded") }, "ready once the file is saved whole")
}

// TestCutStartThenRejectedEditNamesNoGoodConfig: serve started on a file
// saved half-way (no last good config), then an edit that is rejected:
// /readyz said "the last good config serves", the wording a start on a cut
// file had just lost; what serves is still the half-saved file (a re-check's
// find).
func TestCutStartThenRejectedEditNamesNoGoodConfig(t *testing.T) {
	cfg, whole := cutShipped(t)
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
