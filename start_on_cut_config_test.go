package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestServeStartedOnACutFileIsNotReady: the shipped config.yaml saved
// half-way (cut inside the help rule's text: every rule after it gone).
// `mpbot check` refuses it (exit 1), a reload refuses it and /readyz says
// `degraded: the config file's last edit is rejected`; but a serve started
// on it (a replica restarted during a deploy's copy) serves it as read,
// 16 rules short (转人工 among them), with a WARN line at start only:
// /readyz says ready, mpbot_config_rejected is 0. README "Watching it
// run" tells operators to alert on the degraded line, which never comes.
func TestServeStartedOnACutFileIsNotReady(t *testing.T) {
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
	cut := whole[:at+len("· 找到几篇时")]
	if err := os.WriteFile(cfg, cut, 0o644); err != nil {
		t.Fatal(err)
	}
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
