package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

func BenchmarkProfTmp(b *testing.B) {
	storeSrc := store100k(b)
	queries := readDevQueries(b)
	dir := b.TempDir()
	store := filepath.Join(dir, "m.db")
	exec.Command("cp", storeSrc, store).Run()
	cfgPath := filepath.Join(dir, "config.yaml")
	os.WriteFile(cfgPath, []byte(fmt.Sprintf("server:\n  addr: 127.0.0.1:0\nstore:\n  path: %s\nlog:\n  level: warn\nreplies:\n  no_match: 没有\n", store)), 0o644)
	logs := &syncBuffer{}
	os.Setenv("MPBOT_LOG_LEVEL", "info")
	base, stop := startServe(&testing.T{}, cfgPath, logs)
	defer stop()
	reqs := prepare(b, base, 20000, queries)
	b.ResetTimer()
	rps := closedLoop(reqs, 32)
	b.ReportMetric(rps, "rps")
}
