package bench

// The benchmarks in this file run mpbot as an operator does: the binary,
// built once by TestMain, in a process of its own.
//
//	cd bench && go test -run '^$' -bench 'Serve100k|Load100k|Push100k' -benchtime 1x

import (
	"bufio"
	"bytes"
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"io"
	"log/slog"
	"mpbot/bot/wechat"
	"mpbot/bot/wechat/wechattest"
	"mpbot/content"
	"mpbot/search"
	"mpbot/store"
	"mpbot/store/storetest"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// mpbotBin is the mpbot binary TestMain builds for the benchmarks.
var mpbotBin string

// TestMain builds mpbot once, and lets a benchmark run this test binary as
// the floor handler (MPBOT_BENCH_FLOOR) or the SDK echo bot
// (MPBOT_BENCH_ECHO) in a child process.
func TestMain(m *testing.M) {
	if os.Getenv("MPBOT_BENCH_FLOOR") != "" {
		os.Exit(floorMain())
	}
	if os.Getenv("MPBOT_BENCH_ECHO") != "" {
		os.Exit(echoMain())
	}
	dir, err := os.MkdirTemp("", "mpbot-bench-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	mpbotBin = filepath.Join(dir, "mpbot")
	build := exec.Command("go", "build", "-o", mpbotBin, ".")
	build.Dir = ".." // the product's own module, with its own go.sum
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build mpbot: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// mpbotCmd is the mpbot binary with args.
func mpbotCmd(args ...string) *exec.Cmd { return exec.Command(mpbotBin, args...) }

var addrRe = regexp.MustCompile(`msg="mpbot serving" addr=(\S+)`)

const demoToken = "mpbot-demo-token"

// floorMain serves the floor of the load tests: a webhook in bare net/http
// that checks both signatures, decrypts the message and answers a constant
// encrypted reply without reading the message: what any bot must at least
// do in safe mode. The load benchmarks run it in a child process, like serve.
func floorMain() int {
	key, err := base64.StdEncoding.DecodeString("mpbotdemokeympbotdemokeympbotdemokeympbotde" + "=")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	const appID = "wxd0000000000demo"
	reply := []byte("<xml><ToUserName><![CDATA[o_floor]]></ToUserName><FromUserName><![CDATA[gh_floor]]></FromUserName>" +
		"<CreateTime>1764547200</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[floor]]></Content></xml>")
	sign := func(parts ...string) string {
		slices.Sort(parts)
		sum := sha1.Sum([]byte(strings.Join(parts, "")))
		return hex.EncodeToString(sum[:])
	}
	var envelope struct {
		Encrypt string `xml:"Encrypt"`
	}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		ts, nonce := q.Get("timestamp"), q.Get("nonce")
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		env := envelope
		if err == nil {
			err = xml.Unmarshal(body, &env)
		}
		if err != nil || sign(demoToken, ts, nonce) != q.Get("signature") || sign(demoToken, ts, nonce, env.Encrypt) != q.Get("msg_signature") {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		ct, err := base64.StdEncoding.DecodeString(env.Encrypt)
		if err != nil || len(ct) == 0 || len(ct)%aes.BlockSize != 0 {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		cipher.NewCBCDecrypter(block, key[:16]).CryptBlocks(ct, ct)
		if pad := int(ct[len(ct)-1]); pad < 1 || pad > 32 || pad > len(ct) || len(ct)-pad < 20 ||
			string(ct[len(ct)-pad-len(appID):len(ct)-pad]) != appID {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		// random(16) length(4) message appid, padded to 32 (PKCS#7)
		plain := make([]byte, 0, 20+len(reply)+len(appID)+32)
		plain = append(plain, make([]byte, 16)...)
		rand.Read(plain[:16])
		plain = binary.BigEndian.AppendUint32(plain, uint32(len(reply)))
		plain = append(plain, reply...)
		plain = append(plain, appID...)
		pad := 32 - len(plain)%32
		plain = append(plain, bytes.Repeat([]byte{byte(pad)}, pad)...)
		cipher.NewCBCEncrypter(block, key[:16]).CryptBlocks(plain, plain)
		enc := base64.StdEncoding.EncodeToString(plain)
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprintf(w, "<xml><Encrypt><![CDATA[%s]]></Encrypt><MsgSignature><![CDATA[%s]]></MsgSignature><TimeStamp>%s</TimeStamp><Nonce><![CDATA[%s]]></Nonce></xml>",
			enc, sign(demoToken, ts, nonce, enc), ts, nonce)
	})
	return serve(h)
}

// serve runs h, a child process's handler, on a free port, and says where
// on stderr as mpbot serve does, for startChild to read.
func serve(h http.Handler) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Fprintf(os.Stderr, "msg=\"mpbot serving\" addr=%s\n", ln.Addr())
	if http.Serve(ln, h) != nil {
		return 1
	}
	return 0
}

// startChild starts cmd (mpbot serve, or the floor) and returns the base URL
// it serves on. Its log lines are copied to logs, if given.
func startChild(t testing.TB, logs io.Writer, cmd *exec.Cmd, env ...string) (string, *exec.Cmd) {
	t.Helper()
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

// closedLoop sends as fast as workers can and reports the throughput and
// how many requests failed.
func closedLoop(reqs []prepared, workers int) (float64, int) {
	var next, failed atomic.Int64
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
				resp, err := loadClient.Post(reqs[i].url, "text/xml", bytes.NewReader(reqs[i].body))
				if err != nil {
					failed.Add(1)
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					failed.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	return float64(len(reqs)) / time.Since(start).Seconds(), int(failed.Load())
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
	cfgPath := serveConfig(b, storeSrc)
	fleetEnv := fleetOf(b, storeSrc, "mpbot-load")
	serve := func() *exec.Cmd { return mpbotCmd("serve", "--config", cfgPath) }
	floor := func() *exec.Cmd {
		c := exec.Command(os.Args[0], "-test.run=^$")
		c.Env = []string{"MPBOT_BENCH_FLOOR=1"}
		return c
	}

	for i := 0; i < b.N; i++ {
		for _, target := range []struct {
			name string
			cmd  func() *exec.Cmd
			env  []string
		}{
			{"serve", serve, nil},
			{"uncached", serve, []string{"MPBOT_SEARCH_CACHE_SIZE=0"}}, // every message searched afresh
			{"fleet", serve, fleetEnv},
			{"floor", floor, []string{"MPBOT_BENCH_FLOOR=1"}},
		} {
			started := time.Now()
			base, cmd := startChild(b, nil, target.cmd(), target.env...)
			b.ReportMetric(time.Since(started).Seconds(), target.name+"-start-s")
			warm := prepare(b, base, 500, queries)
			openLoop(warm, 1000)
			res := openLoop(prepare(b, base, 10_000, queries), 1000)
			max, failed := closedLoop(prepare(b, base, 10_000, queries), 32)
			if failed > 0 {
				b.Errorf("%s: %d of 10,000 failed", target.name, failed)
			}
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

// serveConfig is a config for serve on a copy of the SQLite store at src,
// listening on a free port, logging at info.
func serveConfig(b *testing.B, src string) string {
	dir := b.TempDir()
	storeCopy := filepath.Join(dir, "m.db")
	if out, err := exec.Command("cp", src, storeCopy).CombinedOutput(); err != nil {
		b.Fatalf("copy store: %v %s", err, out)
	}
	cfgPath := filepath.Join(dir, "config.yaml")
	cfg := fmt.Sprintf("server:\n  addr: 127.0.0.1:0\nstore:\n  path: %s\nlog:\n  level: info\nreplies:\n  no_match: 没有\n", storeCopy)
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
		b.Fatal(err)
	}
	return cfgPath
}

// fleetOf is the environment that makes serve a fleet replica: the store at
// src copied into PostgreSQL, the state in Redis under a prefix of its own.
func fleetOf(b *testing.B, src, name string) []string {
	return []string{"MPBOT_STORE_DRIVER=postgres", "MPBOT_STORE_DSN=" + postgresCopy(b, src),
		"MPBOT_STATE_DRIVER=redis", "MPBOT_STATE_KEY_PREFIX=" + redisPrefix(b, name)}
}

// postgresCopy copies an SQLite store into a database of the benchmark's
// own, as `mpbot store copy` does, and reports how long that took.
func postgresCopy(b *testing.B, sqlitePath string) string {
	requireRedis(b)
	dsn := storetest.PostgresDSN(b)
	ctx := context.Background()
	src, err := store.Open(ctx, sqlitePath)
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	dst, err := store.OpenPostgres(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer dst.Close()
	start := time.Now()
	if _, err := dst.CopyFrom(ctx, src, nil); err != nil {
		b.Fatal(err)
	}
	lib, err := search.OpenLibrary(ctx, dst, slog.New(slog.DiscardHandler))
	if err != nil {
		b.Fatal(err)
	}
	if err := lib.SaveSnapshot(ctx); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(time.Since(start).Seconds(), "pg-copy-s") // as `mpbot store copy` does it, snapshot included
	return dsn
}

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
		s, err := store.Open(context.Background(), storePath)
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
		child := mpbotCmd("push", "--config", cfgPath, "--date", "2026-11-26")
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
		if s, err = store.Open(context.Background(), storePath); err != nil {
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

// store100k returns a 100,000-article store built from the shared corpus
// repeated with new ids and dates, kept in the temp dir across runs (the
// content benchmarks build the same file).
func store100k(b *testing.B) string { return buildStore(b, "100k", 100_000) }

// buildStore builds, once per analysis version, an SQLite store with its
// index snapshot holding the shared corpus, repeated (ids, addresses and
// dates moved back five years a round) up to size articles; size 0 is the
// corpus as it is.
func buildStore(b *testing.B, name string, size int) string {
	path := filepath.Join(os.TempDir(), fmt.Sprintf("mpbot-bench-%s-v%d.db", name, search.AnalysisVersion()))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	corpus := filepath.Join("..", "..", "shared", "corpus", "articles.jsonl")
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
	all := base
	for round := 1; len(all) < size; round++ {
		for _, a := range base {
			if len(all) == size {
				break
			}
			a.ID, a.URL = fmt.Sprintf("%s-r%d", a.ID, round), fmt.Sprintf("%s#r%d", a.URL, round)
			if t, err := time.Parse(content.DateLayout, a.PublishedOn); err == nil {
				a.PublishedOn = t.AddDate(-5*round, 0, 0).Format(content.DateLayout)
			}
			all = append(all, a)
		}
	}
	tmp := path + ".building"
	os.Remove(tmp)
	s, err := store.Open(context.Background(), tmp)
	if err != nil {
		b.Fatal(err)
	}
	lib, err := search.OpenLibrary(context.Background(), s, slog.New(slog.DiscardHandler))
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
	storePath := store100k(b)
	dir := b.TempDir()
	cfgPath := filepath.Join(dir, "config.yaml")
	os.WriteFile(cfgPath, []byte(fmt.Sprintf("server:\n  addr: 127.0.0.1:0\nstore:\n  path: %s\nreplies:\n  no_match: 没有\n", storePath)), 0o644)
	queries := readDevQueries(b)
	for i := 0; i < b.N; i++ {
		start := time.Now()
		base, cmd := startChild(b, nil, mpbotCmd("serve", "--config", cfgPath))
		sim := &wechat.Simulator{URL: base + "/wechat", Token: demoToken, AppID: "wxd0000000000demo",
			AESKey: "mpbotdemokeympbotdemokeympbotdemokeympbotde", Account: "gh_bench"}
		first := time.Now().UnixNano() // MsgIds of this run's own: the store keeps those answered across restarts
		out, err := sim.Send(context.Background(), wechat.Inbound{From: "o_bench", MsgType: "text", Content: "枫桥经验", MsgID: first, CreateTime: time.Now().Unix()})
		cold := time.Since(start)
		if err != nil || out.Success {
			b.Fatalf("first search: %v %+v", err, out)
		}
		for j, q := range queries {
			if _, err := sim.Send(context.Background(), wechat.Inbound{From: "o_bench", MsgType: "text", Content: q, MsgID: first + int64(j+1), CreateTime: time.Now().Unix()}); err != nil {
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
	data, err := os.ReadFile(filepath.Join("..", "..", "shared", "corpus", "queries-dev.tsv"))
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

// redisPrefix is a key prefix of the benchmark's own on the shared Redis;
// its keys are deleted when the benchmark ends.
func redisPrefix(b *testing.B, name string) string {
	prefix := fmt.Sprintf("%s-%d", name, time.Now().UnixNano())
	b.Cleanup(func() {
		if err := deleteRedisKeys(prefix); err != nil {
			b.Errorf("clean up Redis keys %s:*: %v", prefix, err)
		}
	})
	return prefix
}

// deleteRedisKeys deletes the keys under prefix from the shared Redis, a
// batch at a time as SCAN finds them (redis-cli --scan). KEYS, even inside
// EVAL, walks the whole keyspace in one command and holds up every other
// client meanwhile (313 ms once). A copy of mpbot's fleet_test.go helper:
// this is another module.
func deleteRedisKeys(prefix string) error {
	out, err := exec.Command("redis-cli", "-h", "127.0.0.1", "--scan", "--pattern", prefix+":*").Output()
	if err != nil {
		return fmt.Errorf("scan: %w", err)
	}
	keys := strings.FieldsFunc(string(out), func(r rune) bool { return r == '\n' })
	for batch := range slices.Chunk(keys, 500) {
		if out, err := exec.Command("redis-cli", append([]string{"-e", "-h", "127.0.0.1", "UNLINK"}, batch...)...).CombinedOutput(); err != nil {
			return fmt.Errorf("unlink: %v %s", err, out)
		}
	}
	return nil
}

func requireRedis(b *testing.B) {
	if err := exec.Command("redis-cli", "-h", "127.0.0.1", "ping").Run(); err != nil {
		b.Skipf("no Redis: %v", err)
	}
}
