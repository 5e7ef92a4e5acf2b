package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStorePathAFolder: store.path naming a folder (an operator writing
// the data folder, not the file in it) stopped serve with SQLite's
// "unable to open database file (14)", which says neither that the path is a
// folder nor what to write instead; check's warning said the same.
func TestStorePathAFolder(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	data := filepath.Join(dir, "data")
	if err := os.Mkdir(data, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("MPBOT_STORE_PATH", data)
	code, _, errOut := runCmd(t, "serve", "--config", cfg)
	if code == 0 {
		t.Fatalf("serve started on a folder as its store")
	}
	if !strings.Contains(errOut, "folder") && !strings.Contains(errOut, "directory") {
		t.Errorf("serve with store.path a folder says only:\n%s", errOut)
	}
}
