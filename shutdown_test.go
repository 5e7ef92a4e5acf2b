package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"mpbot/bot/wechat"
	"mpbot/content"
	"mpbot/store/storetest"
)

// hostileTexts are the messages issue 10 found costing seconds to
// minutes each: the largest a follower can send of each kind.
func hostileTexts() []string {
	r := rand.New(rand.NewPCG(1, 2))
	var han strings.Builder
	for range 4000 {
		han.WriteRune(rune(0x4e00 + r.IntN(0x9fa5-0x4e00)))
	}
	return []string{
		strings.Repeat("新时代枫桥经验在申论里怎么用", 15000/14),
		han.String(),
		strings.Repeat("a b ", 2500),
		strings.Repeat("的", 2000),
	}
}

var readyRe = regexp.MustCompile(`ready: (\d+) articles indexed`)

// TestShutdownDuringLongSearchesAndImport: while four senders keep the
// longest messages a follower can send coming, and `mpbot import` writes
// thousands of articles that serve takes into its index, /readyz still
// answers, the long messages are answered, and SIGTERM ends serve within
// server.shutdown_timeout.
func TestShutdownDuringLongSearchesAndImport(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	const timeout = 3 * time.Second
	t.Setenv("MPBOT_SERVER_SHUTDOWN_TIMEOUT", timeout.String())
	runCmd(t, "try", "--config", cfg, "你好") // the store with the demo articles

	// Articles to import: the demo set many times over.
	articles := filepath.Join(dir, "articles.jsonl")
	f, err := os.Create(articles)
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(f)
	demo := content.DemoArticles()
	for i := range 4000 {
		a := demo[i%len(demo)]
		a.ID, a.URL = fmt.Sprintf("%s-%d", a.ID, i), fmt.Sprintf("%s?copy=%d", a.URL, i)
		a.Title = fmt.Sprintf("%s（%d）", a.Title, i)
		enc.Encode(a)
	}
	f.Close()

	logs := &syncBuffer{}
	// Under -race the runtime sleeps a second at exit (atexit_sleep_ms)
	// for late reports: the child is told not to, so that what is timed is
	// serve's own exit.
	base, cmd := startChild(t, logs, "MPBOT_TEST_MAIN="+strings.Join([]string{"serve", "--config", cfg}, "\n"),
		"GORACE="+strings.TrimSpace(os.Getenv("GORACE")+" atexit_sleep_ms=0"))
	t.Cleanup(func() { cmd.Process.Kill() })
	indexed := func() int {
		m := readyRe.FindStringSubmatch(httpGet(t, base+"/readyz"))
		if m == nil {
			t.Fatal("/readyz does not say how many articles are indexed")
		}
		n, _ := strconv.Atoi(m[1])
		return n
	}
	before := indexed()

	imported := make(chan string, 1)
	go func() {
		code, out, errOut := runCmd(t, "import", "--config", cfg, articles)
		imported <- fmt.Sprintf("exit %d\n%s\n%s", code, out, errOut)
	}()

	sim := simulatorFor(t, cfg, base)
	var answered, failed atomic.Int64
	stop := make(chan struct{})
	var senders sync.WaitGroup
	for s, text := range hostileTexts() {
		senders.Add(1)
		go func() {
			defer senders.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				out, err := sim.Send(context.Background(), wechat.Inbound{From: fmt.Sprintf("o_long_%d", s), MsgType: "text", Content: text,
					MsgID: int64(s*1_000_000 + i), CreateTime: time.Now().Unix()})
				switch {
				case err != nil:
					failed.Add(1)
				case !out.Success:
					answered.Add(1)
				}
			}
		}()
	}

	// Wait until serve has taken part of the import into its index while
	// the long messages come and are answered; /readyz answers throughout.
	waitFor(t, func() bool { return indexed() > before && answered.Load() >= 8 }, "part of the import indexed and long messages answered")
	select {
	case r := <-imported:
		t.Logf("the import finished before the signal (%s); the index update was still under way in serve", r)
	default:
	}

	signalled := time.Now()
	cmd.Process.Signal(syscall.SIGTERM)
	err = cmd.Wait()
	took := time.Since(signalled)
	close(stop)
	senders.Wait()
	// serve keeps its own deadline (closeInTime); the process's exit after
	// it gets a second on a busy machine.
	if err != nil || took > timeout+time.Second {
		t.Fatalf("serve after SIGTERM: %v after %v (shutdown_timeout %v)\n%s", err, took, timeout, logs)
	}
	t.Logf("serve ended %v after SIGTERM; %d long messages answered before, %d requests failed (those sent after it stopped listening)",
		took.Round(time.Millisecond), answered.Load(), failed.Load())
	<-imported
}

// TestShutdownWithASlowUpload: a client that sends a POST's headers and
// then its body slowly (or never) does not hold serve's shutdown (a hostile
// run's find: every SIGTERM ended in exit 1, "followers may get no reply").
// Unsigned, it is refused before its body is read.
func TestShutdownWithASlowUpload(t *testing.T) {
	cfg := writeConfig(t, t.TempDir(), "")
	t.Setenv("MPBOT_SERVER_SHUTDOWN_TIMEOUT", "3s")
	logs := &syncBuffer{}
	base, stop := startServe(t, cfg, logs)
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := fmt.Fprintf(conn, "POST /wechat HTTP/1.1\r\nHost: x\r\nContent-Length: 60000\r\n\r\n<xml>"); err != nil {
		t.Fatal(err)
	}
	// Refused at once: the answer comes before the body.
	conn.SetReadDeadline(time.Now().Add(2 * time.Second))
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil || !strings.Contains(line, "401") {
		t.Fatalf("an unsigned slow upload: %q %v", line, err)
	}
	started := time.Now()
	if code := stop(); code != 0 {
		t.Fatalf("serve exited %d after %v with a slow upload open:\n%s", code, time.Since(started), logs)
	}
}

// TestReplayAfterARestart: a captured request replayed to the next serve,
// while its timestamp still passes, is answered with nothing: serve keeps
// the messages it answered lately in its store at shutdown (a hostile
// run's find: a restart forgot them, and a replayed 退订 ran again).
func TestReplayAfterARestart(t *testing.T) {
	cfg := writeConfig(t, t.TempDir(), "")
	logs := &syncBuffer{}
	base, stop := startServe(t, cfg, logs)
	sim := simulatorFor(t, cfg, base)
	req, err := sim.Request(context.Background(), wechat.Inbound{From: "o_victim", MsgType: "text", Content: "退订", MsgID: 7001, CreateTime: time.Now().Unix()}.XML(sim.Account))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(req.Body)
	query := req.URL.RawQuery
	post := func(base string) string {
		t.Helper()
		resp, err := http.Post(base+"/wechat?"+query, "text/xml", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		out, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d: %s", resp.StatusCode, out)
		}
		return string(out)
	}
	if got := post(base); got == "success" {
		t.Fatalf("退订 the first time: %q", got)
	}
	if code := stop(); code != 0 {
		t.Fatalf("serve exited %d:\n%s", code, logs)
	}

	logs2 := &syncBuffer{}
	base2, stop2serve := startServe(t, cfg, logs2)
	stop2 := sync.OnceValue(stop2serve) // stopped half-way, and at the end if the test fails before
	defer stop2()
	if !strings.Contains(logs2.String(), "recent messages of a process stopped taken in") || !strings.Contains(logs2.String(), "messages=1") {
		t.Errorf("the restart said nothing of the message it took in:\n%s", logs2)
	}
	if got := post(base2); got != "success" {
		t.Errorf("the replay after a restart was answered: %q", got)
	}
	// A new message is answered as ever.
	sim2 := simulatorFor(t, cfg, base2)
	out, err := sim2.Send(context.Background(), wechat.Inbound{From: "o_victim", MsgType: "text", Content: "帮助", MsgID: 7002, CreateTime: time.Now().Unix()})
	if err != nil || !strings.Contains(out.String(), "每日一读") {
		t.Errorf("帮助 after the restart: %v %v", out, err)
	}

	// A rolling restart: the next process starts before this one stops,
	// and takes in what this one keeps when it does (a review's find: it
	// read the store once, at its start, and the replay ran again).
	req3, err := sim2.Request(context.Background(), wechat.Inbound{From: "o_victim", MsgType: "text", Content: "退订", MsgID: 7003, CreateTime: time.Now().Unix()}.XML(sim.Account))
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(req3.Body)
	query = req3.URL.RawQuery
	if got := post(base2); got == "success" {
		t.Fatalf("退订 (7003): %q", got)
	}
	logs3 := &syncBuffer{}
	base3, stop3 := startServe(t, cfg, logs3)
	defer stop3()
	if code := stop2(); code != 0 {
		t.Fatalf("serve exited %d:\n%s", code, logs2)
	}
	waitFor(t, func() bool {
		return strings.Count(logs3.String(), "recent messages of a process stopped taken in") >= 2
	}, "the third serve taking in what the second kept")
	if got := post(base3); got != "success" {
		t.Errorf("a replay to a process started before the one that answered stopped: %q", got)
	}
}

// TestCompatSealOutlivesARestart: in compat mode, once WeChat has sent an
// encrypted request a plaintext one is refused, also by the next serve (a
// review's find: a forged plaintext 退订 with a captured URL was taken as
// the first request after a restart); a start in plain mode forgets it.
func TestCompatSealOutlivesARestart(t *testing.T) {
	cfg := writeConfig(t, t.TempDir(), "")
	plaintext := func(base string) int {
		t.Helper()
		sim := simulatorFor(t, cfg, base)
		sim.AESKey = ""
		req, err := sim.Request(context.Background(), wechat.Inbound{From: "o_other", MsgType: "text", Content: "退订", MsgID: time.Now().UnixNano(), CreateTime: time.Now().Unix()}.XML(sim.Account))
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	serveIn := func(mode string) (string, func() int, *syncBuffer) {
		t.Setenv("MPBOT_WECHAT_MODE", mode)
		logs := &syncBuffer{}
		base, stop := startServe(t, cfg, logs)
		return base, stop, logs
	}
	base, stop, logs := serveIn("compat")
	sim := simulatorFor(t, cfg, base)
	if code := plaintext(base); code != http.StatusOK {
		t.Fatalf("plaintext before WeChat encrypted: %d", code)
	}
	// The seal is for the AppID served, whatever a reload says (a review's
	// find: kept for the edited file's, which needs a restart).
	data, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, []byte(strings.Replace(string(data), "app_id: wxd0000000000demo", "app_id: wxother", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return strings.Contains(logs.String(), "wechat.app_id") }, "the reload naming app_id as needing a restart")
	if _, err := sim.Send(context.Background(), wechat.Inbound{From: "o_me", MsgType: "text", Content: "帮助", MsgID: time.Now().UnixNano(), CreateTime: time.Now().Unix()}); err != nil {
		t.Fatal(err)
	}
	if code := plaintext(base); code != http.StatusUnauthorized {
		t.Fatalf("plaintext after an encrypted request: %d", code)
	}
	// Kept while serve runs, off the request path (a locked store held the
	// first reply 5 s when the request kept it), so a crash keeps it too.
	waitFor(t, func() bool {
		return strings.Contains(logs.String(), "plaintext ones are refused in compat mode, also after a restart")
	}, "the seal kept")
	stop()
	if err := os.WriteFile(cfg, data, 0o644); err != nil {
		t.Fatal(err)
	}
	base, stop, logs = serveIn("compat")
	if code := plaintext(base); code != http.StatusUnauthorized {
		t.Errorf("plaintext as the first request after a restart: %d\n%s", code, logs)
	}
	stop()
	_, stop, _ = serveIn("plain")
	stop()
	base, stop, _ = serveIn("compat")
	if code := plaintext(base); code != http.StatusOK {
		t.Errorf("plaintext in compat mode after a start in plain mode: %d", code)
	}
	stop()
	// Safe mode's encrypted requests are kept too: switched to compat, it
	// had taken plaintext until WeChat's next encrypted one (a hostile
	// run's find).
	base, stop, logs = serveIn("safe")
	if _, err := simulatorFor(t, cfg, base).Send(context.Background(), wechat.Inbound{From: "o_me", MsgType: "text", Content: "帮助", MsgID: time.Now().UnixNano(), CreateTime: time.Now().Unix()}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool {
		return strings.Contains(logs.String(), "plaintext ones are refused in compat mode, also after a restart")
	}, "the seal kept in safe mode")
	stop()
	base, stop, _ = serveIn("compat")
	defer stop()
	if code := plaintext(base); code != http.StatusUnauthorized {
		t.Errorf("plaintext in compat mode after a start in safe mode: %d", code)
	}
}

// TestShutdownCountsWhatAHungStoreKept: serve on a PostgreSQL that hangs
// (its connections open, nothing passing) is stopped: each writer, the
// last-seen times' and the query log's, says how much it could not write
// before the process exits at server.shutdown_timeout (a fleet run's find:
// the last-seen writer's close took the whole timeout, the query log's got
// none, and neither count was logged).
func TestShutdownCountsWhatAHungStoreKept(t *testing.T) {
	dsn, pg := storetest.PostgresThrough(t)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	t.Setenv("MPBOT_STORE_DRIVER", "postgres")
	t.Setenv("MPBOT_STORE_DSN", dsn)
	t.Setenv("MPBOT_SERVER_SHUTDOWN_TIMEOUT", "2s")
	runCmd(t, "try", "--config", cfg, "你好") // seeds the demo articles
	logs := &syncBuffer{}
	base, cmd := startChild(t, logs, "MPBOT_TEST_MAIN="+strings.Join([]string{"serve", "--config", cfg}, "\n"),
		"GORACE="+strings.TrimSpace(os.Getenv("GORACE")+" atexit_sleep_ms=0"))
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	sim := simulatorFor(t, cfg, base)
	pg.Hang()
	for i := range 3 {
		// Answered from the index in memory; what they leave to write waits.
		out, err := sim.Send(context.Background(), wechat.Inbound{From: fmt.Sprintf("o_hung_%d", i), MsgType: "text", Content: "枫桥经验",
			MsgID: int64(i + 1), CreateTime: time.Now().Unix()})
		if err != nil || out.MsgType != "news" {
			t.Fatalf("message %d with the store hung: %v %+v", i, err, out)
		}
	}
	cmd.Process.Signal(syscall.SIGTERM)
	cmd.Wait()
	for _, want := range []string{"followers' last messages not recorded before shutdown", "query log entries not written before shutdown"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("no %q in serve's log:\n%s", want, logs)
		}
	}
}
