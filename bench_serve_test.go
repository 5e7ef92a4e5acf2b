package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"mpbot/bot/wechat"
	"mpbot/content"
)

// store100k returns a 100,000-article store built from the shared corpus
// repeated with new ids and dates, kept in the temp dir across runs (the
// content benchmarks build the same file).
func store100k(b *testing.B) string {
	path := filepath.Join(os.TempDir(), fmt.Sprintf("mpbot-bench-100k-v%d.db", content.AnalysisVersion()))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	corpus := filepath.Join("..", "shared", "corpus", "articles.jsonl")
	f, err := os.Open(corpus)
	if err != nil {
		if os.Getenv("CI") == "true" {
			b.Fatal(err)
		}
		b.Skipf("shared corpus not found: %v", err)
	}
	defer f.Close()
	base, errs := content.ReadJSONL(f, corpus)
	if len(errs) > 0 {
		b.Fatal(errs[0])
	}
	var all []content.Article
	for round := 0; len(all) < 100_000; round++ {
		for _, a := range base {
			if len(all) == 100_000 {
				break
			}
			if round > 0 {
				a.ID, a.URL = fmt.Sprintf("%s-r%d", a.ID, round), fmt.Sprintf("%s#r%d", a.URL, round)
				if t, err := time.Parse(content.DateLayout, a.PublishedOn); err == nil {
					a.PublishedOn = t.AddDate(-5*round, 0, 0).Format(content.DateLayout)
				}
			}
			all = append(all, a)
		}
	}
	tmp := path + ".building"
	os.Remove(tmp)
	s, err := content.Open(context.Background(), tmp)
	if err != nil {
		b.Fatal(err)
	}
	lib, err := content.OpenLibrary(context.Background(), s, slog.New(slog.DiscardHandler))
	if err == nil {
		_, err = lib.Import(context.Background(), all, nil)
	}
	if err == nil {
		err = lib.SaveSnapshot(context.Background())
	}
	s.Close()
	if err != nil {
		b.Fatal(err)
	}
	os.Remove(tmp + "-wal")
	os.Remove(tmp + "-shm")
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

var vmRe = regexp.MustCompile(`(?m)^(VmRSS|VmHWM):\s+(\d+) kB`)

func procMemory(pid int) (rss, peak float64) {
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	for _, m := range vmRe.FindAllStringSubmatch(string(b), -1) {
		kb, _ := strconv.ParseFloat(m[2], 64)
		if m[1] == "VmRSS" {
			rss = kb / 1024
		} else {
			peak = kb / 1024
		}
	}
	return
}

// BenchmarkServe100k starts `mpbot serve` on the 100,000-article store and
// measures the time from process start to the first answered search (cold
// start), then the resident memory after the dev queries have been asked
// through the webhook.
func BenchmarkServe100k(b *testing.B) {
	store := store100k(b)
	dir := b.TempDir()
	cfgPath := filepath.Join(dir, "config.yaml")
	os.WriteFile(cfgPath, []byte(fmt.Sprintf("server:\n  addr: 127.0.0.1:0\nstore:\n  path: %s\nreplies:\n  no_match: 没有\n", store)), 0o644)
	queries := readDevQueries(b)
	for i := 0; i < b.N; i++ {
		start := time.Now()
		base, cmd := startChild(b, nil, "MPBOT_TEST_MAIN="+strings.Join([]string{"serve", "--config", cfgPath}, "\n"))
		sim := &wechat.Simulator{URL: base + "/wechat", Token: demoToken, AppID: "wxd0000000000demo",
			AESKey: "mpbotdemokeympbotdemokeympbotdemokeympbotde", Account: "gh_bench"}
		out, err := sim.Send(context.Background(), wechat.Inbound{From: "o_bench", MsgType: "text", Content: "枫桥经验", MsgID: 1, CreateTime: time.Now().Unix()})
		cold := time.Since(start)
		if err != nil || out.Success {
			b.Fatalf("first search: %v %+v", err, out)
		}
		for j, q := range queries {
			if _, err := sim.Send(context.Background(), wechat.Inbound{From: "o_bench", MsgType: "text", Content: q, MsgID: int64(j + 2), CreateTime: time.Now().Unix()}); err != nil {
				b.Fatal(err)
			}
		}
		rss, peak := procMemory(cmd.Process.Pid)
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
		b.ReportMetric(cold.Seconds(), "s-cold-start")
		b.ReportMetric(rss, "MB-rss")
		b.ReportMetric(peak, "MB-peak-rss")
	}
}

func readDevQueries(b *testing.B) []string {
	data, err := os.ReadFile(filepath.Join("..", "shared", "corpus", "queries-dev.tsv"))
	if err != nil {
		b.Skip(err)
	}
	var qs []string
	for _, line := range strings.Split(string(data), "\n") {
		if q, _, ok := strings.Cut(line, "\t"); ok {
			qs = append(qs, q)
		}
	}
	return qs
}
