package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestConfigOverflowNamesTheNumberWritten: a number too large for its
// key (max_results: 99999999999999999999999, push.tag_id: 99999999999999999999)
// is refused, as it should be, but the error names another number, the
// smallest int64: "search.max_results: -9223372036854775808 is outside
// 1..10", "push.tag_id: -9223372036854775808 is no tag". An operator who
// wrote a large positive number is told of a negative one they never wrote.
func TestConfigOverflowNamesTheNumberWritten(t *testing.T) {
	for _, c := range []struct{ text, key string }{
		{"search:\n  max_results: 99999999999999999999999\nreplies:\n  no_match: 没有\n", "search.max_results"},
		{"push:\n  tag_id: 99999999999999999999\nreplies:\n  no_match: 没有\n", "push.tag_id"},
	} {
		_, err := loadText(t, c.text)
		if err == nil {
			t.Errorf("%s: accepted", c.key)
			continue
		}
		if strings.Contains(err.Error(), "-9223372036854775808") {
			t.Errorf("%s: the error names a number not written: %v", c.key, err)
		}
		if !strings.Contains(err.Error(), "config.yaml:2: "+c.key+": ") || !strings.Contains(err.Error(), "is too large a number") {
			t.Errorf("%s: the error does not say the number is too large, at its line: %v", c.key, err)
		}
	}
}

// TestConfigBoundsWhatMustEnd: a push.qps of 1e-9 passed check and would
// have stalled the push for good; a shutdown_timeout of 2562047h would
// have held a stop for ever on one hung request (a hostile-input run's
// finds).
func TestConfigBoundsWhatMustEnd(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"push:\n  qps: 1e-9\nreplies:\n  no_match: 没有\n", "push.qps: 1e-09 must be a number of at least 0.1"},
		{"server:\n  shutdown_timeout: 2562047h\nreplies:\n  no_match: 没有\n", "server.shutdown_timeout: 2562047h0m0s must be positive and at most 10m0s"},
	} {
		if _, err := loadText(t, c.text); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.text, err, c.want)
		}
	}
	for _, text := range []string{"push:\n  qps: 0.1\nreplies:\n  no_match: 没有\n", "server:\n  shutdown_timeout: 10m\nreplies:\n  no_match: 没有\n"} {
		if _, err := loadText(t, text); err != nil {
			t.Errorf("%q: %v", text, err)
		}
	}
}

// TestConfigBoundsItsSize: a 97 MB config (comments) took check 13 s and
// 1.15 GB, and a synonym group of 1,479 terms cost each query half a
// second (a hostile-input run's finds): both are refused, saying why.
func TestConfigBoundsItsSize(t *testing.T) {
	var group strings.Builder
	for i := range maxGroupTerms + 1 {
		fmt.Fprintf(&group, "术语%d, ", i)
	}
	if _, err := loadText(t, "search:\n  synonyms:\n    - ["+strings.TrimSuffix(group.String(), ", ")+"]\nreplies:\n  no_match: 没有\n"); err == nil ||
		!strings.Contains(err.Error(), fmt.Sprintf("search.synonyms[0]: a group of %d terms: at most %d", maxGroupTerms+1, maxGroupTerms)) {
		t.Errorf("a synonym group of %d terms: %v", maxGroupTerms+1, err)
	}
	path := filepath.Join(t.TempDir(), "config.yaml")
	big := append([]byte("replies:\n  no_match: 没有\n"), bytes.Repeat([]byte("# 注释\n"), maxConfigBytes/8)...)
	if err := os.WriteFile(path, big, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := loadConfig(path, true); err == nil || !strings.Contains(err.Error(), "is more than 4 MB") {
		t.Errorf("a config of %d bytes: %v", len(big), err)
	}
}
