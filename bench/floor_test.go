package bench

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"mpbot/bot/wechat"

	"github.com/silenceper/wechat/v2/cache"
	"github.com/silenceper/wechat/v2/officialaccount"
	oaconfig "github.com/silenceper/wechat/v2/officialaccount/config"
	"github.com/silenceper/wechat/v2/officialaccount/message"
)

// echoMain serves the SDK echo bot of the floor benchmark: silenceper/wechat
// as its README shows it, answering every text with the text, in safe mode.
// No search, no dedupe, no checks beyond the SDK's own.
func echoMain() int {
	oa := officialaccount.NewOfficialAccount(&oaconfig.Config{AppID: "wxd0000000000demo", AppSecret: "unused",
		Token: demoToken, EncodingAESKey: "mpbotdemokeympbotdemokeympbotdemokeympbotde", Cache: cache.NewMemory()})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		srv := oa.GetServer(r, w)
		srv.SetMessageHandler(func(msg *message.MixMessage) *message.Reply {
			return &message.Reply{MsgType: message.MsgTypeText, MsgData: message.NewText(msg.Content)}
		})
		if err := srv.Serve(); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		srv.Send()
	})
	return serve(h)
}

// followerQuestions is ~250 distinct questions in rotation: the dev set's
// and ours (search/testdata/questions.tsv), as followers type them.
func followerQuestions(b *testing.B) []string {
	qs := readDevQueries(b)
	f, err := os.Open(filepath.Join("..", "search", "testdata", "questions.tsv"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	seen := map[string]bool{}
	for _, q := range qs {
		seen[q] = true
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() && len(qs) < 250 {
		q, _, _ := strings.Cut(sc.Text(), "\t")
		if q == "" || strings.HasPrefix(q, "#") || seen[q] {
			continue
		}
		seen[q] = true
		qs = append(qs, q)
	}
	return qs
}

// corpusStore is an SQLite store holding the shared corpus (19,594
// articles) and its index snapshot, built once per analysis version.
func corpusStore(b *testing.B) string {
	return buildStore(b, "corpus", 0)
}

// BenchmarkWebhookFloor is issue 14's measure, all in one run on one
// machine: the floor (a constant encrypted reply in bare net/http), an echo
// bot on silenceper/wechat, and mpbot serve on the shared corpus with its
// answer cache, without it, and as a fleet (PostgreSQL and Redis), each in
// a process of its own, each driven by 16 concurrent senders in safe mode
// with ~250 follower questions in rotation. It reports req/s, each one's
// share of the floor, p50/p99 at a steady 1,000 req/s and the peak
// resident memory; uncached serve also runs at GOGC 100 and 200 beside
// the 50 it sets itself. It also reports each target's own CPU time per
// message while the senders go as fast as they can (user and system, at
// 10 ms granularity), which the other processes on the machine disturb
// less than its rate, the senders' own (this process's), and for the
// fleet the CPU time Redis and PostgreSQL spent meanwhile and its Redis
// round trips per message.
//
// MPBOT_BENCH_TARGETS, a comma-separated list of target names (floor,
// sdk-echo, cached, uncached, uncached-gogc100, uncached-gogc200, fleet),
// runs only those, in that order; shares of the floor need floor among
// them. MPBOT_BENCH_REQUESTS sets how many messages the senders send as
// fast as they go (20,000).
//
//	cd bench && go test -run '^$' -bench WebhookFloor -benchtime 1x
//	MPBOT_BENCH_TARGETS=floor,fleet,cached go test -run '^$' -bench WebhookFloor -benchtime 1x -count 3
func BenchmarkWebhookFloor(b *testing.B) {
	storeSrc := corpusStore(b)
	queries := followerQuestions(b)
	cfgPath := serveConfig(b, storeSrc)
	serve := func() *exec.Cmd { return mpbotCmd("serve", "--config", cfgPath) }
	self := func() *exec.Cmd { return exec.Command(os.Args[0], "-test.run=^$") }
	const senders = 16
	requests := 20_000
	if n, err := strconv.Atoi(os.Getenv("MPBOT_BENCH_REQUESTS")); err == nil && n > 0 {
		requests = n
	}
	type target struct {
		name string
		cmd  func() *exec.Cmd
		env  []string
	}
	targets := []target{
		{"floor", self, []string{"MPBOT_BENCH_FLOOR=1"}},
		{"sdk-echo", self, []string{"MPBOT_BENCH_ECHO=1"}},
		{"cached", serve, nil},
		{"uncached", serve, []string{"MPBOT_SEARCH_CACHE_SIZE=0"}},
		// serve sets GOGC 50 unless GOGC is set: these measure the choice.
		{"uncached-gogc100", serve, []string{"MPBOT_SEARCH_CACHE_SIZE=0", "GOGC=100"}},
		{"uncached-gogc200", serve, []string{"MPBOT_SEARCH_CACHE_SIZE=0", "GOGC=200"}},
		{"fleet", serve, nil}, // its environment is made only if it runs
	}
	if only := os.Getenv("MPBOT_BENCH_TARGETS"); only != "" {
		var chosen []target
		for _, name := range strings.Split(only, ",") {
			i := slices.IndexFunc(targets, func(t target) bool { return t.name == strings.TrimSpace(name) })
			if i < 0 {
				b.Fatalf("MPBOT_BENCH_TARGETS: no target %q", name)
			}
			chosen = append(chosen, targets[i])
		}
		targets = chosen
	}
	for i, t := range targets {
		if t.name == "fleet" {
			targets[i].env = fleetOf(b, storeSrc, "mpbot-floor")
		}
	}

	for i := 0; i < b.N; i++ {
		rps := map[string]float64{}
		for _, target := range targets {
			base, cmd := startChild(b, nil, target.cmd(), target.env...)
			sim := &wechat.Simulator{URL: base + "/wechat", Token: demoToken, AppID: "wxd0000000000demo",
				AESKey: "mpbotdemokeympbotdemokeympbotdemokeympbotde", Account: "gh_probe"}
			// A MsgId of its own: the targets share the store, which keeps
			// the messages answered across restarts (a replay gets nothing).
			out, err := sim.Send(context.Background(), wechat.Inbound{From: "o_probe", MsgType: "text", Content: "枫桥经验", MsgID: time.Now().UnixNano(), CreateTime: time.Now().Unix()})
			if err != nil || out.MsgType == "" {
				cmd.Process.Kill()
				b.Fatalf("%s does not answer a signed, encrypted message: %v %+v", target.name, err, out)
			}
			openLoop(prepare(b, base, 1000, queries), 1000) // warm up
			reqs := prepare(b, base, requests, queries)
			redisProcs, pgProcs := procsNamed("redis-server"), procsNamed("postgres") // for the fleet's share
			cpuBefore, redisBefore, pgBefore, loadBefore := procCPU(cmd.Process.Pid), sumCPU(redisProcs), sumCPU(pgProcs), procCPU(os.Getpid())
			tripsBefore := metric(base, "mpbot_redis_round_trips_total")
			r, failed := closedLoop(reqs, senders)
			cpu, redisCPU, pgCPU, loadCPU := procCPU(cmd.Process.Pid)-cpuBefore, sumCPU(redisProcs)-redisBefore, sumCPU(pgProcs)-pgBefore, procCPU(os.Getpid())-loadBefore
			trips := metric(base, "mpbot_redis_round_trips_total") - tripsBefore
			rps[target.name] = r
			if failed > 0 {
				b.Errorf("%s: %d of %d failed", target.name, failed, requests)
			}
			steady := openLoop(prepare(b, base, 10_000, queries), 1000)
			_, peak := procMemory(cmd.Process.Pid)
			cmd.Process.Signal(os.Interrupt)
			cmd.Wait()
			b.ReportMetric(float64(cpu.Microseconds())/float64(requests), target.name+"-cpu-us/msg")
			b.ReportMetric(float64(loadCPU.Microseconds())/float64(requests), target.name+"-senders-cpu-us/msg")
			if target.name == "fleet" {
				// Both servers are shared: other processes' use of them
				// counts here too.
				b.ReportMetric(float64(redisCPU.Microseconds())/float64(requests), target.name+"-redis-cpu-us/msg")
				b.ReportMetric(float64(pgCPU.Microseconds())/float64(requests), target.name+"-pg-cpu-us/msg")
				b.ReportMetric(trips/float64(requests), target.name+"-redis-trips/msg")
			}
			if steady.errors > 0 {
				b.Errorf("%s: %d errors at 1,000 req/s", target.name, steady.errors)
			}
			b.ReportMetric(rps[target.name], target.name+"-rps")
			b.ReportMetric(float64(steady.p50.Microseconds())/1000, target.name+"-p50-ms")
			b.ReportMetric(float64(steady.p99.Microseconds())/1000, target.name+"-p99-ms")
			b.ReportMetric(peak, target.name+"-peak-MB")
		}
		for name, r := range rps {
			if _, ok := rps["floor"]; ok && name != "floor" {
				b.ReportMetric(100*r/rps["floor"], name+"-%floor")
			}
		}
	}
}

// procCPU is the user and system time process pid has used, as
// /proc/pid/stat counts it (in clock ticks, 100 a second), or 0 when it
// has gone.
func procCPU(pid int) time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The fields after the command's name, which may hold spaces, in ().
	fields := strings.Fields(string(data[bytes.LastIndexByte(data, ')')+1:]))
	if len(fields) < 13 {
		return 0
	}
	utime, _ := strconv.ParseInt(fields[11], 10, 64)
	stime, _ := strconv.ParseInt(fields[12], 10, 64)
	return time.Duration(utime+stime) * 10 * time.Millisecond
}

// procsNamed lists the processes whose command is name.
func procsNamed(name string) []int {
	dirs, _ := os.ReadDir("/proc")
	var pids []int
	for _, d := range dirs {
		pid, err := strconv.Atoi(d.Name())
		if err != nil {
			continue
		}
		comm, _ := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid))
		if strings.TrimSpace(string(comm)) == name {
			pids = append(pids, pid)
		}
	}
	return pids
}

// sumCPU is the CPU time pids have used; a process started since (a new
// PostgreSQL backend) is not counted.
func sumCPU(pids []int) time.Duration {
	var sum time.Duration
	for _, pid := range pids {
		sum += procCPU(pid)
	}
	return sum
}

// metric is the value of an unlabelled series on serve's /metrics at
// base, or 0 when there is none (the floor, the echo bot).
func metric(base, name string) float64 {
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), name+" "); ok {
			f, _ := strconv.ParseFloat(v, 64)
			return f
		}
	}
	return 0
}
