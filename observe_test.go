package main

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"
)

// TestRepeatLimit: serve's log lets a warning or error through once per
// repeatEvery for each message, the next carrying how many were left out;
// other messages and info lines pass (a fleet run's find: a Redis outage
// wrote three lines per message per replica).
func TestRepeatLimit(t *testing.T) {
	var out bytes.Buffer
	log := limitRepeats(slog.New(slog.NewTextHandler(&out, nil)))
	h := log.With("replica", "a").Handler() // derived loggers share the count
	at := time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	answering := context.WithValue(context.Background(), requestIDKey{}, "r1")
	emit := func(level slog.Level, msg string, after time.Duration) {
		if err := h.Handle(answering, slog.NewRecord(at.Add(after), level, msg, 0)); err != nil {
			t.Fatal(err)
		}
	}
	emit(slog.LevelWarn, "store follow-up", 0)
	for range 3 {
		emit(slog.LevelWarn, "store follow-up", time.Second)
		emit(slog.LevelInfo, "daily push finished", time.Second)
	}
	emit(slog.LevelError, "search", 2*time.Second)
	// A message's reasons are told apart (a hostile run's find: four kinds
	// of rejection in 10 s wrote one line).
	for _, reason := range []string{"wrong signature", "stale timestamp", "wrong signature"} {
		r := slog.NewRecord(at.Add(3*time.Second), slog.LevelWarn, "webhook request rejected", 0)
		r.AddAttrs(slog.String("reason", reason))
		if err := h.Handle(answering, r); err != nil {
			t.Fatal(err)
		}
	}
	emit(slog.LevelWarn, "store follow-up", 11*time.Second)
	// Outside a webhook call (a config edit's warnings), every line.
	for range 2 {
		h.Handle(context.Background(), slog.NewRecord(at.Add(12*time.Second), slog.LevelWarn, "config rejected", 0))
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	var got []string
	for _, l := range lines {
		msg := l[strings.Index(l, "msg="):strings.Index(l, " replica=")]
		if i := strings.Index(l, "left_out="); i >= 0 {
			msg += " " + l[i:]
		}
		got = append(got, msg)
	}
	want := []string{`msg="store follow-up"`, `msg="daily push finished"`, `msg="daily push finished"`, `msg="daily push finished"`,
		`msg=search`, `msg="webhook request rejected"`, `msg="webhook request rejected"`, `msg="store follow-up" left_out=3`, `msg="config rejected"`, `msg="config rejected"`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("lines:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestVersionSaid: which build runs is said by `mpbot version` (and
// --version), in the serving line and as go_build_info on /metrics: a
// fleet upgraded replica by replica runs two for a while, and nothing had
// told which ran which (an operator run's find).
func TestVersionSaid(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, out, errOut := runCmd(t, args...)
		if code != 0 || !strings.HasPrefix(out, "mpbot ") || !strings.Contains(out, version()) || !strings.Contains(version(), "go1.") {
			t.Errorf("mpbot %s: exit %d\n%s%s", args[0], code, out, errOut)
		}
	}
	if code, _, errOut := runCmd(t, "version", "extra"); code != 2 {
		t.Errorf("mpbot version extra: exit %d, want the usage's 2\n%s", code, errOut)
	}
	cfg := writeConfig(t, t.TempDir(), "")
	logs := &syncBuffer{}
	base, stop := startServe(t, cfg, logs)
	defer stop()
	if !strings.Contains(logs.String(), "version=") || !strings.Contains(logs.String(), `store="sqlite `) || !strings.Contains(logs.String(), "state=memory") {
		t.Errorf("the serving line names no version, store or state:\n%s", logs.String())
	}
	if m := httpGet(t, base+"/metrics"); !strings.Contains(m, "go_build_info{") {
		t.Error("no go_build_info on /metrics")
	}
}
