package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mpbot/bot/wechat/wechattest"
	"mpbot/content"
)

// BenchmarkPush100k delivers the daily reading to 100,000 opted-in
// followers in customer mode through the WeChat adapter to a local fake API
// with no rate limit, with the ledger on SQLite; then times `push status`.
func BenchmarkPush100k(b *testing.B) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dir := b.TempDir()
		storePath := filepath.Join(dir, "m.db")
		s, err := content.Open(context.Background(), storePath)
		if err != nil {
			b.Fatal(err)
		}
		s.Upsert(context.Background(), content.Article{ID: "a1", Title: "每日一读", URL: "https://x/1", Category: "政策理论导读", PublishedOn: "2026-01-01"})
		ids := make([]string, 100_000)
		for j := range ids {
			ids[j] = fmt.Sprintf("o%06d", j)
		}
		s.UpsertFollowerIDs(context.Background(), ids)
		for _, id := range ids {
			s.FollowerSeen(context.Background(), id, time.Now())
		}
		cfgPath := filepath.Join(dir, "config.yaml")
		os.WriteFile(cfgPath, []byte(fmt.Sprintf("store:\n  path: %s\nwechat:\n  app_secret: s\n  api_base: %s\npush:\n  mode: customer\n  qps: 1000000\nreplies:\n  no_match: x\n", storePath, fake.URL)), 0o644)
		s.Close()
		// The push runs as `mpbot push` in a process of its own, so that its
		// memory is measured apart from the fake API's.
		child := exec.Command(os.Args[0], "-test.run=^$")
		child.Env = append(os.Environ(), "MPBOT_TEST_MAIN="+strings.Join([]string{"push", "--config", cfgPath, "--date", "2026-11-26"}, "\n"))
		var out strings.Builder
		child.Stdout, child.Stderr = &out, &out
		b.StartTimer()
		start := time.Now()
		if err := child.Start(); err != nil {
			b.Fatal(err)
		}
		// Sample the child's resident memory while it runs (rusage would
		// count the parent's pages at the fork).
		var peak float64
		done := make(chan error, 1)
		go func() { done <- child.Wait() }()
		var waitErr error
	sample:
		for {
			if rss, _ := procMemory(child.Process.Pid); rss > peak {
				peak = rss
			}
			select {
			case waitErr = <-done:
				break sample
			case <-time.After(20 * time.Millisecond):
			}
		}
		took := time.Since(start)
		b.StopTimer()
		if waitErr != nil || !strings.Contains(out.String(), "sent 100000") {
			b.Fatalf("push: %v\n%s", waitErr, out.String())
		}
		if s, err = content.Open(context.Background(), storePath); err != nil {
			b.Fatal(err)
		}
		t0 := time.Now()
		if _, err := s.LedgerSummary(context.Background(), "2026-11-26"); err != nil {
			b.Fatal(err)
		}
		status := time.Since(t0)
		b.ReportMetric(100_000/took.Seconds(), "deliveries/s")
		b.ReportMetric(peak, "MB-peak-rss")
		b.ReportMetric(float64(status.Microseconds())/1000, "ms-status")
		s.Close()
	}
}
