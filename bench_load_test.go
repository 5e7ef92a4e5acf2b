package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"mpbot/bot"
	"mpbot/bot/wechat"
	"mpbot/content"
	"mpbot/content/contenttest"
)

// floorMain serves the floor of the load test: a webhook that verifies,
// decrypts and answers a constant encrypted reply, nothing more. The load
// benchmark runs it in a child process, like serve.
func floorMain() int {
	h, err := wechat.NewHandler(wechat.Config{AppID: "wxd0000000000demo", Token: demoToken,
		AESKey: "mpbotdemokeympbotdemokeympbotdemokeympbotde", Mode: wechat.ModeSafe, ReplyBudget: 3 * time.Second},
		func(context.Context, bot.Message) []bot.Reply {
			return []bot.Reply{{Type: bot.ReplyText, Text: "floor"}}
		},
		nil, slog.New(slog.DiscardHandler))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Fprintf(os.Stderr, "msg=\"mpbot serving\" addr=%s\n", ln.Addr())
	return exitCode(http.Serve(ln, h))
}

func exitCode(err error) int {
	if err != nil {
		return 1
	}
	return 0
}

// startChild runs this test binary as mpbot (or the floor) and returns the
// base URL it serves on. Its log lines are copied to logs, if given.
func startChild(t testing.TB, logs io.Writer, env ...string) (string, *exec.Cmd) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), env...)
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			if logs != nil {
				fmt.Fprintln(logs, sc.Text())
			}
			if m := addrRe.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case addr <- m[1]:
				default:
				}
			}
		}
	}()
	select {
	case a := <-addr:
		return "http://" + a, cmd
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatal("child did not start")
	}
	return "", nil
}

type loadResult struct {
	sent, errors int
	p50, p99     time.Duration
	rate         float64
}

// prepared is a signed, encrypted request ready to post.
type prepared struct {
	url  string
	body []byte
}

func prepare(b *testing.B, base string, n int, queries []string) []prepared {
	sim := &wechat.Simulator{URL: base + "/wechat", Token: demoToken, AppID: "wxd0000000000demo",
		AESKey: "mpbotdemokeympbotdemokeympbotdemokeympbotde", Account: "gh_load"}
	out := make([]prepared, n)
	for i := range out {
		in := wechat.Inbound{From: fmt.Sprintf("o_load_%d", i%5000), MsgType: "text", Content: queries[i%len(queries)],
			MsgID: time.Now().UnixNano()/1000 + int64(i), CreateTime: time.Now().Unix()}
		req, err := sim.Request(context.Background(), in.XML(sim.Account))
		if err != nil {
			b.Fatal(err)
		}
		body, _ := io.ReadAll(req.Body)
		out[i] = prepared{url: req.URL.String(), body: body}
	}
	return out
}

var loadClient = &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 256, MaxConnsPerHost: 256}}

// openLoop sends reqs at rate a second, each on its own goroutine, and
// measures each request's latency: an open loop, as WeChat's traffic is.
func openLoop(reqs []prepared, rate int) loadResult {
	var mu sync.Mutex
	lat := make([]time.Duration, 0, len(reqs))
	var errs atomic.Int64
	var wg sync.WaitGroup
	interval := time.Second / time.Duration(rate)
	start := time.Now()
	for i, r := range reqs {
		if d := time.Until(start.Add(time.Duration(i) * interval)); d > 0 {
			time.Sleep(d)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := time.Now()
			resp, err := loadClient.Post(r.url, "text/xml", bytes.NewReader(r.body))
			if err == nil {
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					err = fmt.Errorf("status %d", resp.StatusCode)
				}
			}
			d := time.Since(t)
			if err != nil {
				errs.Add(1)
			}
			mu.Lock()
			lat = append(lat, d)
			mu.Unlock()
		}()
	}
	wg.Wait()
	took := time.Since(start)
	slices.Sort(lat)
	return loadResult{sent: len(reqs), errors: int(errs.Load()), p50: lat[len(lat)/2], p99: lat[len(lat)*99/100], rate: float64(len(reqs)) / took.Seconds()}
}

// closedLoop sends as fast as workers can and reports the throughput.
func closedLoop(reqs []prepared, workers int) float64 {
	var next atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(reqs) {
					return
				}
				if resp, err := loadClient.Post(reqs[i].url, "text/xml", bytes.NewReader(reqs[i].body)); err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
			}
		}()
	}
	wg.Wait()
	return float64(len(reqs)) / time.Since(start).Seconds()
}

// BenchmarkLoad100k plays WeChat against `mpbot serve` holding the
// 100,000-article store: 10 s at 1,000 signed and encrypted messages a
// second with queries from the dev set, then as fast as 32 senders go. The
// same load runs against serve on SQLite with the memory state driver (with
// and without its answer cache: the dev queries repeat, so the cached run
// answers most of them from it), serve on PostgreSQL with Redis (the store
// copied in with `store copy`), and the floor handler.
func BenchmarkLoad100k(b *testing.B) {
	storeSrc := store100k(b)
	queries := readDevQueries(b)
	dir := b.TempDir()
	store := filepath.Join(dir, "m.db")
	if out, err := exec.Command("cp", storeSrc, store).CombinedOutput(); err != nil {
		b.Fatalf("copy store: %v %s", err, out)
	}
	cfgPath := filepath.Join(dir, "config.yaml")
	os.WriteFile(cfgPath, []byte(fmt.Sprintf("server:\n  addr: 127.0.0.1:0\nstore:\n  path: %s\nlog:\n  level: info\nreplies:\n  no_match: 没有\n", store)), 0o644)
	serve := "MPBOT_TEST_MAIN=" + strings.Join([]string{"serve", "--config", cfgPath}, "\n")
	fleetEnv := []string{serve, "MPBOT_STORE_DRIVER=postgres", "MPBOT_STORE_DSN=" + postgres100k(b, storeSrc),
		"MPBOT_STATE_DRIVER=redis", "MPBOT_STATE_KEY_PREFIX=" + redisPrefix(b, "mpbot-load")}

	for i := 0; i < b.N; i++ {
		for _, target := range []struct {
			name string
			env  []string
		}{
			{"serve", []string{serve}},
			{"uncached", []string{serve, "MPBOT_SEARCH_CACHE_SIZE=0"}}, // every message searched afresh
			{"fleet", fleetEnv},
			{"floor", []string{"MPBOT_TEST_FLOOR=1"}},
		} {
			started := time.Now()
			base, cmd := startChild(b, nil, target.env...)
			b.ReportMetric(time.Since(started).Seconds(), target.name+"-start-s")
			warm := prepare(b, base, 500, queries)
			openLoop(warm, 1000)
			res := openLoop(prepare(b, base, 10_000, queries), 1000)
			max := closedLoop(prepare(b, base, 10_000, queries), 32)
			cmd.Process.Signal(os.Interrupt)
			cmd.Wait()
			b.ReportMetric(float64(res.p50.Microseconds())/1000, target.name+"-p50-ms")
			b.ReportMetric(float64(res.p99.Microseconds())/1000, target.name+"-p99-ms")
			b.ReportMetric(float64(res.errors), target.name+"-errors")
			b.ReportMetric(res.rate, target.name+"-offered-rps")
			b.ReportMetric(max, target.name+"-max-rps")
		}
	}
}

// postgres100k copies the 100,000-article SQLite store into a database of
// the benchmark's own, as `mpbot store copy` does, and reports how long
// that took.
func postgres100k(b *testing.B, sqlitePath string) string {
	requireRedis(b)
	dsn := contenttest.PostgresDSN(b)
	ctx := context.Background()
	src, err := content.Open(ctx, sqlitePath)
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	dst, err := content.OpenPostgres(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer dst.Close()
	start := time.Now()
	if _, err := dst.CopyFrom(ctx, src, nil); err != nil {
		b.Fatal(err)
	}
	lib, err := content.OpenLibrary(ctx, dst, slog.New(slog.DiscardHandler))
	if err != nil {
		b.Fatal(err)
	}
	if err := lib.SaveSnapshot(ctx); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(time.Since(start).Seconds(), "pg-copy-s") // as `mpbot store copy` does it, snapshot included
	return dsn
}
