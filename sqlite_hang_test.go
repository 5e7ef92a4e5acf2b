//go:build linux

package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"mpbot/bot/wechat"
)

// TestHoldSQLiteLocksHelper is not a test: run as a child process (env
// MPBOT_TEST_HOLD_SHM), it holds SQLite's WAL-index locks (bytes 120..127 of
// the -shm file) as another process stuck inside the store would, until
// its standard input closes. The store then hangs: reads and writes wait
// inside SQLite.
func TestHoldSQLiteLocksHelper(t *testing.T) {
	path := os.Getenv("MPBOT_TEST_HOLD_SHM")
	if path == "" {
		t.Skip("a helper process for the hung-SQLite tests")
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := int64(8)
	if os.Getenv("MPBOT_TEST_HOLD_WRITERS_ONLY") != "" {
		n = 1 // WAL_WRITE_LOCK alone: another process writing, as an import does
	}
	lk := syscall.Flock_t{Type: syscall.F_WRLCK, Whence: 0, Start: 120, Len: n}
	for syscall.FcntlFlock(f.Fd(), syscall.F_SETLK, &lk) != nil {
		time.Sleep(time.Millisecond) // the serving process holds a read mark for a moment
	}
	os.Stdout.WriteString("locked\n")
	io.Copy(io.Discard, os.Stdin)
}

// replicaOnNewStore is replicaIn as it was before the seeded store and
// the shipped config's reuse (seeded_store_test.go): the config loaded and
// the store made, migrated and seeded by the replica itself. On a copied
// store, and once on a store made by another open beforehand, another
// process's locks did not hang the store's reads (1 run in 25 of
// TestHealthProbesWithSQLiteHung answered ready; a CI run's
// TestRepliesWithSQLiteHung answered at once): why is not understood.
func replicaOnNewStore(t *testing.T, dir string) (*app, *httptest.Server, *wechat.Simulator) {
	t.Helper()
	cfg, err := loadConfig(writeConfig(t, dir, ""), true)
	if err != nil {
		t.Fatal(err)
	}
	return replicaOf(t, cfg, io.Discard)
}

// hangSQLite makes the SQLite store in dir hang until the test ends.
func hangSQLite(t *testing.T, dir string) { holdSQLite(t, dir, false) }

// holdSQLite has another process hold the store in dir's locks (its
// writer's lock alone with writersOnly) until the test ends.
func holdSQLite(t *testing.T, dir string, writersOnly bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHoldSQLiteLocksHelper$")
	cmd.Env = append(os.Environ(), "MPBOT_TEST_HOLD_SHM="+filepath.Join(dir, "mpbot.db-shm"))
	if writersOnly {
		cmd.Env = append(cmd.Env, "MPBOT_TEST_HOLD_WRITERS_ONLY=1")
	}
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stdin.Close(); cmd.Wait() })
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || line != "locked\n" {
		t.Fatalf("lock holder: %q %v", line, err)
	}
}

// TestHealthProbesWithSQLiteHung (README "Watching it run": the store
// and Redis "are asked side by side and waited for 0.8 s, so a store that
// hangs neither blames Redis nor holds the probe past a second"). On the
// one-machine store, SQLite held by another process, /readyz and /healthz
// took up to 10 s each: the 0.8 s is a context SQLite's lock waits do not
// look at, and the probe waits for the ping to return.
func TestHealthProbesWithSQLiteHung(t *testing.T) {
	dir := t.TempDir()
	_, srv, _ := replicaOnNewStore(t, dir)
	if body := httpGet(t, srv.URL+"/readyz"); strings.Contains(body, "degraded") {
		t.Fatalf("/readyz before the hang: %q", body)
	}
	hangSQLite(t, dir)
	client := &http.Client{Timeout: 2 * time.Second} // a generous probe timeout (Kubernetes' default is 1 s)
	for _, path := range []string{"/readyz", "/healthz"} {
		start := time.Now()
		r, err := client.Get(srv.URL + path)
		if err != nil {
			t.Errorf("%s with SQLite hung: %v after %v (README: the probe is not held past a second)", path, err, time.Since(start).Round(time.Millisecond))
			continue
		}
		b, _ := io.ReadAll(r.Body)
		r.Body.Close()
		if !strings.Contains(string(b), "degraded: store unreachable") {
			t.Errorf("%s with SQLite hung: %q", path, b)
		}
	}
}

// TestRepliesWithSQLiteHung (README "Inside WeChat's 5-second window":
// "a store that hangs, its connections open and nothing answering, gets the
// follower the store's apology as the passive reply, in time
// (文章暂时无法读取，请稍后再试。 for a number or 每日一读 …; before, such a
// reply went success, and the answer out when the store came back, or never
// without an AppSecret)"). On SQLite held by another process the number
// after a list is answered success, and without an AppSecret the reply is
// dropped: the follower gets nothing.
func TestRepliesWithSQLiteHung(t *testing.T) {
	dir := t.TempDir()
	_, _, sim := replicaOnNewStore(t, dir)
	send := func(text string, id int64) *wechat.Outbound {
		t.Helper()
		r, err := sim.Send(context.Background(), wechat.Inbound{From: "o_hung", MsgType: "text", Content: text, MsgID: id, CreateTime: time.Now().Unix()})
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		return r
	}
	if list := send("基层治理", 1); !strings.Contains(list.Content, "2. ") {
		t.Fatalf("no list: %+v", list)
	}
	hangSQLite(t, dir)
	if r := send("2", 2); r.Success || r.Content != "文章暂时无法读取，请稍后再试。" {
		t.Errorf("a number with SQLite hung: success=%v %q, want the store's apology as the passive reply", r.Success, r.Content)
	}
	// 每日一读 (its apology too) and 退订 (its own apology): each went
	// success, nothing shown.
	if r := send("每日一读", 3); r.Success {
		t.Errorf("每日一读 with SQLite hung: answered success, want the store's apology as the passive reply")
	}
	if r := send("退订", 4); r.Success {
		t.Errorf("退订 with SQLite hung: answered success, want its apology as the passive reply")
	}
	// A new follower: README, "a follower who subscribes meanwhile gets the welcome".
	r, err := sim.Send(context.Background(), wechat.Inbound{From: "o_new", MsgType: "event", Event: "subscribe", CreateTime: time.Now().Unix()})
	if err != nil {
		t.Fatal(err)
	}
	if r.Success || !strings.Contains(r.Content, "欢迎") {
		t.Errorf("a subscribe with SQLite hung: success=%v %q, want the welcome", r.Success, r.Content)
	}
}

// TestWelcomeWhileAnotherProcessWrites: while another process holds
// SQLite's write lock (an import, an operator's sqlite3 in a transaction),
// reads work and 每日一读 is answered with today's card, but a new
// follower's welcome comes with 文章暂时无法读取，请稍后再试。 in place of
// the card: recording the follow waits out the whole store budget before
// the reading is read. README ("A follower who subscribes meanwhile gets the
// welcome and is queued") has the welcome, reading included.
func TestWelcomeWhileAnotherProcessWrites(t *testing.T) {
	dir := t.TempDir()
	_, _, sim := replicaOnNewStore(t, dir)
	send := func(in wechat.Inbound) *wechat.Outbound {
		t.Helper()
		in.CreateTime = time.Now().Unix()
		r, err := sim.Send(context.Background(), in)
		if err != nil {
			t.Fatalf("%+v: %v", in, err)
		}
		return r
	}
	if r := send(wechat.Inbound{From: "o_reader", MsgType: "text", Content: "每日一读", MsgID: 1}); len(r.Articles) != 1 {
		t.Fatalf("每日一读 before: %+v", r)
	}
	holdSQLite(t, dir, true)
	if r := send(wechat.Inbound{From: "o_reader", MsgType: "text", Content: "每日一读", MsgID: 2}); len(r.Articles) != 1 {
		t.Fatalf("每日一读 while another process writes: %+v", r)
	}
	r := send(wechat.Inbound{From: "o_new", MsgType: "event", Event: "subscribe"})
	if strings.Contains(r.Content, "文章暂时无法读取") {
		t.Errorf("the welcome while another process writes carries the store's apology, though today's reading reads:\n%s", r.Content)
	}
}

// TestHealthSaysTheStoreRefusesWrites: another process holding SQLite's
// write lock (or a full disk) leaves the store readable and its writes
// refused: the probes had said ready, only the log telling.
func TestHealthSaysTheStoreRefusesWrites(t *testing.T) {
	dir := t.TempDir()
	_, srv, sim := replicaOnNewStore(t, dir)
	holdSQLite(t, dir, true)
	if _, err := sim.Send(context.Background(), wechat.Inbound{From: "o_w", MsgType: "text", Content: "枫桥经验", MsgID: 1, CreateTime: time.Now().Unix()}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool {
		return strings.Contains(httpGet(t, srv.URL+"/readyz"), "degraded: the store refuses writes")
	},
		"/readyz saying the store refuses the query log's writes")
}
