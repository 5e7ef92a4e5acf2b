package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"mpbot/bot/wechat"
	"mpbot/bot/wechat/wechattest"
	"mpbot/content"
	"mpbot/store"
	"mpbot/store/storetest"
)

// redisPrefix is a key prefix of the test's own on the shared Redis; its
// keys are deleted when the test ends.
func redisPrefix(t testing.TB, name string) string {
	prefix := fmt.Sprintf("%s-%d", name, time.Now().UnixNano())
	t.Cleanup(func() {
		if err := deleteRedisKeys(prefix); err != nil {
			t.Errorf("clean up Redis keys %s:*: %v", prefix, err)
		}
	})
	return prefix
}

// deleteRedisKeys deletes the keys under prefix from the shared Redis, a
// batch at a time as SCAN finds them (redis-cli --scan). KEYS, even inside
// EVAL, walks the whole keyspace in one command and holds up every other
// client meanwhile (313 ms once). (bench/ has a copy: another module.)
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

// startChild runs this test binary as mpbot (TestMain reads the arguments
// from MPBOT_TEST_MAIN) and returns the base URL it serves on. Its log
// lines are copied to logs, if given.
func startChild(t testing.TB, logs io.Writer, env ...string) (string, *exec.Cmd) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), env...)
	addr := make(chan string, 1)
	// The child's log read line by line as exec copies it: cmd.Wait returns
	// once every line is in logs. (Read from cmd.StderrPipe, the last lines
	// could be lost: Wait closes the pipe at the child's exit, and a test
	// reading the shutdown's log after it failed under load.)
	cmd.Stderr = &lineWriter{line: func(l string) {
		if logs != nil {
			fmt.Fprintln(logs, l)
		}
		if m := addrRe.FindStringSubmatch(l); m != nil {
			select {
			case addr <- m[1]:
			default:
			}
		}
	}}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case a := <-addr:
		return "http://" + a, cmd
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatal("child did not start")
	}
	return "", nil
}

// lineWriter hands each line written to it to line; its one writer is
// exec's copy of a child's output.
type lineWriter struct {
	buf  []byte
	line func(string)
}

func (w *lineWriter) Write(p []byte) (int, error) {
	w.buf = append(w.buf, p...)
	for {
		i := bytes.IndexByte(w.buf, '\n')
		if i < 0 {
			break
		}
		w.line(string(w.buf[:i]))
		w.buf = w.buf[i+1:]
	}
	return len(p), nil
}

// waitForRedisKey waits until key is in the Redis on 127.0.0.1:port. A
// replica writes a follower's list within 2 ms of its reply, with the next
// message's claim or by itself (README); a test's next message, to another
// replica, can come sooner than a follower types a number.
func waitForRedisKey(t *testing.T, port, key string) {
	t.Helper()
	waitFor(t, func() bool {
		out, err := exec.Command("redis-cli", "-h", "127.0.0.1", "-p", port, "EXISTS", key).Output()
		return err == nil && strings.TrimSpace(string(out)) == "1"
	}, key+" in Redis")
}

func requireRedis(t testing.TB) {
	t.Helper()
	if err := exec.Command("redis-cli", "-h", "127.0.0.1", "ping").Run(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("Redis needed under CI: %v", err)
		}
		t.Skipf("no Redis: %v", err)
	}
}

// TestFleetOnPostgresAndRedis runs two `mpbot serve` processes on one
// PostgreSQL store and one Redis, as a fleet behind a load balancer does:
// a retry on the other replica gets the same reply and no second action, a
// numbered list is answered by the other replica, an import from a
// workstation is searchable on both within 2 s, and the daily push that both
// find due is delivered once per follower even though the replica holding
// it is killed halfway.
func TestFleetOnPostgresAndRedis(t *testing.T) {
	requireRedis(t)
	dsn := storetest.PostgresDSN(t)
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	day := pushDueNow(t) // both replicas find it due at start
	prefix := redisPrefix(t, "mpbot-fleet")
	for k, v := range map[string]string{
		"MPBOT_STORE_DRIVER":      "postgres",
		"MPBOT_STORE_DSN":         dsn,
		"MPBOT_STATE_DRIVER":      "redis",
		"MPBOT_STATE_KEY_PREFIX":  prefix,
		"MPBOT_WECHAT_API_BASE":   fake.URL,
		"MPBOT_WECHAT_APP_SECRET": "s",
		"MPBOT_PUSH_MODE":         "customer",
		"MPBOT_PUSH_QPS":          "100",
		"MPBOT_PUSH_LEASE_TTL":    "6s", // renewed every 2s: long enough for a loaded machine, where a late renewal would let the other replica take over a live run
	} {
		t.Setenv(k, v)
	}
	runCmd(t, "try", "--config", cfg, "你好") // seeds the demo articles into PostgreSQL
	const followers = 600
	st, err := store.OpenPostgres(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	seedFollowersIn(t, st, followers)

	// The test holds the day's push until both replicas are up and
	// standing by (one can take seconds longer to start on a loaded
	// machine, long enough for the other to finish the day alone).
	const gate = "the-test" // not an owner of this host's: never taken to be gone
	if err := st.AcquirePush(context.Background(), day, gate, time.Now(), time.Hour); err != nil {
		t.Fatal(err)
	}
	serveArgs := "MPBOT_TEST_MAIN=" + strings.Join([]string{"serve", "--config", cfg}, "\n")
	logsA, logsB := &syncBuffer{}, &syncBuffer{}
	baseA, cmdA := startChild(t, logsA, serveArgs)
	baseB, cmdB := startChild(t, logsB, serveArgs)
	t.Cleanup(func() { cmdA.Process.Kill(); cmdB.Process.Kill(); cmdA.Wait(); cmdB.Wait() })

	// Webhook: a list from A, its follow-up on B, WeChat's retry on B.
	sim := func(base string) *wechat.Simulator { return simulatorFor(t, cfg, base) }
	ctx := context.Background()
	sent := time.Now().Unix()
	list, err := sim(baseA).Send(ctx, wechat.Inbound{From: "o_fleet", MsgType: "text", Content: "遴选", MsgID: 1, CreateTime: sent})
	if err != nil || !strings.Contains(list.Content, "2. ") {
		t.Fatalf("list from replica A: %v %+v", err, list)
	}
	waitForRedisKey(t, "6379", prefix+":followup:o_fleet")
	card, err := sim(baseB).Send(ctx, wechat.Inbound{From: "o_fleet", MsgType: "text", Content: "2", MsgID: 2, CreateTime: sent})
	if err != nil || card.MsgType != "news" {
		t.Fatalf("replica B answered the follow-up with %v %+v", err, card)
	}
	retry, err := sim(baseB).Send(ctx, wechat.Inbound{From: "o_fleet", MsgType: "text", Content: "遴选", MsgID: 1, CreateTime: sent})
	if err != nil || retry.Content != list.Content {
		t.Fatalf("retry on replica B: %v %+v, want %q", err, retry, list.Content)
	}
	if m := httpGet(t, baseB+"/metrics"); !strings.Contains(m, "mpbot_dedupe_hits_total 1") || strings.Contains(m, "mpbot_search_seconds_count 1") {
		t.Fatalf("replica B ran the bot for a retry:\n%s", m)
	}

	// An import from a workstation, into the shared store.
	jsonl := filepath.Join(dir, "new.jsonl")
	os.WriteFile(jsonl, []byte(`{"id":"fleet-1","title":"海洋牧场建设观察","summary":"深远海养殖","url":"https://example.com/fleet-1","published_on":"2026-11-20"}`+"\n"), 0o644)
	if code, out, errOut := runCmd(t, "import", "--config", cfg, jsonl); code != 0 {
		t.Fatalf("import: %d\n%s\n%s", code, out, errOut)
	}
	imported := time.Now()
	for i, base := range []string{baseA, baseB} {
		for msg := int64(10 + i*100); ; msg++ {
			r, err := sim(base).Send(ctx, wechat.Inbound{From: "o_reader", MsgType: "text", Content: "海洋牧场", MsgID: msg, CreateTime: time.Now().Unix()})
			if err == nil && len(r.Articles) > 0 && strings.Contains(r.Articles[0].Title, "海洋牧场") {
				break
			}
			// The promise is a second (the log is replayed twice a
			// second); under a loaded CI machine allow far more, and log
			// what it took.
			if time.Since(imported) > 15*time.Second {
				t.Fatalf("replica %c did not find the import within 15s: %v %+v", 'A'+i, err, r)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	t.Logf("import searchable on both replicas after %v", time.Since(imported).Round(time.Millisecond))

	// The push: both replicas found it due and stand by; the test lets
	// go of it (its lease runs out at once), one replica takes it, the
	// other keeps standing by. Kill the one delivering halfway; the other
	// finishes the day.
	for standBy := time.Now().Add(30 * time.Second); !strings.Contains(logsA.String(), "standing by") || !strings.Contains(logsB.String(), "standing by"); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(standBy) {
			t.Fatalf("replicas not both standing by within 30s\nA:\n%s\nB:\n%s", pushLines(logsA.String()), pushLines(logsB.String()))
		}
	}
	if err := st.AcquirePush(ctx, day, gate, time.Now().Add(-2*time.Hour), time.Hour); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool {
		return strings.Contains(logsA.String(), "daily push progress") || strings.Contains(logsB.String(), "daily push progress")
	}, "push started")
	holder, other, otherLogs := cmdA, "B", logsB
	if strings.Contains(logsB.String(), "daily push progress") {
		holder, other, otherLogs = cmdB, "A", logsA
	}
	deadline := time.Now().Add(20 * time.Second)
	for len(fake.Calls("/cgi-bin/message/custom/send")) < followers/3 {
		if time.Now().After(deadline) {
			t.Fatal("push too slow to kill halfway")
		}
		time.Sleep(5 * time.Millisecond)
	}
	holder.Process.Kill()
	holder.Wait()
	killedAt := len(fake.Calls("/cgi-bin/message/custom/send"))
	deadline = time.Now().Add(30 * time.Second)
	for {
		state, note, err := st.PushRun(ctx, day)
		if err == nil && state == "done" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("replica %s did not finish the day: %q %q %v\n%s", other, state, note, err, otherLogs)
		}
		time.Sleep(100 * time.Millisecond)
	}
	perFollower := customSendsPerFollower(fake)
	for id, n := range perFollower {
		if n != 1 {
			t.Errorf("%s received %d copies", id, n)
		}
	}
	sum, err := st.LedgerSummary(ctx, day)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Counts[store.Sent]+sum.Counts[store.Unknown] < followers || sum.Counts[store.Unknown] > 16 {
		t.Errorf("ledger %v: want all %d followers sent, at most one batch unknown", sum.Counts, followers)
	}
	t.Logf("holder killed after %d sends; ledger %v", killedAt, sum.Counts)
}

// TestRedisOutage: Redis stops under two running replicas. The webhook
// keeps answering (dedupe falls back to each process, counted), /readyz
// says ready and degraded; when Redis is back, follow-ups are shared again.
func TestRedisOutage(t *testing.T) {
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("redis-server needed under CI")
		}
		t.Skip("no redis-server to start a private Redis")
	}
	// A Redis of this test's own, so stopping it disturbs no other test.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := fmt.Sprint(ln.Addr().(*net.TCPAddr).Port)
	ln.Close()
	var redis *exec.Cmd
	startRedis := func() {
		redis = exec.Command(bin, "--port", port, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
		if err := redis.Start(); err != nil {
			t.Fatal(err)
		}
		waitFor(t, func() bool { return exec.Command("redis-cli", "-p", port, "ping").Run() == nil }, "private Redis")
	}
	stopRedis := func() { redis.Process.Kill(); redis.Wait() }
	startRedis()
	t.Cleanup(func() { stopRedis() })

	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	t.Setenv("MPBOT_STATE_DRIVER", "redis")
	t.Setenv("MPBOT_STATE_REDIS_URL", "redis://127.0.0.1:"+port+"/0")
	baseA, stopA := startServe(t, cfg, &syncBuffer{})
	defer stopA()
	baseB, stopB := startServe(t, cfg, &syncBuffer{})
	defer stopB()
	ctx := context.Background()
	send := func(base, text string, id int64) *wechat.Outbound {
		t.Helper()
		// The simulator reads the config (rules compiled and all) before
		// the clock starts: timed with it, the harness's work took a
		// message past the second on a loaded machine (CI rehearsal).
		sim := simulatorFor(t, cfg, base)
		start := time.Now()
		r, err := sim.Send(ctx, wechat.Inbound{From: "o_outage", MsgType: "text", Content: text, MsgID: id, CreateTime: time.Now().Unix()})
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		if took := time.Since(start); took > time.Second {
			t.Errorf("%q took %v", text, took)
		}
		return r
	}

	stopRedis()
	card := send(baseA, "枫桥经验", 1)
	if len(card.Articles) == 0 || !strings.Contains(card.Articles[0].Title, "枫桥经验") {
		t.Fatalf("with Redis down: %+v", card)
	}
	if again := send(baseA, "枫桥经验", 1); len(again.Articles) == 0 || again.Articles[0].Title != card.Articles[0].Title {
		t.Fatalf("retry with Redis down: %+v", again)
	}
	// A list that cannot be kept does not ask for a number, and a number
	// is told the list cannot be read (it got "no match").
	if list := send(baseA, "基层治理", 20); !strings.Contains(list.Content, "2. ") || strings.Contains(list.Content, "回复序号") || !strings.Contains(list.Content, "点击标题阅读") {
		t.Fatalf("a list with Redis down: %q", list.Content)
	}
	for i, text := range []string{"2", "第二篇", "选②", "换一批", "更多"} { // in words too (a helper's finds: searched)
		if two := send(baseA, text, int64(21+i)); !strings.Contains(two.Content, "列表暂时无法读取") {
			t.Fatalf("%s with Redis down: %q", text, two.Content)
		}
	}
	m := httpGet(t, baseA+"/metrics")
	if !strings.Contains(m, "mpbot_dedupe_hits_total 1") || strings.Contains(m, "mpbot_shared_state_errors_total 0") {
		t.Fatalf("degraded dedupe not counted:\n%s", m)
	}
	// Ready, for a load balancer would drop every replica at once, and
	// degraded.
	if ready := httpGet(t, baseA+"/readyz"); !strings.Contains(ready, "degraded: redis unreachable") {
		t.Fatalf("readyz with Redis down: %q", ready)
	}
	// A replica (re)started during the outage starts, as the running
	// ones go on; so do the commands an operator needs meanwhile.
	logsC := &syncBuffer{}
	baseC, stopC := startServe(t, cfg, logsC)
	if card := send(baseC, "浦江经验", 9); len(card.Articles) == 0 || !strings.Contains(logsC.String(), "redis unreachable at start") {
		t.Fatalf("a replica started with Redis down: %+v\n%s", card, logsC)
	}
	stopC()
	// A day of its own: today's push may have run, caught up at a
	// replica's start when the test runs within push.catch_up after
	// 07:30 CST (it failed so at 07:35).
	if code, out, errOut := runCmd(t, "push", "status", "--config", cfg, "--date", "2030-01-02"); code != 0 || !strings.Contains(out, "not run yet") {
		t.Fatalf("push status with Redis down: exit %d\n%s%s", code, out, errOut)
	}

	startRedis()
	waitFor(t, func() bool { return !strings.Contains(httpGet(t, baseA+"/readyz"), "degraded") }, "readyz not degraded after Redis restart")
	list := send(baseA, "遴选", 2)
	if !strings.Contains(list.Content, "2. ") {
		t.Fatalf("list after restart: %+v", list)
	}
	waitForRedisKey(t, port, "mpbot:followup:o_outage")
	if card := send(baseB, "2", 3); card.MsgType != "news" {
		t.Fatalf("follow-up on the other replica after Redis came back: %+v", card)
	}
}

// pushDueNow schedules the daily push for the current minute (in the
// default push.timezone) with a catch-up window, so a serve started now runs
// it at once. It returns the day pushed.
func pushDueNow(t *testing.T) string {
	zone, _ := time.LoadLocation("Asia/Shanghai")
	now := time.Now().In(zone)
	t.Setenv("MPBOT_PUSH_SCHEDULE", fmt.Sprintf("%d %d * * *", now.Minute(), now.Hour()))
	t.Setenv("MPBOT_PUSH_CATCH_UP", "1h")
	return now.Format(content.DateLayout)
}

// TestServeSIGTERMMidPush: SIGTERM while serve delivers the daily push. The
// process finishes the calls under way, records them, releases the lease
// (another process can take the day at once) and exits 0 within
// server.shutdown_timeout.
func TestServeSIGTERMMidPush(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	day := pushDueNow(t)
	for k, v := range map[string]string{
		"MPBOT_WECHAT_API_BASE":         fake.URL,
		"MPBOT_WECHAT_APP_SECRET":       "s",
		"MPBOT_PUSH_MODE":               "customer",
		"MPBOT_PUSH_QPS":                "100",
		"MPBOT_SERVER_SHUTDOWN_TIMEOUT": "3s",
	} {
		t.Setenv(k, v)
	}
	runCmd(t, "try", "--config", cfg, "你好")
	seedFollowers(t, filepath.Join(dir, "mpbot.db"), 400)
	logs := &syncBuffer{}
	_, cmd := startChild(t, logs, "MPBOT_TEST_MAIN="+strings.Join([]string{"serve", "--config", cfg}, "\n"))
	t.Cleanup(func() { cmd.Process.Kill() })
	deadline := time.Now().Add(20 * time.Second)
	for len(fake.Calls("/cgi-bin/message/custom/send")) < 100 {
		if time.Now().After(deadline) {
			t.Fatalf("push did not start:\n%s", logs)
		}
		time.Sleep(5 * time.Millisecond)
	}
	signalled := time.Now()
	cmd.Process.Signal(syscall.SIGTERM)
	err := cmd.Wait()
	took := time.Since(signalled)
	if err != nil || took > 3*time.Second {
		t.Fatalf("exit after SIGTERM: %v after %v\n%s", err, took, logs)
	}
	st, err := store.Open(context.Background(), filepath.Join(dir, "mpbot.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sum, _ := st.LedgerSummary(context.Background(), day)
	calls := len(fake.Calls("/cgi-bin/message/custom/send"))
	if sum.Counts[store.Sent] != calls || sum.Counts[store.Sending]+sum.Counts[store.Unknown] != 0 || sum.RunState != "stopped" {
		t.Fatalf("after SIGTERM: %d calls, ledger %v, run %q", calls, sum.Counts, sum.RunState)
	}
	if err := st.AcquirePush(context.Background(), day, "next-replica", time.Now(), time.Minute); err != nil {
		t.Fatalf("lease not released: %v", err)
	}
	if strings.Contains(logs.String(), "level=ERROR") {
		t.Errorf("a clean shutdown logged an error:\n%s", logs)
	}
	t.Logf("exited %v after SIGTERM with %d of 400 sent", took.Round(time.Millisecond), calls)
}

// TestOneRedisRoundTripPerMessage: through serve's own handler with the
// state in Redis, a message costs one round trip: its claim, carrying the
// writes the message before left (its answer, its follower's list). A
// number after a list costs two: its list is read after the claim. The
// flusher is held off, so the count is exact.
func TestOneRedisRoundTripPerMessage(t *testing.T) {
	a, _, sim, _ := redisReplica(t, "mpbot-trips")
	a.redis.SetFlushAfter(time.Hour)
	id := int64(0)
	send := func(from, text string) *wechat.Outbound {
		id++
		out, err := sim.Send(context.Background(), wechat.Inbound{From: from, MsgType: "text", Content: text, MsgID: id, CreateTime: time.Now().Unix()})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	before := a.redis.RoundTrips()
	texts := []string{"遴选", "你好", "枫桥经验", "基层治理", "红烧肉怎么做", "新质生产力", "帮助", "遴选笔试"}
	for i := range 40 {
		send(fmt.Sprintf("o_trip_%d", i), texts[i%len(texts)])
	}
	if n := a.redis.RoundTrips() - before; n != 40 {
		t.Fatalf("%d Redis round trips for 40 messages, want 40", n)
	}
	list := send("o_chooser", "遴选")
	if !strings.Contains(list.Content, "2. ") {
		t.Fatalf("want a list for 遴选: %+v", list)
	}
	before = a.redis.RoundTrips()
	if out := send("o_chooser", "2"); out.MsgType != "news" {
		t.Fatalf("the number did not open the article: %+v", out)
	}
	if n := a.redis.RoundTrips() - before; n != 2 {
		t.Fatalf("%d round trips for a number, want 2", n)
	}
}

// TestRetryAfterTheClaimingReplicaDied: a replica claimed a message in
// Redis and died before answering. WeChat's retry reaches this replica
// 5 s after the first request: it takes the message over and answers,
// once, and records the answer for the retry after.
func TestRetryAfterTheClaimingReplicaDied(t *testing.T) {
	_, srv, sim, prefix := redisReplica(t, "mpbot-takeover")
	first := time.Now().Add(-5 * time.Second)
	claim := fmt.Sprintf("%d:dead-replica-1", first.UnixMilli())
	// Made 5 s ago: its time to live is 5 s short of a claim's 10 minutes.
	if out, err := exec.Command("redis-cli", "-h", "127.0.0.1", "SET", prefix+":claim:o_orphan|41", claim, "PX", "595000").CombinedOutput(); err != nil {
		t.Fatalf("redis-cli: %v %s", err, out)
	}
	in := wechat.Inbound{From: "o_orphan", MsgType: "text", Content: "枫桥经验", MsgID: 41, CreateTime: first.Unix()}
	out, err := sim.Send(context.Background(), in)
	if err != nil || out.MsgType != "news" {
		t.Fatalf("retry of a message a dead replica claimed: %v %+v", err, out)
	}
	waitForRedisKey(t, "6379", prefix+":reply:o_orphan|41")
	again, err := sim.Send(context.Background(), in)
	if err != nil || again.MsgType != "news" || again.Articles[0].URL != out.Articles[0].URL {
		t.Fatalf("the retry after: %v %+v", err, again)
	}
	m := httpGet(t, srv.URL+"/metrics")
	if !strings.Contains(m, "mpbot_claims_taken_over_total 1") || !strings.Contains(m, "mpbot_search_seconds_count 1\n") {
		t.Fatalf("want one takeover and one search:\n%s", grepLines(m, "taken_over", "search_seconds_count"))
	}
}

// redisReplica is serve's app and routes in process, on the demo config,
// with its state in Redis under a prefix of its own.
func redisReplica(t *testing.T, name string) (*app, *httptest.Server, *wechat.Simulator, string) {
	t.Helper()
	requireRedis(t)
	prefix := redisPrefix(t, name)
	t.Setenv("MPBOT_STATE_DRIVER", "redis")
	t.Setenv("MPBOT_STATE_KEY_PREFIX", prefix)
	a, srv, sim := replicaIn(t, t.TempDir())
	return a, srv, sim, prefix
}

// replicaIn is serve's app and routes in process, on the demo config with
// its store in dir, and a simulator of WeChat sending to it.
func replicaIn(t *testing.T, dir string) (*app, *httptest.Server, *wechat.Simulator) {
	t.Helper()
	return replicaLogging(t, dir, io.Discard)
}

// replicaLogging is replicaIn logging warnings and errors to logs.
func replicaLogging(t *testing.T, dir string, logs io.Writer) (*app, *httptest.Server, *wechat.Simulator) {
	t.Helper()
	cfg := loadShipped(t, writeConfig(t, dir, ""))
	seedStore(t, cfg)
	return replicaOf(t, cfg, logs)
}

// replicaOf is serve's app and routes in process on cfg, logging warnings
// and errors to logs, and a simulator of WeChat sending to it.
func replicaOf(t *testing.T, cfg *Config, logs io.Writer) (*app, *httptest.Server, *wechat.Simulator) {
	t.Helper()
	a, err := newApp(context.Background(), cfg, quietLogger(logs), withWebhook)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(a.routes())
	t.Cleanup(func() { srv.Close(); a.close() })
	return a, srv, simulatorOf(cfg, srv.URL)
}

// pushLines is the daily push's lines of a log.
func pushLines(log string) string { return grepLines(log, "push", "lease") }

// grepLines is the lines of text holding any of words.
func grepLines(text string, words ...string) string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		for _, w := range words {
			if strings.Contains(l, w) {
				out = append(out, l)
				break
			}
		}
	}
	return strings.Join(out, "\n")
}

// TestStoreUnreadable: with the store unreadable (PostgreSQL down, a fleet
// operator's find), a number after a list and 每日一读 got "nothing found",
// which the report then listed as questions nothing answers. They get an
// apology: the article is there.
func TestStoreUnreadable(t *testing.T) {
	a, _, sim := replicaIn(t, t.TempDir())
	send := func(text string, id int64) *wechat.Outbound {
		t.Helper()
		r, err := sim.Send(context.Background(), wechat.Inbound{From: "o_down", MsgType: "text", Content: text, MsgID: id, CreateTime: time.Now().Unix()})
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		return r
	}
	if list := send("基层治理", 1); !strings.Contains(list.Content, "2. ") {
		t.Fatalf("no list: %+v", list)
	}
	if err := a.store.Close(); err != nil { // the search index stays in memory; the articles are the store's
		t.Fatal(err)
	}
	for i, text := range []string{"2", "每日一读"} {
		if r := send(text, int64(2+i)); r.Content != "文章暂时无法读取，请稍后再试。" {
			t.Errorf("%s with the store unreadable: %+v", text, r)
		}
	}
}

// followersAway renames the followers table of the SQLite store in dir
// away, so that the store refuses followers' writes as a store down would,
// until back is called.
func followersAway(t *testing.T, dir string) (back func()) {
	t.Helper()
	raw, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "mpbot.db")+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	if _, err := raw.Exec(`ALTER TABLE followers RENAME TO followers_away`); err != nil {
		t.Fatal(err)
	}
	return func() {
		t.Helper()
		if _, err := raw.Exec(`ALTER TABLE followers_away RENAME TO followers`); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSubscribeWhileTheStoreRefuses: a follower subscribing while the store
// refuses writes (PostgreSQL down; here the followers table renamed away)
// gets the welcome and is recorded once the store takes writes again (a
// fleet operator's find: lost, and skipped by the push).
func TestSubscribeWhileTheStoreRefuses(t *testing.T) {
	dir := t.TempDir()
	a, _, sim := replicaIn(t, dir)
	back := followersAway(t, dir)
	r, err := sim.Send(context.Background(), wechat.Inbound{From: "o_new", MsgType: "event", Event: "subscribe", CreateTime: time.Now().Unix()})
	if err != nil || r.Content == "" && len(r.Articles) == 0 {
		t.Fatalf("no welcome while the store refuses: %+v %v", r, err)
	}
	back()
	waitFor(t, func() bool {
		f, err := a.store.GetFollower(context.Background(), "o_new")
		return err == nil && f.Subscribed
	}, "the follower who subscribed during the outage recorded")
}

// TestUnsubscribeWhileTheStoreRefuses: a follower who leaves while the
// store refuses writes (PostgreSQL down, SQLite's lock held by an import;
// here the followers table renamed away) is forgotten once it takes them
// again, as is one who followed and left during the outage: the webhook
// answered WeChat, which does not send the event again (a hostile run's
// find: the follower stayed subscribed, with their data, and in the push).
func TestUnsubscribeWhileTheStoreRefuses(t *testing.T) {
	dir := t.TempDir()
	a, _, sim := replicaIn(t, dir)
	event := func(from, ev string, at int64) {
		t.Helper()
		if _, err := sim.Send(context.Background(), wechat.Inbound{From: from, MsgType: "event", Event: ev, CreateTime: at}); err != nil {
			t.Fatalf("%s %s: %v", from, ev, err)
		}
	}
	now := time.Now().Unix()
	event("o_leaver", "subscribe", now-10)
	if f, err := a.store.GetFollower(context.Background(), "o_leaver"); err != nil || !f.Subscribed {
		t.Fatalf("follower before leaving: %+v %v", f, err)
	}
	back := followersAway(t, dir)
	event("o_leaver", "unsubscribe", now)
	event("o_passing", "subscribe", now-5)
	event("o_passing", "unsubscribe", now)
	back()
	for _, id := range []string{"o_leaver", "o_passing"} {
		waitFor(t, func() bool {
			f, err := a.store.GetFollower(context.Background(), id)
			return err == nil && !f.Subscribed && f.SubscribedAt.IsZero() && !f.UnsubscribedAt.IsZero()
		}, id+", who left during the outage, forgotten")
	}
}

// TestReadyNamesWhatHangs: with PostgreSQL hung (its connections open,
// nothing answering) and Redis answering, the health checks name the store
// alone (a hostile run's find: the store's ping spent the probe's whole 2 s
// and Redis's, asked after it, read as unreachable).
func TestReadyNamesWhatHangs(t *testing.T) {
	requireRedis(t)
	dsn, pg := storetest.PostgresThrough(t)
	t.Setenv("MPBOT_STORE_DRIVER", "postgres")
	t.Setenv("MPBOT_STORE_DSN", dsn)
	t.Setenv("MPBOT_STATE_DRIVER", "redis")
	t.Setenv("MPBOT_STATE_KEY_PREFIX", redisPrefix(t, "ready"))
	_, srv, _ := replicaIn(t, t.TempDir())
	if body := httpGet(t, srv.URL+"/readyz"); strings.Contains(body, "degraded") {
		t.Fatalf("/readyz before the hang: %q", body)
	}
	pg.Hang()
	t.Cleanup(pg.Resume) // before the replica's close, which would wait for its writers' last flush
	for _, path := range []string{"/readyz", "/healthz"} {
		if body := httpGet(t, srv.URL+path); !strings.Contains(body, "degraded: store unreachable (no answer within the check's 800ms)") || strings.Contains(body, "redis unreachable") {
			t.Errorf("%s with the store hung, want the store named as unanswered within the check's wait, and not Redis:\n%s", path, body)
		}
	}
}

// TestReadyWhenRedisHangs: with Redis hung (its connections open, nothing
// answering) the health checks name it within their wait, not after the
// client's own timeouts and retry (a review's find: 1.02–1.05 s, over a
// probe's second). It asserted the time once, and failed under load.
func TestReadyWhenRedisHangs(t *testing.T) {
	requireRedis(t)
	proxy := storetest.HangingProxy(t, "127.0.0.1:6379")
	t.Setenv("MPBOT_STATE_DRIVER", "redis")
	t.Setenv("MPBOT_STATE_REDIS_URL", "redis://"+proxy.Addr()+"/0")
	t.Setenv("MPBOT_STATE_KEY_PREFIX", redisPrefix(t, "ready-redis"))
	_, srv, _ := replicaIn(t, t.TempDir())
	if body := httpGet(t, srv.URL+"/readyz"); strings.Contains(body, "degraded") {
		t.Fatalf("/readyz before the hang: %q", body)
	}
	proxy.Hang()
	t.Cleanup(proxy.Resume)
	// The check is bounded by its context's deadline (healthWait, under a
	// probe's second), which the Redis client honours
	// (ContextTimeoutEnabled): its read timeout, shorter, says i/o
	// timeout; on a busy machine the check's deadline may come first.
	for _, path := range []string{"/readyz", "/healthz"} {
		body := httpGet(t, srv.URL+path)
		timedOut := strings.Contains(body, "degraded: redis unreachable (i/o timeout)") || strings.Contains(body, "degraded: redis unreachable (no answer within the check's 800ms)")
		if !timedOut || strings.Contains(body, "store unreachable") {
			t.Errorf("%s with Redis hung, want Redis named as timed out within the check's wait, the store not:\n%s", path, body)
		}
	}
}

// TestTryLeavesTheFleetsListsAlone: mpbot try records no list (a review's
// find: with Redis configured, try --openid X replaced X's open list, and
// 每日一读 deleted it).
func TestTryLeavesTheFleetsListsAlone(t *testing.T) {
	requireRedis(t)
	prefix := redisPrefix(t, "try")
	t.Setenv("MPBOT_STATE_DRIVER", "redis")
	t.Setenv("MPBOT_STATE_KEY_PREFIX", prefix)
	cfg := writeConfig(t, t.TempDir(), "")
	const list = `{"query":"枫桥经验","ids":["demo-fengqiao","demo-pujiang"],"search":"枫桥经验"}`
	key := prefix + ":followup:o_real"
	if out, err := exec.Command("redis-cli", "-h", "127.0.0.1", "SET", key, list, "EX", "600").CombinedOutput(); err != nil {
		t.Fatalf("redis-cli: %v %s", err, out)
	}
	for _, text := range []string{"基层治理", "每日一读"} {
		if code, out, errOut := runCmd(t, "try", "--config", cfg, "--openid", "o_real", text); code != 0 {
			t.Fatalf("try %s: %d\n%s%s", text, code, out, errOut)
		}
		out, err := exec.Command("redis-cli", "-h", "127.0.0.1", "GET", key).Output()
		if err != nil || strings.TrimSpace(string(out)) != list {
			t.Fatalf("after try %s the follower's list is %q (%v)", text, out, err)
		}
	}
}

// TestReadyWhileTheStoreIsDown: with the store unreachable (PostgreSQL
// down) a replica answers searches from its index in memory, and stays
// ready and live, saying what is degraded and why: every replica shares
// the one store, and a load balancer dropping the unready would drop them
// all, a liveness probe restart them into a start that fails while the
// store is down (an operator run's find: 503 on every replica).
func TestReadyWhileTheStoreIsDown(t *testing.T) {
	logs := &syncBuffer{}
	a, srv, sim := replicaLogging(t, t.TempDir(), logs)
	if err := a.store.Close(); err != nil { // as TestStoreUnreadable: the index stays in memory
		t.Fatal(err)
	}
	r, err := sim.Send(context.Background(), wechat.Inbound{From: "o_down", MsgType: "text", Content: "枫桥经验", MsgID: 1, CreateTime: time.Now().Unix()})
	if err != nil || len(r.Articles) == 0 {
		t.Fatalf("a search with the store down: %v %+v", err, r)
	}
	for _, path := range []string{"/readyz", "/healthz", "/readyz", "/healthz"} {
		if body := httpGet(t, srv.URL+path); !strings.Contains(body, "degraded: store unreachable (") || !strings.Contains(body, "searches answered from the index in memory") {
			t.Errorf("%s with the store down: %q", path, body)
		}
	}
	// Logged once, not at every probe (a hostile run's find: 18 ERROR
	// lines in 9 s with two probers).
	if n := strings.Count(logs.String(), "health check: store unreachable"); n != 1 {
		t.Errorf("the store down logged %d times by four probes:\n%s", n, logs)
	}
}

// TestStoreCopyAgainKeepsTheDemoArticlesRemoved (a newcomer run's find): README's fleet snippet runs
// `mpbot store copy --from data/mpbot.db` ("again after its serve stops: the
// changes since"), then `mpbot articles rm --demo`, then `mpbot serve`, and
// says of copying again that "what the fleet changed later stays". Run in
// that order (copy, rm --demo on the fleet's store, copy again after the
// one-machine serve stops), the second copy puts the 17 demo articles back
// ("articles: 19611, 17 of them added or changed", live): followers of the
// real account get example.com cards, and a demo article can be the daily
// reading.
func TestStoreCopyAgainKeepsTheDemoArticlesRemoved(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "你好") // the SQLite store, with the demo articles
	src := filepath.Join(dir, "mpbot.db")
	t.Setenv("MPBOT_STORE_DRIVER", "postgres")
	t.Setenv("MPBOT_STORE_DSN", dsn)
	if code, out, errOut := runCmd(t, "store", "copy", "--config", cfg, "--from", src); code != 0 {
		t.Fatalf("first copy: %d\n%s\n%s", code, out, errOut)
	}
	if code, out, errOut := runCmd(t, "articles", "rm", "--config", cfg, "--demo"); code != 0 {
		t.Fatalf("rm --demo: %d\n%s\n%s", code, out, errOut)
	}
	// The one-machine serve stops; the copy is run again for the changes since.
	code, out, errOut := runCmd(t, "store", "copy", "--config", cfg, "--from", src)
	if code != 0 {
		t.Fatalf("second copy: %d\n%s\n%s", code, out, errOut)
	}
	if _, got, _ := runCmd(t, "articles", "show", "--config", cfg, "demo-pujiang"); strings.Contains(got, "demo-pujiang") {
		t.Fatalf("the demo articles removed on the fleet's store (README: mpbot articles rm --demo) came back with the second copy:\n%s", out)
	}
}

// TestMetricsAnswerWithTheStoreHung (a review's find): /metrics asks the
// store whether today's push is done; with PostgreSQL hung (connections
// open, nothing answering) the scrape had waited without bound, past
// Prometheus's scrape timeout, and the replica's metrics were lost for the
// outage.
func TestMetricsAnswerWithTheStoreHung(t *testing.T) {
	dsn, pg := storetest.PostgresThrough(t)
	t.Setenv("MPBOT_STORE_DRIVER", "postgres")
	t.Setenv("MPBOT_STORE_DSN", dsn)
	_, srv, _ := replicaIn(t, t.TempDir())
	pg.Hang()
	t.Cleanup(pg.Resume)
	client := &http.Client{Timeout: 5 * time.Second}
	start := time.Now()
	r, err := client.Get(srv.URL + "/metrics") // the first scrape asks the store
	if err != nil {
		t.Fatalf("/metrics with the store hung: %v after %v", err, time.Since(start).Round(time.Millisecond))
	}
	r.Body.Close()
	if r.StatusCode != http.StatusOK {
		t.Fatalf("/metrics with the store hung: %d", r.StatusCode)
	}
}

// TestStoreCopyOfAFreshStoreKeepsTheDemoRemoved (a review's find): after `articles rm
// --demo` on the fleet, a copy from another SQLite store made since (a new
// one-machine store: serve, try or search fill it with the demo articles,
// their updated_at its creation) puts all the demo articles back, as the
// removed-article rule only skips a source row older than the removal.
func TestStoreCopyOfAFreshStoreKeepsTheDemoRemoved(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	dir, dir2 := t.TempDir(), t.TempDir()
	cfg, cfg2 := writeConfig(t, dir, ""), writeConfig(t, dir2, "")
	runCmd(t, "try", "--config", cfg, "你好")
	t.Setenv("MPBOT_STORE_DRIVER", "postgres")
	t.Setenv("MPBOT_STORE_DSN", dsn)
	if code, out, errOut := runCmd(t, "store", "copy", "--config", cfg, "--from", filepath.Join(dir, "mpbot.db")); code != 0 {
		t.Fatalf("first copy: %d\n%s\n%s", code, out, errOut)
	}
	if code, out, errOut := runCmd(t, "articles", "rm", "--config", cfg, "--demo"); code != 0 {
		t.Fatalf("rm --demo: %d\n%s\n%s", code, out, errOut)
	}
	t.Setenv("MPBOT_STORE_DRIVER", "sqlite")
	t.Setenv("MPBOT_STORE_DSN", "")
	time.Sleep(5 * time.Millisecond)
	runCmd(t, "try", "--config", cfg2, "你好") // another one-machine store, made after the removal
	t.Setenv("MPBOT_STORE_DRIVER", "postgres")
	t.Setenv("MPBOT_STORE_DSN", dsn)
	if code, out, errOut := runCmd(t, "store", "copy", "--config", cfg, "--from", filepath.Join(dir2, "mpbot.db")); code != 0 {
		t.Fatalf("second copy: %d\n%s\n%s", code, out, errOut)
	}
	if _, got, _ := runCmd(t, "articles", "show", "--config", cfg, "demo-pujiang"); strings.Contains(got, "demo-pujiang") {
		t.Errorf("the demo articles removed on the fleet came back with a copy from a store made since")
	}
}
