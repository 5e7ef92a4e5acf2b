package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"mpbot/bot/wechat"
	"mpbot/bot/wechat/wechattest"
	"mpbot/content"
	"mpbot/store"
)

// TestMain lets a test run mpbot itself in a child process (to kill it):
// MPBOT_TEST_MAIN holds the arguments, separated by newlines.
func TestMain(m *testing.M) {
	if args := os.Getenv("MPBOT_TEST_MAIN"); args != "" {
		ctx, stop := signal.NotifyContext(context.Background(), stopSignals...)
		defer stop()
		os.Exit(run(ctx, strings.Split(args, "\n"), os.Stdin, os.Stdout, os.Stderr))
	}
	code := m.Run()
	if seeded.dir != "" {
		os.RemoveAll(seeded.dir)
	}
	os.Exit(code)
}

func seedFollowers(t *testing.T, storePath string, n int) {
	t.Helper()
	s, err := store.Open(context.Background(), storePath)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	seedFollowersIn(t, s, n)
}

// seedFollowersIn adds followers o0000… who wrote just now (inside the
// customer-service window).
func seedFollowersIn(t *testing.T, s *store.Store, n int) {
	t.Helper()
	for i := range n {
		if err := s.FollowerSeen(context.Background(), fmt.Sprintf("o%04d", i), time.Now()); err != nil {
			t.Fatal(err)
		}
	}
}

func TestPushCommands(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "你好") // seeds the demo articles
	seedFollowers(t, filepath.Join(dir, "mpbot.db"), 25)

	code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", "2026-12-01", "--dry-run")
	if code != 0 || !strings.Contains(out, "2026-12-01: ") || !strings.Contains(out, "by log") || !strings.Contains(out, "25 followers want it") {
		t.Fatalf("dry run: %d\n%s\n%s", code, out, errOut)
	}
	code, out, errOut = runCmd(t, "push", "--config", cfg, "--date", "2026-12-01")
	if code != 0 || !strings.Contains(out, "sent 25") {
		t.Fatalf("push: %d\n%s\n%s", code, out, errOut)
	}
	outbox, _ := os.ReadFile(filepath.Join(dir, "outbox.jsonl"))
	if n := strings.Count(string(outbox), "\n"); n != 25 {
		t.Fatalf("outbox has %d lines", n)
	}
	if _, out, _ := runCmd(t, "push", "status", "--config", cfg, "--date", "2026-12-01"); !strings.Contains(out, "2026-12-01: done") || !strings.Contains(out, "sent 25, skipped 0") {
		t.Fatalf("status:\n%s", out)
	}
	// The dry run of a day done says so, as the run does, whoever has
	// followed since (an operator's find: "2 not yet delivered").
	seedFollowers(t, filepath.Join(dir, "mpbot.db"), 27)
	code, out, errOut = runCmd(t, "push", "--config", cfg, "--date", "2026-12-01", "--dry-run")
	sent := regexp.MustCompile(`already sent: 2026-12-01: .* \((demo-[a-z0-9-]+)\)`).FindStringSubmatch(out)
	if code != 0 || sent == nil {
		t.Fatalf("dry run of a day done: %d\n%s\n%s", code, out, errOut)
	}
	// With another article, refused as the run refuses it (a review's
	// find: it said "already sent" naming the other article).
	other := "demo-fengqiao"
	if sent[1] == other {
		other = "demo-pujiang"
	}
	for _, dry := range []bool{true, false} {
		args := []string{"push", "--config", cfg, "--date", "2026-12-01", "--article", other}
		if dry {
			args = append(args, "--dry-run")
		}
		if code, out, errOut := runCmd(t, args...); code != 1 || !strings.Contains(errOut, "has gone out ("+sent[1]+")") {
			t.Fatalf("%v: %d\n%s\n%s", args, code, out, errOut)
		}
	}
	// A day done with nobody reachable keeps its reading: --article of
	// another said "already sent" of it, and made it the day's reading.
	nobody := writeConfig(t, t.TempDir(), "")
	runCmd(t, "try", "--config", nobody, "你好") // the demo articles, no followers
	if code, out, errOut := runCmd(t, "push", "--config", nobody, "--date", "2026-11-20"); code != 0 {
		t.Fatalf("push to nobody: %d\n%s\n%s", code, out, errOut)
	}
	_, status, _ := runCmd(t, "push", "status", "--config", nobody, "--date", "2026-11-20")
	chosen := regexp.MustCompile(`article (demo-[a-z0-9-]+)`).FindStringSubmatch(status)
	if chosen == nil {
		t.Fatalf("status of a day pushed to nobody:\n%s", status)
	}
	another := "demo-fengqiao"
	if chosen[1] == another {
		another = "demo-pujiang"
	}
	if code, out, errOut := runCmd(t, "push", "--config", nobody, "--date", "2026-11-20", "--article", another); code != 0 ||
		!strings.Contains(out, "("+chosen[1]+")") || strings.Contains(out, another) {
		t.Fatalf("--article of a day done: %d\n%s\n%s", code, out, errOut)
	}
	if _, status, _ := runCmd(t, "push", "status", "--config", nobody, "--date", "2026-11-20"); !strings.Contains(status, "article "+chosen[1]) {
		t.Fatalf("the day's reading changed:\n%s", status)
	}
	// A day to come is not pushed now (it sent the reading at once and
	// marked the day done before it came); its dry run is fine.
	later := time.Now().In(time.FixedZone("CST", 8*3600)).AddDate(0, 0, 2).Format("2006-01-02")
	if code, _, errOut := runCmd(t, "push", "--config", cfg, "--date", later); code != 2 || !strings.Contains(errOut, "is after today") {
		t.Fatalf("push of a day to come: %d\n%s", code, errOut)
	}
	if code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", later, "--dry-run"); code != 0 || !strings.Contains(out, "dry run:") {
		t.Fatalf("dry run of a day to come: %d\n%s\n%s", code, out, errOut)
	}
	// Run where no store is (cron's home folder): refused, and no empty
	// store made there (it said "nothing to push", exit 0).
	empty := writeConfig(t, t.TempDir(), "")
	elsewhere := t.TempDir()
	t.Chdir(elsewhere)
	// So are the commands reading what serve keeps (an operator run's
	// find: report made an empty store and said nothing went unanswered).
	for _, args := range [][]string{{"push"}, {"push", "status"}, {"report"}, {"votes", "clear", "--all"}, {"articles", "list"},
		{"articles", "show", "demo-pujiang"}, {"followers", "stats"}, {"followers", "list"}, {"schedule", "demo-pujiang", "2026-12-02"}} {
		// Serve's config is the other way to its store (a newcomer's run:
		// report outside serve's folder named store.path alone).
		if code, _, errOut := runCmd(t, args...); code != 2 || !strings.Contains(errOut, "no store at store.path") || !strings.Contains(errOut, "--config") {
			t.Fatalf("%v where no store is: %d\n%s", args, code, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(elsewhere, "data")); err == nil {
		t.Fatal("push made a store where none was")
	}
	runCmd(t, "try", "--config", empty, "你好") // a store with the demo articles alone
	if code, _, errOut := runCmd(t, "articles", "rm", "--config", empty, "--demo"); code != 0 {
		t.Fatalf("articles rm --demo: %d\n%s", code, errOut)
	}
	if code, _, errOut := runCmd(t, "push", "--config", empty); code != 2 || !strings.Contains(errOut, "holds no articles") {
		t.Fatalf("push of a store without articles: %d\n%s", code, errOut)
	}
	// Paused, it says so, as it always did (a review's find: exit 1).
	t.Setenv("MPBOT_PUSH_MODE", "off")
	if code, out, errOut := runCmd(t, "push", "--config", empty); code != 0 || !strings.Contains(out, "the daily push is off") {
		t.Fatalf("push while off, of a store without articles: %d\n%s%s", code, out, errOut)
	}
	t.Setenv("MPBOT_PUSH_MODE", "log")
	today := time.Now().In(time.FixedZone("CST", 8*3600)).Format(content.DateLayout) // push.timezone's
	if code, out, _ := runCmd(t, "schedule", "--config", cfg, "demo-pujiang", today); code != 0 || !strings.Contains(out, "浦江经验") {
		t.Fatalf("schedule: %d %s", code, out)
	}
	// A past day is refused, pointing at the push that sends a missed
	// day's (an operator run's find: accepted, it was shown to followers
	// among the past readings, never sent, with no way to take it back).
	if code, _, errOut := runCmd(t, "schedule", "--config", cfg, "demo-pujiang", "2020-01-02"); code != 2 || !strings.Contains(errOut, "2020-01-02 is past") ||
		!strings.Contains(errOut, "push --date 2020-01-02 --article demo-pujiang") {
		t.Fatalf("schedule of a past day: %d %s", code, errOut)
	}
	// Read on another day too (an operator's find: said nothing), noted;
	// the day itself again is no repeat.
	if code, _, errOut := runCmd(t, "schedule", "--config", cfg, "demo-pujiang", "2099-01-02"); code != 0 || !regexp.MustCompile(`it is the reading of [0-9, -]*`+today+`[0-9, -]* too`).MatchString(errOut) || strings.Contains(errOut, "2099-01-02 too") || strings.Contains(errOut, "2099-01-02,") {
		t.Fatalf("schedule of an article read on another day: %d %s", code, errOut)
	}
	if code, _, errOut := runCmd(t, "schedule", "--config", cfg, "demo-pujiang", "2099-01-02"); code != 0 || strings.Contains(errOut, "2099-01-02 too") {
		t.Fatalf("schedule of the same day again: %d %s", code, errOut)
	}
	if _, out, _ := runCmd(t, "push", "--config", cfg, "--date", today, "--dry-run"); !strings.Contains(out, "(demo-pujiang)") {
		t.Fatalf("scheduled article not chosen:\n%s", out)
	}
	// Paused (an operator's wish: mode log still chose a reading a day),
	// nothing is chosen, sent or written.
	t.Setenv("MPBOT_PUSH_MODE", "off")
	if code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", "2026-11-05"); code != 0 || !strings.Contains(out, "the daily push is off") {
		t.Fatalf("push while off: %d\n%s\n%s", code, out, errOut)
	}
	if _, out, _ := runCmd(t, "push", "status", "--config", cfg, "--date", "2026-11-05"); !strings.Contains(out, "not run yet") || !strings.Contains(out, "nothing will be sent") {
		t.Fatalf("status while off:\n%s", out)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "outbox.jsonl")); len(after) != len(outbox) {
		t.Fatal("the push wrote while off")
	}
	// Imported for a day past, or one whose reading went out, an article
	// is not read then: said so (an operator run's find: without a word,
	// where schedule refuses both).
	sched := filepath.Join(dir, "sched.jsonl")
	os.WriteFile(sched, []byte(`{"id":"s-past","title":"过去","url":"https://example.com/s1","scheduled_on":"2020-01-01"}`+"\n"+
		`{"id":"s-gone","title":"已发","url":"https://example.com/s2","scheduled_on":"2026-12-01"}`+"\n"+
		`{"id":"s-later","title":"以后","url":"https://example.com/s3","scheduled_on":"2099-03-01"}`+"\n"), 0o644)
	code, out, errOut = runCmd(t, "import", "--config", cfg, sched)
	if code != 0 || !strings.Contains(errOut, "note: s-past is scheduled_on 2020-01-01, a day past") ||
		!strings.Contains(errOut, "note: s-gone is scheduled_on 2026-12-01, whose reading has gone out ("+sent[1]+")") || strings.Contains(errOut, "s-later") {
		t.Fatalf("import of scheduled articles: %d\n%s\n%s", code, out, errOut)
	}
	// Removing a reading says what it did to its days (an operator run's
	// find: nothing, and followers then heard there had been none).
	code, out, errOut = runCmd(t, "articles", "rm", "--config", cfg, "demo-pujiang")
	if code != 0 || !strings.Contains(out, "removed demo-pujiang") || !strings.Contains(errOut, "note: demo-pujiang was chosen for "+today+", 2099-01-02: each will read another") {
		t.Fatalf("rm of a reading scheduled: %d\n%s\n%s", code, out, errOut)
	}
	if sent[1] != "demo-pujiang" {
		code, _, errOut = runCmd(t, "articles", "rm", "--config", cfg, sent[1])
	}
	if code != 0 || !strings.Contains(errOut, "note: "+sent[1]+" was the daily reading of 2026-12-01: followers asking for it") {
		t.Fatalf("rm of a reading sent: %d\n%s", code, errOut)
	}
	if code, _, errOut := runCmd(t, "articles", "rm", "--config", cfg, "demo-minzhu"); code != 0 || strings.Contains(errOut, "note:") {
		t.Fatalf("rm of an article never a reading: %d\n%s", code, errOut)
	}
}

// TestPushSurvivesKill runs `mpbot push` in customer mode against the fake
// WeChat API, kills it with SIGKILL mid-push, and runs it again at once: the
// rerun takes over the dead process's day (on this host, its process is
// gone) and no follower gets the reading twice. Only deliveries whose call
// was about to start or under way at the kill are reported unknown (at most
// the calls in flight; the call may or may not have reached WeChat), and
// every other follower gets it once. At push.qps 20 (the shipped rate)
// most of a batch is still waiting for the rate limiter at the kill.
func TestPushSurvivesKill(t *testing.T) {
	for _, c := range []struct {
		qps    string
		killAt int
	}{{"1000", 400 / 3}, {"20", 10}} {
		t.Run("qps "+c.qps, func(t *testing.T) {
			fake := wechattest.NewFakeAPI()
			fake.Delay = 5 * time.Millisecond
			defer fake.Close()
			dir := t.TempDir()
			cfg := writeConfig(t, dir, "")
			runCmd(t, "try", "--config", cfg, "你好")
			const followers = 400
			seedFollowers(t, filepath.Join(dir, "mpbot.db"), followers)
			env := append(os.Environ(), "MPBOT_WECHAT_API_BASE="+fake.URL, "MPBOT_WECHAT_APP_SECRET=s", "MPBOT_PUSH_MODE=customer", "MPBOT_PUSH_QPS="+c.qps)
			args := strings.Join([]string{"push", "--config", cfg, "--date", "2026-12-03"}, "\n")

			child := exec.Command(os.Args[0], "-test.run=^$")
			child.Env = append(env, "MPBOT_TEST_MAIN="+args)
			if err := child.Start(); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(60 * time.Second)
			for len(fake.Calls("/cgi-bin/message/custom/send")) < c.killAt {
				if time.Now().After(deadline) {
					child.Process.Kill()
					t.Fatal("push did not get going")
				}
				time.Sleep(5 * time.Millisecond)
			}
			child.Process.Signal(syscall.SIGKILL)
			child.Wait()
			killedAt := len(fake.Calls("/cgi-bin/message/custom/send"))
			if killedAt >= followers {
				t.Fatalf("the push finished before the kill (%d sends): the test proves nothing", killedAt)
			}
			// Its lease still running, push status says the holder is gone
			// (a fleet run's find: it said the day ran).
			status := exec.Command(os.Args[0], "-test.run=^$")
			status.Env = append(env, "MPBOT_TEST_MAIN="+strings.Join([]string{"push", "status", "--config", cfg, "--date", "2026-12-03"}, "\n"))
			if out, err := status.CombinedOutput(); err != nil || !strings.Contains(string(out), "whose process on this host is gone") {
				t.Fatalf("push status after the kill: %v\n%s", err, out)
			}

			again := exec.Command(os.Args[0], "-test.run=^$")
			again.Env = append(env, "MPBOT_TEST_MAIN="+args, "MPBOT_PUSH_QPS=1000")
			if out, err := again.CombinedOutput(); err != nil || !strings.Contains(string(out), "taking it over") {
				t.Fatalf("rerun right after the kill: %v\n%s", err, out)
			}

			perFollower := customSendsPerFollower(fake)
			st, err := store.Open(context.Background(), filepath.Join(dir, "mpbot.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			sum, _ := st.LedgerSummary(context.Background(), "2026-12-03")
			for id, n := range perFollower {
				if n != 1 {
					t.Errorf("%s received %d copies", id, n)
				}
			}
			if len(perFollower) < sum.Counts[store.Sent] || len(perFollower) > followers || sum.Counts[store.Sent]+sum.Counts[store.Unknown] != followers {
				t.Errorf("reached %d, ledger %v; want every follower sent or unknown, and every one sent reached", len(perFollower), sum.Counts)
			}
			if n := sum.Counts[store.Unknown]; n > 8 {
				t.Errorf("%d unknown: more than the calls in flight", n)
			}
			t.Logf("killed after %d sends; ledger %v", killedAt, sum.Counts)
		})
	}
}

// TestPushInterrupted: SIGTERM (or Ctrl-C) stops `mpbot push` with what it
// sent and what a rerun sends (an operator's find: it printed "mpbot:
// context canceled" alone).
func TestPushInterrupted(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "你好")
	seedFollowers(t, filepath.Join(dir, "mpbot.db"), 100)
	child := exec.Command(os.Args[0], "-test.run=^$")
	child.Env = append(os.Environ(), "MPBOT_WECHAT_API_BASE="+fake.URL, "MPBOT_WECHAT_APP_SECRET=s", "MPBOT_PUSH_MODE=customer", "MPBOT_PUSH_QPS=20",
		"MPBOT_TEST_MAIN="+strings.Join([]string{"push", "--config", cfg, "--date", "2026-11-04"}, "\n"))
	var out syncBuffer
	child.Stdout, child.Stderr = &out, &out
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return len(fake.Calls("/cgi-bin/message/custom/send")) >= 5 }, "the push under way")
	child.Process.Signal(syscall.SIGTERM)
	err := child.Wait()
	if code := child.ProcessState.ExitCode(); code != 1 || !strings.Contains(out.String(), "2026-11-04: interrupted") ||
		!strings.Contains(out.String(), "a rerun sends them: mpbot push --date 2026-11-04") || strings.Contains(out.String(), "context canceled") {
		t.Fatalf("push interrupted: exit %d %v\n%s", code, err, out.String())
	}
}

// TestPushDoneWithNobody: a day run with no one to reach (a first start's
// catch-up run, before any follower) says so when pushed again, rather
// than read as delivered (an operator run's find: "already sent").
func TestPushDoneWithNobody(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "你好")
	if code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", "2026-11-05"); code != 0 || !strings.Contains(out, "recipients 0, sent 0") {
		t.Fatalf("push with no followers: %d %s %s", code, out, errOut)
	}
	seedFollowers(t, filepath.Join(dir, "mpbot.db"), 3)
	if code, out, _ := runCmd(t, "push", "--config", cfg, "--date", "2026-11-05"); code != 0 ||
		!strings.Contains(out, ", to 0 followers (nobody could be reached when it ran; those following since get it from 每日一读 and the welcome)") {
		t.Fatalf("a day done with nobody: exit %d\n%s", code, out)
	}
	// push status says it too (it said only "sent 0").
	if code, out, _ := runCmd(t, "push", "status", "--config", cfg, "--date", "2026-11-05"); code != 0 ||
		!strings.Contains(out, "\nnobody could be reached when it ran; those following since get it from 每日一读 and the welcome\n") {
		t.Fatalf("push status of a day done with nobody: exit %d\n%s", code, out)
	}
}

// TestPushNamesTheHolder: while another process holds the day (on another
// host: it cannot be checked), `mpbot push` names it, says when its lease
// runs out, and exits 3; a day already done exits 0.
func TestPushNamesTheHolder(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "你好")
	seedFollowers(t, filepath.Join(dir, "mpbot.db"), 3)
	st, err := store.Open(context.Background(), filepath.Join(dir, "mpbot.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := st.AcquirePush(context.Background(), "2026-11-04", "web-2/4242/abcdef", time.Now(), time.Hour); err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, _, errOut := runCmd(t, "push", "--config", cfg, "--date", "2026-11-04")
	// In push.timezone, as push status says it (a fleet run's find: UTC).
	if code != 3 || !strings.Contains(errOut, "web-2/4242/abcdef") || !strings.Contains(errOut, "since") || !strings.Contains(errOut, "lease runs out at") ||
		!strings.Contains(errOut, " CST") {
		t.Fatalf("held day: exit %d\n%s", code, errOut)
	}
	// Its dry run says a run is under way (it had counted what is left as
	// if nothing were sending it).
	if code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", "2026-11-04", "--dry-run"); code != 0 ||
		!strings.Contains(out, "a run is under way: web-2/4242/abcdef holds the day (lease until ") || !strings.Contains(out, "mpbot push status --date 2026-11-04") {
		t.Fatalf("dry run of a held day: exit %d\n%s\n%s", code, out, errOut)
	}
	if code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", "2026-11-05"); code != 0 || !strings.Contains(out, "sent 3") {
		t.Fatalf("push: %d %s %s", code, out, errOut)
	}
	if code, out, _ := runCmd(t, "push", "--config", cfg, "--date", "2026-11-05"); code != 0 || !regexp.MustCompile(`already sent: 2026-11-05: .*, in push.mode log, a rehearsal: written to the outbox, it reached no follower\n`).MatchString(out) {
		t.Fatalf("a done day: exit %d\n%s", code, out)
	}
	if code, _, _ := runCmd(t, "push", "--config", cfg, "--date", "tomorrow"); code != 2 {
		t.Fatalf("a bad --date: exit %d, want 2", code)
	}
	if code, _, _ := runCmd(t, "push", "--config", filepath.Join(dir, "missing.yaml")); code != 2 {
		t.Fatalf("a missing config: exit %d, want 2", code)
	}
	// Not run yet: what it would send, to how many, and when; a day whose
	// time has passed beyond push.catch_up says it was missed.
	ahead := time.Now().In(time.FixedZone("CST", 8*3600)).AddDate(0, 0, 2).Format(content.DateLayout)
	_, out, _ := runCmd(t, "push", "status", "--config", cfg, "--date", ahead)
	for _, want := range []string{ahead + ": not run yet", "would send", "by log to 3 followers", "at " + ahead + " 07:30 CST"} {
		if !strings.Contains(out, want) {
			t.Errorf("status of a day not run lacks %q:\n%s", want, out)
		}
	}
	// A follower shown it already (每日一读) is not counted among those it
	// would send to (an operator run's find: "to 5 followers" of a run
	// that sent 1).
	if m := regexp.MustCompile(`would send .* \(([^()]+)\), `).FindStringSubmatch(out); m == nil {
		t.Errorf("no article named:\n%s", out)
	} else {
		st, err := store.Open(context.Background(), filepath.Join(dir, "mpbot.db"))
		if err != nil {
			t.Fatal(err)
		}
		err = st.RecordDeliveries(context.Background(), []store.Delivery{{Day: ahead, Recipient: "o0001", ArticleID: m[1], State: store.Skipped, Reason: store.ShownReason}})
		st.Close()
		if err != nil {
			t.Fatal(err)
		}
		if _, out, _ := runCmd(t, "push", "status", "--config", cfg, "--date", ahead); !strings.Contains(out, "by log to 2 followers (of 3 who want it and can be reached; 1 shown it already") {
			t.Errorf("status of a day not run, one follower shown it:\n%s", out)
		}
	}
	// A day far enough ahead that the days before it read what is left
	// says so, and when the last goes.
	far := time.Now().In(time.FixedZone("CST", 8*3600)).AddDate(0, 0, 60).Format(content.DateLayout)
	if _, out, _ := runCmd(t, "push", "status", "--config", cfg, "--date", far); !strings.Contains(out, "nothing to send: the articles of \"政策理论导读\" left unread go to the days before it (the last on ") {
		t.Errorf("status of a day after the category runs out:\n%s", out)
	}
	// More than a year ahead is not planned (planned alone, it named an
	// article already sent: an operator run's find).
	beyond := time.Now().In(time.FixedZone("CST", 8*3600)).AddDate(1, 0, 10).Format(content.DateLayout)
	if _, out, _ := runCmd(t, "push", "status", "--config", cfg, "--date", beyond); !strings.Contains(out, "too far ahead: the daily reading is planned for the days of the next year") || strings.Contains(out, "would send") {
		t.Errorf("status of a day beyond a year:\n%s", out)
	}
	past := time.Now().AddDate(0, 0, -3).Format(content.DateLayout)
	if _, out, _ := runCmd(t, "push", "status", "--config", cfg, "--date", past); !strings.Contains(out, "missed: it was due at "+past+" 07:30 CST") ||
		!strings.Contains(out, "mpbot push --date "+past) {
		t.Errorf("status of a day missed:\n%s", out)
	}
	if _, out, _ := runCmd(t, "push", "--config", cfg, "--date", "2026-11-06", "--dry-run"); !strings.Contains(out, "3 followers want it") {
		t.Fatalf("dry run:\n%s", out)
	}
	st, _ = store.Open(context.Background(), filepath.Join(dir, "mpbot.db"))
	defer st.Close()
	if state, _, _ := st.PushRun(context.Background(), "2026-11-06"); state != "" {
		t.Fatalf("status or a dry run started the day: %q", state)
	}
	// The held day's dry run names the holder in broadcast mode too: a mass
	// send holds its day through its preview's lead (an hour by default),
	// and it said only `one mass send, still to send` (a review's find).
	broadcastOnAFake(t)
	if code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", "2026-11-04", "--dry-run"); code != 0 ||
		!strings.Contains(out, "a run is under way: web-2/4242/abcdef holds the day (lease until ") {
		t.Fatalf("broadcast dry run of a held day: exit %d\n%s\n%s", code, out, errOut)
	}
}

// customSendsPerFollower counts the customer-service messages the fake
// WeChat API took, by recipient.
func customSendsPerFollower(fake *wechattest.FakeAPI) map[string]int {
	per := map[string]int{}
	for _, c := range fake.Calls("/cgi-bin/message/custom/send") {
		var msg struct {
			ToUser string `json:"touser"`
		}
		json.Unmarshal(c.Body, &msg)
		per[msg.ToUser]++
	}
	return per
}

func TestFollowersSync(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	var all []string
	for i := range 23_456 {
		all = append(all, fmt.Sprintf("o%06d", i))
	}
	fake.Handle("/cgi-bin/user/get", func(q url.Values, _ []byte) any {
		start := 0
		if next := q.Get("next_openid"); next != "" {
			for i, id := range all {
				if id == next {
					start = i + 1
				}
			}
		}
		end := min(start+10_000, len(all))
		next := ""
		if end > start {
			next = all[end-1]
		} else {
			next = all[len(all)-1] // WeChat repeats the last openid after the end
		}
		return map[string]any{"total": len(all), "count": end - start, "data": map[string]any{"openid": all[start:end]}, "next_openid": next}
	})
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	t.Setenv("MPBOT_WECHAT_API_BASE", fake.URL)
	t.Setenv("MPBOT_WECHAT_APP_SECRET", "s")
	code, out, errOut := runCmd(t, "followers", "sync", "--config", cfg)
	if code != 0 || !strings.Contains(out, "23456 listed, 23456 new") || !strings.Contains(errOut, "synced 20000 of 23456") || strings.Count(errOut, "synced 23456 of 23456") != 1 {
		t.Fatalf("sync: %d\n%s\n%s", code, out, errOut)
	}
	if n := len(fake.Calls("/cgi-bin/user/get")); n != 4 { // three pages and the empty one after the end
		t.Fatalf("%d user/get calls", n)
	}
	if _, out, _ := runCmd(t, "followers", "sync", "--config", cfg); !strings.Contains(out, "23456 listed, 0 new") {
		t.Fatalf("rerun: %s", out)
	}
}

// TestFollowersSyncOfAListThatDoesNotMoveOn: a follower list answering
// every call alike, whatever next_openid it is given (a proxy dropping the
// query; a fake answering errcode 0 as README's wechat.api_base row has
// it), ends the sync with an error after the page that brought nothing new,
// forgetting nobody (an operator run's find: it ran until killed, "synced
// 1607200 of 4 followers", a store write a page).
func TestFollowersSyncOfAListThatDoesNotMoveOn(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	fake.Handle("/cgi-bin/user/get", func(url.Values, []byte) any {
		return map[string]any{"total": 4, "count": 4, "data": map[string]any{"openid": []string{"oA", "oB", "oC", "oD"}}, "next_openid": "oD"}
	})
	cfg := writeConfig(t, t.TempDir(), "")
	t.Setenv("MPBOT_WECHAT_API_BASE", fake.URL)
	t.Setenv("MPBOT_WECHAT_APP_SECRET", "s")
	code, out, errOut := runCmd(t, "followers", "sync", "--config", cfg)
	if calls := len(fake.Calls("/cgi-bin/user/get")); code == 0 || calls > 2 || !strings.Contains(errOut, "brought no follower not listed before") {
		t.Fatalf("sync of a list that does not move on: exit %d after %d user/get calls\n%s\n%s", code, calls, out, errOut)
	}
}

// TestPushTokenExpiresMidRun: WeChat invalidates the access token halfway
// through a customer-mode push; the adapter fetches a new one and the push
// reaches everyone once.
func TestPushTokenExpiresMidRun(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	cfg := customerPushConfig(t, fake, 200)
	stop := make(chan struct{})
	go func() {
		for len(fake.Calls("/cgi-bin/message/custom/send")) < 80 {
			select {
			case <-stop:
				return
			case <-time.After(time.Millisecond):
			}
		}
		fake.ExpireToken()
	}()
	code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", "2026-11-04")
	close(stop)
	if code != 0 || !strings.Contains(out, "sent 200") {
		t.Fatalf("push: %d\n%s\n%s", code, out, errOut)
	}
	if n := fake.TokensIssued(); n != 2 {
		t.Fatalf("%d tokens fetched, want 2 (the expired one replaced once)", n)
	}
	got := map[string]int{}
	for _, c := range fake.Calls("/cgi-bin/message/custom/send") {
		if c.Token == "token-2" || c.Token == "token-1" {
			var msg struct {
				ToUser string `json:"touser"`
			}
			json.Unmarshal(c.Body, &msg)
			got[msg.ToUser]++
		}
	}
	if len(got) != 200 {
		t.Fatalf("%d followers reached", len(got))
	}
}

// TestBroadcastMode: draft with an uploaded cover, a preview to staff, the
// mass send with the day's clientmsgid; a rerun after a crash mid-send is
// refused by WeChat as a repeat (45065) and counted as sent.
func TestBroadcastMode(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	cover := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("\x89PNG fake image")) }))
	defer cover.Close()
	fake.Handle("/cgi-bin/material/add_material", func(_ url.Values, body []byte) any {
		if !strings.Contains(string(body), "PNG fake image") {
			return map[string]any{"errcode": 40005, "errmsg": "invalid file type"}
		}
		return map[string]any{"media_id": "THUMB1"}
	})
	fake.Handle("/cgi-bin/draft/add", func(_ url.Values, body []byte) any { return map[string]any{"media_id": "DRAFT1"} })
	sent := 0
	fake.Handle("/cgi-bin/message/mass/sendall", func(_ url.Values, body []byte) any {
		if sent++; sent > 1 {
			return map[string]any{"errcode": 45065, "errmsg": "clientmsgid exist"}
		}
		return map[string]any{"errcode": 0, "msg_id": 1000}
	})
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	shipped, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, []byte(strings.Replace(string(shipped), "preview_openids: []", "preview_openids: [o_staff]", 1)), 0o644)
	runCmd(t, "try", "--config", cfg, "你好")
	st, _ := store.Open(context.Background(), filepath.Join(dir, "mpbot.db"))
	a, _ := st.Get(context.Background(), "demo-pujiang")
	a.Cover = cover.URL + "/pujiang.png"
	st.Upsert(context.Background(), a)
	st.Close()
	t.Setenv("MPBOT_WECHAT_API_BASE", fake.URL)
	t.Setenv("MPBOT_WECHAT_APP_SECRET", "s")
	t.Setenv("MPBOT_PUSH_MODE", "broadcast")
	t.Setenv("MPBOT_PUSH_PREVIEW_LEAD", "10ms")

	// A dry run says what the real run would hit: an article without a
	// cover, and no default one.
	if code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", "2026-11-06", "--article", "demo-fengqiao", "--dry-run"); code == 0 ||
		!strings.Contains(errOut, "push.default_thumb_media_id") {
		t.Fatalf("dry run of an article without a cover: %d\n%s\n%s", code, out, errOut)
	}
	if calls := fake.Calls(""); len(calls) != 0 {
		t.Fatalf("the dry run called the API: %v", calls)
	}
	code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", "2026-11-05", "--article", "demo-pujiang")
	if code != 0 || !strings.Contains(out, "sent 1") {
		t.Fatalf("broadcast: %d\n%s\n%s", code, out, errOut)
	}
	for path, want := range map[string]string{
		"/cgi-bin/draft/add":             `"thumb_media_id":"THUMB1"`,
		"/cgi-bin/message/mass/preview":  `"touser":"o_staff"`,
		"/cgi-bin/message/mass/sendall":  `"clientmsgid":"mpbot-2026-11-05"`,
		"/cgi-bin/material/add_material": "pujiang.png",
	} {
		calls := fake.Calls(path)
		if len(calls) != 1 || !strings.Contains(string(calls[0].Body), want) {
			t.Errorf("%s: %d calls, want one with %s", path, len(calls), want)
		}
	}
	if send := fake.Calls("/cgi-bin/message/mass/sendall"); len(send) != 1 || !strings.Contains(string(send[0].Body), `"is_to_all":true`) {
		t.Errorf("sendall not to all followers: %v", send)
	}
	if code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", "2026-11-05"); code != 0 || !strings.Contains(out, "already sent") {
		t.Fatalf("second broadcast of a day: %d %s %s", code, out, errOut)
	}

	// WeChat's receipt of the mass send reaches the webhook; push status
	// shows it beside the ledger.
	logs := &syncBuffer{}
	base, stop := startServe(t, cfg, logs)
	receipt := wechat.Inbound{From: "o_system", MsgType: "event", Event: "MASSSENDJOBFINISH", CreateTime: time.Now().Unix(),
		Extra: "<MsgID>1000</MsgID><Status><![CDATA[send success]]></Status><TotalCount>120</TotalCount><FilterCount>100</FilterCount>" +
			"<SentCount>98</SentCount><ErrorCount>2</ErrorCount>"}
	if out, err := simulatorFor(t, cfg, base).Send(context.Background(), receipt); err != nil || !out.Success {
		t.Fatalf("receipt event: %v %+v", err, out)
	}
	stop()
	_, out, _ = runCmd(t, "push", "status", "--config", cfg, "--date", "2026-11-05")
	if !strings.Contains(out, "WeChat's receipt of the mass send (msg 1000") || !strings.Contains(out, "send success; to 120, filtered 100, sent 98, errors 2") {
		t.Fatalf("push status:\n%s", out)
	}

	// A crash after marking the send: the rerun sends again with the same
	// clientmsgid; WeChat says it exists; the day counts as sent. The cover
	// is not uploaded again.
	st, _ = store.Open(context.Background(), filepath.Join(dir, "mpbot.db"))
	if _, err := st.ScheduleDaily(context.Background(), "2026-11-06", "demo-pujiang"); err != nil { // as the run that crashed did
		t.Fatal(err)
	}
	if err := st.RecordDeliveries(context.Background(), []store.Delivery{{Day: "2026-11-06", Recipient: "broadcast", ArticleID: "demo-pujiang", Mode: "broadcast", State: store.Sending, Attempts: 1}}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, out, errOut = runCmd(t, "push", "--config", cfg, "--date", "2026-11-06", "--article", "demo-pujiang")
	if code != 0 || !strings.Contains(out, "sent 1") || len(fake.Calls("/cgi-bin/material/add_material")) != 1 {
		t.Fatalf("rerun after a crash: %d\n%s\n%s", code, out, errOut)
	}
}

// TestServeCatchesUpMissedPush: serve starts after today's push time (within
// push.catch_up) and runs the push at once, in log mode.
func TestServeCatchesUpMissedPush(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "你好")
	seedFollowers(t, filepath.Join(dir, "mpbot.db"), 7)
	loc, _ := time.LoadLocation("Asia/Shanghai")
	due := time.Now().In(loc).Add(-2 * time.Minute)
	if due.Day() != time.Now().In(loc).Day() {
		t.Skip("too close to midnight in Asia/Shanghai")
	}
	t.Setenv("MPBOT_PUSH_SCHEDULE", fmt.Sprintf("%d %d * * *", due.Minute(), due.Hour()))
	logs := &syncBuffer{}
	base, stop := startServe(t, cfg, logs)
	defer stop()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(logs.String(), "daily push finished") {
		if time.Now().After(deadline) {
			t.Fatalf("no catch-up push:\n%s", logs)
		}
		time.Sleep(20 * time.Millisecond)
	}
	outbox, _ := os.ReadFile(filepath.Join(dir, "outbox.jsonl"))
	if n := strings.Count(string(outbox), "\n"); n != 7 {
		t.Fatalf("outbox has %d lines:\n%s", n, logs)
	}
	// The line says the day's counts beside the run's.
	if !strings.Contains(logs.String(), " day_sent=7 day_skipped=0 day_failed=0 day_unknown=0") {
		t.Fatalf("the finished line lacks the day's counts:\n%s", logs)
	}
	// The day done says so on /metrics, as its midnight (an alert asks
	// whether today's push came).
	y, mo, d := due.Date()
	want := fmt.Sprintf("mpbot_push_done_day_seconds %g", float64(time.Date(y, mo, d, 0, 0, 0, 0, loc).Unix()))
	waitFor(t, func() bool { return strings.Contains(httpGet(t, base+"/metrics"), want) }, want)
	// Nothing left to send once the run ended (the gauge said 7 as it began).
	if m := httpGet(t, base+"/metrics"); !strings.Contains(m, "\nmpbot_push_remaining 0\n") {
		t.Fatalf("no mpbot_push_remaining 0 after the run:\n%s", m)
	}
	if !strings.Contains(logs.String(), `msg="daily push progress" done=0 of=7`) {
		t.Fatalf("the run's start not logged:\n%s", logs)
	}
}

// TestRescheduleToATimePassedToday: an operator moves the daily push, live,
// to a time today has already passed. cron first fires it tomorrow; today's
// followers got nothing and nobody was told. Within push.catch_up of the new
// time the day's push runs at once; beyond it the operator is told how to
// send it; a day already pushed is left alone.
func TestRescheduleToATimePassedToday(t *testing.T) {
	a, fake, loc, logs, edit, reload := rescheduleServe(t, "catch_up: 6h", "catch_up: 1h")
	at := func(ago time.Duration) string {
		then := time.Now().In(loc).Add(-ago)
		return fmt.Sprintf("%d %d * * *", then.Minute(), then.Hour())
	}
	day := time.Now().In(loc).Format(content.DateLayout)

	// Three hours ago: past push.catch_up. Told, not run.
	edit(at(3 * time.Hour))
	reload()
	if !strings.Contains(logs.String(), "longer ago than push.catch_up: today's push will not run by itself; send it with `mpbot push --date "+day+"`") {
		t.Fatalf("a schedule moved past catch_up was not reported:\n%s", logs)
	}
	if state, _, _ := a.store.PushRun(context.Background(), day); state != "" {
		t.Fatalf("the push ran (%q) for a schedule moved past catch_up", state)
	}

	// Ten minutes ago: today's push runs now.
	edit(at(10 * time.Minute))
	reload()
	waitFor(t, func() bool {
		state, _, _ := a.store.PushRun(context.Background(), day)
		return state == store.Done
	}, "today's push after the schedule moved to ten minutes ago")
	if n := len(customSendsPerFollower(fake)); n != 5 {
		t.Fatalf("%d followers got the push, want 5", n)
	}

	// Moved again, to five minutes ago: the day is done, nothing runs.
	edit(at(5 * time.Minute))
	before := strings.Count(logs.String(), "running today's push now")
	reload()
	if n := strings.Count(logs.String(), "running today's push now"); n != before {
		t.Fatalf("a pushed day ran again after another move:\n%s", logs)
	}
}

// TestPushStatusCountsTheUnsent: a run stopped by WeChat's daily quota
// left most followers without a ledger row; push status says how many a
// rerun would still send, not only what was attempted.
func TestPushStatusCountsTheUnsent(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "你好")
	dbPath := filepath.Join(dir, "mpbot.db")
	seedFollowers(t, dbPath, 5)
	t.Setenv("MPBOT_PUSH_MODE", "customer")
	const day = "2026-12-12"
	ctx := context.Background()
	st, err := store.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.AcquirePush(ctx, day, "other", time.Now(), time.Minute); err != nil {
		t.Fatal(err)
	}
	st.RecordDeliveries(ctx, []store.Delivery{
		{Day: day, Recipient: "o0000", ArticleID: "demo-pujiang", Mode: "customer", State: store.Sent},
		{Day: day, Recipient: "o0001", ArticleID: "demo-pujiang", Mode: "customer", State: store.Failed, Reason: "daily API quota reached (45009)"},
	})
	if err := st.FinishPush(ctx, day, "other", store.Stopped, "daily API quota reached (45009)"); err != nil {
		t.Fatal(err)
	}
	// A run whose process was killed stays "running": status says its
	// lease ran out and what a rerun would send (an operator's find: it
	// said "running … in flight 1", nothing more); a live one, who holds it.
	const killed, live = "2026-11-13", "2026-12-14"
	if err := st.AcquirePush(ctx, killed, "pid-gone", time.Now().Add(-time.Hour), time.Minute); err != nil {
		t.Fatal(err)
	}
	st.RecordDeliveries(ctx, []store.Delivery{{Day: killed, Recipient: "o0000", ArticleID: "demo-pujiang", Mode: "customer", State: store.Sending}})
	if err := st.AcquirePush(ctx, live, "pid-live", time.Now(), time.Hour); err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, out, errOut := runCmd(t, "push", "status", "--config", cfg, "--date", day)
	if code != 0 || !strings.Contains(out, "sent 1, skipped 0, failed 1") || !strings.Contains(out, "not sent yet: 4 (never attempted or failed); a rerun sends them: mpbot push --date "+day) {
		t.Fatalf("push status of a stopped day: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = runCmd(t, "push", "status", "--config", cfg, "--date", killed)
	if code != 0 || !strings.Contains(out, "running by pid-gone, whose lease ran out at ") || !strings.Contains(out, "its process is gone; a rerun takes the day over: mpbot push --date "+killed) ||
		!strings.Contains(out, "not sent yet: ") {
		t.Fatalf("push status of a killed run: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = runCmd(t, "push", "status", "--config", cfg, "--date", live)
	if code != 0 || !strings.Contains(out, "running by pid-live (lease until ") || strings.Contains(out, "gone") {
		t.Fatalf("push status of a live run: exit %d\n%s%s", code, out, errOut)
	}
}

// TestPushStoppedByQuotaSaysWhatIsLeft: a push WeChat stops with 45009
// says how many a rerun still sends, as push status does: not only the
// stopped batch's "not attempted".
func TestPushStoppedByQuotaSaysWhatIsLeft(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	var mu sync.Mutex
	sent := 0
	fake.Handle("/cgi-bin/message/custom/send", func(url.Values, []byte) any {
		mu.Lock()
		defer mu.Unlock()
		if sent >= 2 {
			return map[string]any{"errcode": 45009, "errmsg": "reach max api daily quota limit"}
		}
		sent++
		return map[string]any{"errcode": 0}
	})
	cfg := customerPushConfig(t, fake, 40)
	code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", "2026-11-13")
	if code != 1 || !strings.Contains(out, "not sent yet: 38 (never attempted or failed)") {
		t.Fatalf("push stopped by the quota: exit %d\n%s%s", code, out, errOut)
	}
	// The calls never started are no failures: the ledger has none of them
	// (a fleet operator's find: "failed 8 no access token" and "failed 8
	// not attempted" for 8 failed rows).
	if regexp.MustCompile(`(?m)^failed.*not attempted`).MatchString(out) {
		t.Errorf("the calls never started counted as failures:\n%s", out)
	}
	if _, status, _ := runCmd(t, "push", "status", "--config", cfg, "--date", "2026-11-13"); !strings.Contains(status, "not sent yet: 38") {
		t.Fatalf("push status disagrees:\n%s", status)
	}
}

// customerPushConfig is a config with the demo articles and followers
// o0000… in its store, pushing in customer mode to fake as fast as it
// answers.
func customerPushConfig(t *testing.T, fake *wechattest.FakeAPI, followers int) string {
	t.Helper()
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "你好") // seeds the demo articles
	seedFollowers(t, filepath.Join(dir, "mpbot.db"), followers)
	t.Setenv("MPBOT_WECHAT_API_BASE", fake.URL)
	t.Setenv("MPBOT_WECHAT_APP_SECRET", "s")
	t.Setenv("MPBOT_PUSH_MODE", "customer")
	t.Setenv("MPBOT_PUSH_QPS", "1000")
	return cfg
}

// TestRescheduleStandsByForAnotherReplica: the schedule moved, live, to a
// time today has passed while another replica runs today's push (it saw the
// edit first). This replica must stand by and finish the day if that one
// dies (a fleet operator's find: it did nothing, and a replica killed
// mid-push left its followers without the day's reading until someone ran
// mpbot push). The other replica is a lease held by a process elsewhere
// that never comes back.
func TestRescheduleStandsByForAnotherReplica(t *testing.T) {
	a, fake, loc, logs, edit, reload := rescheduleServe(t, "lease_ttl: 30s", "lease_ttl: 2s")
	day := time.Now().In(loc).Format(content.DateLayout)
	if err := a.store.AcquirePush(context.Background(), day, "replica-elsewhere/1/abcdef", time.Now(), 2*time.Second); err != nil {
		t.Fatal(err)
	}
	then := time.Now().In(loc).Add(-10 * time.Minute)
	edit(fmt.Sprintf("%d %d * * *", then.Minute(), then.Hour()))
	reload()
	waitFor(t, func() bool {
		state, _, _ := a.store.PushRun(context.Background(), day)
		return state == store.Done
	}, "the day taken over from a replica that died mid-push")
	if n := len(customSendsPerFollower(fake)); n != 5 {
		t.Fatalf("%d followers got the push, want 5:\n%s", n, logs)
	}
	if !strings.Contains(logs.String(), "standing by") {
		t.Errorf("no stand-by logged:\n%s", logs)
	}
}

// TestRunningDays: one run of a day at a time in a process; another day's
// run is not held back (a review's find: one guard for every day dropped
// the next day's run while a stand-by waited).
func TestRunningDays(t *testing.T) {
	var r runningDays
	if !r.start("2026-12-02") || r.start("2026-12-02") {
		t.Fatal("a day started twice at once")
	}
	if !r.start("2026-12-03") {
		t.Fatal("another day held back")
	}
	r.end("2026-12-02")
	if !r.start("2026-12-02") {
		t.Fatal("a day not started again after its run ended")
	}
}

// rescheduleServe is serve's app in process with 5 followers, pushing in
// customer mode to a fake WeChat API, in a time zone where it is about
// noon (so hours before and after now are today's whenever the test
// runs); edit rewrites the config's push.schedule (and, given, one more
// replacement of the shipped text), as an operator's editor does, for
// a.reload to read.
func rescheduleServe(t *testing.T, replace ...string) (a *app, fake *wechattest.FakeAPI, loc *time.Location, logs *syncBuffer, edit func(schedule string), reload func()) {
	t.Helper()
	fake = wechattest.NewFakeAPI()
	t.Cleanup(fake.Close)
	t.Setenv("MPBOT_WECHAT_API_BASE", fake.URL)
	t.Setenv("MPBOT_WECHAT_APP_SECRET", "s")
	t.Setenv("MPBOT_PUSH_MODE", "customer")
	offset := 12 - time.Now().UTC().Hour()
	zone := "Etc/GMT"
	if offset != 0 {
		zone = fmt.Sprintf("Etc/GMT%+d", -offset)
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := writeConfig(t, dir, "")
	shipped, _ := os.ReadFile(path)
	edit = func(schedule string) {
		t.Helper()
		cfg := strings.Replace(string(shipped), `schedule: "30 7 * * *"`, `schedule: "`+schedule+`"`, 1)
		cfg = strings.Replace(cfg, "timezone: Asia/Shanghai", "timezone: "+zone, 1)
		for i := 0; i+1 < len(replace); i += 2 {
			cfg = strings.Replace(cfg, replace[i], replace[i+1], 1)
		}
		if err := os.WriteFile(path+".tmp", []byte(cfg), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(path+".tmp", path); err != nil {
			t.Fatal(err)
		}
	}
	edit("0 23 * * *") // later today
	running, err := loadConfig(path, true)
	if err != nil {
		t.Fatal(err)
	}
	logs = &syncBuffer{}
	a, err = newApp(context.Background(), running, newLogger(LogConfig{Level: "info", Format: "text"}, logs), withWebhook)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		a.sched.Stop(ctx)
		a.close()
	})
	seedFollowersIn(t, a.store, 5)
	a.startPush(context.Background())
	return a, fake, loc, logs, edit, func() { a.reload(path, running) }
}

// TestCounted: one follower is no "1 followers" (an operator's find in
// push --dry-run), one article no "1 articles" (another's, in import).
func TestCounted(t *testing.T) {
	for n, want := range map[int]string{0: "0 followers", 1: "1 follower", 2: "2 followers"} {
		if got := counted(n, "follower"); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
	if got := counted(1, "article"); got != "1 article" {
		t.Errorf("1 article: %q", got)
	}
}

// TestPushStatusPlansTheDaysBefore: the status of a day to come says what
// that day will send after the days before it take theirs (an operator
// run's find: each of four days to come said it would send one article).
func TestPushStatusPlansTheDaysBefore(t *testing.T) {
	cfg := writeConfig(t, t.TempDir(), "")
	runCmd(t, "try", "--config", cfg, "你好") // seeds the demo articles
	today := time.Now().In(time.FixedZone("CST", 8*3600))
	seen := map[string]string{}
	for i := 1; i <= 3; i++ {
		day := today.AddDate(0, 0, i).Format(content.DateLayout)
		_, out, errOut := runCmd(t, "push", "status", "--config", cfg, "--date", day)
		m := regexp.MustCompile(`would send .* \((demo-[a-z0-9-]+)\), next unread`).FindStringSubmatch(out)
		if m == nil {
			t.Fatalf("status of %s:\n%s%s", day, out, errOut)
		}
		if other, ok := seen[m[1]]; ok {
			t.Errorf("%s and %s both would send %s", other, day, m[1])
		}
		seen[m[1]] = day
	}
}

// pushedDay runs the log-mode push of day on a store seeded with the demo
// articles and three followers, and returns the config and the article
// the day sent.
func pushedDay(t *testing.T, day string) (cfg, sent string) {
	t.Helper()
	dir := t.TempDir()
	cfg = writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "你好") // seeds the demo articles
	seedFollowers(t, filepath.Join(dir, "mpbot.db"), 3)
	if code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", day); code != 0 || !strings.Contains(out, "sent 3") {
		t.Fatalf("push: %d\n%s\n%s", code, out, errOut)
	}
	_, status, _ := runCmd(t, "push", "status", "--config", cfg, "--date", day)
	m := regexp.MustCompile(`article (demo-[a-z0-9-]+)`).FindStringSubmatch(status)
	if m == nil {
		t.Fatalf("status:\n%s", status)
	}
	return cfg, m[1]
}

// TestPushOfADayDoneWhoseReadingWasRemoved: a day done is done, its
// article removed since (an operator run's find: the dry run failed, exit
// 1, `daily reading for 2026-12-01: store: get article demo-…: not found`,
// and the run said `nothing to push: no article of "政策理论导读" left to
// read`, with a dozen unread articles of the category in the store).
func TestPushOfADayDoneWhoseReadingWasRemoved(t *testing.T) {
	cfg, sent := pushedDay(t, "2026-12-01")
	if code, _, errOut := runCmd(t, "articles", "rm", "--config", cfg, sent); code != 0 {
		t.Fatalf("rm %s: %d\n%s", sent, code, errOut)
	}
	_, status, _ := runCmd(t, "push", "status", "--config", cfg, "--date", "2026-12-01")
	if !strings.Contains(status, "2026-12-01: done") || !strings.Contains(status, "sent 3") {
		t.Fatalf("the day's record is gone:\n%s", status)
	}
	code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", "2026-12-01", "--dry-run")
	if code != 0 || !strings.Contains(out, "already sent") {
		t.Errorf("dry run of the day done (its reading removed since): exit %d, want 0 and `already sent`\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	code, out, errOut = runCmd(t, "push", "--config", cfg, "--date", "2026-12-01")
	if code != 0 || !strings.Contains(out, "already sent") || strings.Contains(out+errOut, "left to read") {
		t.Errorf("run of the day done (its reading removed since): exit %d, want `already sent`, not that nothing is left to read\nstdout: %s\nstderr: %s", code, out, errOut)
	}
}

// TestBroadcastDryRunOfADayDone: the dry run of a day done says `already
// sent`, whatever push.mode has become: pushed by customer messages, then
// broadcast (the account verified), it said `one mass send, still to send`
// (an operator run's find). A day only rehearsed in log mode is still to
// send.
func TestBroadcastDryRunOfADayDone(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	cfg := customerPushConfig(t, fake, 3)
	const day = "2026-12-01"
	if code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", day); code != 0 || !strings.Contains(out, "sent 3") {
		t.Fatalf("push by customer messages: %d\n%s\n%s", code, out, errOut)
	}
	const rehearsed = "2026-12-02"
	t.Setenv("MPBOT_PUSH_MODE", "log")
	if code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", rehearsed); code != 0 || !strings.Contains(out, "sent 3") {
		t.Fatalf("the rehearsal: %d\n%s\n%s", code, out, errOut)
	}
	broadcastOnAFake(t)
	code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", day, "--dry-run")
	if code != 0 || !strings.Contains(out, "already sent") || !strings.Contains(out, "demo-") || strings.Contains(out, "still to send") {
		t.Errorf("broadcast dry run of a day done: exit %d, want `already sent` naming the article\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	if code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", day); !strings.Contains(out, "already sent") {
		t.Fatalf("the run itself (%d): %s %s", code, out, errOut)
	}
	if code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", rehearsed, "--dry-run"); code != 0 || !strings.Contains(out, "still to send") {
		t.Errorf("broadcast dry run of a day rehearsed: exit %d, want `still to send`\nstdout: %s\nstderr: %s", code, out, errOut)
	}
}

// TestFollowersSyncLeavesOutWhoLeft: a sync's whole list leaves out those
// who unfollowed while the webhook did not hear it; they are recorded as
// left (an operator run's find: 25 followers and 25 taking the reading
// where WeChat listed 12, and template mode sent to all 25). One who wrote
// since the sync began is still following; a list that stops short of its
// own total forgets nobody.
func TestFollowersSyncLeavesOutWhoLeft(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	var mu sync.Mutex
	listed, total := 25, 25
	fake.Handle("/cgi-bin/user/get", func(q url.Values, _ []byte) any {
		mu.Lock()
		defer mu.Unlock()
		var ids []string
		if q.Get("next_openid") == "" {
			for i := range listed {
				ids = append(ids, fmt.Sprintf("o%03d", i))
			}
		}
		next := ""
		if len(ids) > 0 {
			next = ids[len(ids)-1]
		}
		return map[string]any{"total": total, "count": len(ids), "data": map[string]any{"openid": ids}, "next_openid": next}
	})
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	t.Setenv("MPBOT_WECHAT_API_BASE", fake.URL)
	t.Setenv("MPBOT_WECHAT_APP_SECRET", "s")
	sync := func(want string) {
		t.Helper()
		if code, out, errOut := runCmd(t, "followers", "sync", "--config", cfg); code != 0 || !strings.Contains(out, want) {
			t.Fatalf("sync: %d, want %q\n%s\n%s", code, want, out, errOut)
		}
	}
	stats := func(want string) {
		t.Helper()
		if _, out, _ := runCmd(t, "followers", "stats", "--config", cfg); !strings.Contains(out, want) {
			t.Fatalf("followers stats, want %q:\n%s", want, out)
		}
	}
	sync("25 listed, 25 new, 0 gone from the list")
	// o020 writes as the next sync runs (its message after the list was
	// read): following still.
	st, err := store.Open(context.Background(), filepath.Join(dir, "mpbot.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := st.FollowerSeen(context.Background(), "o020", time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	st.Close()
	mu.Lock()
	listed, total = 12, 12 // 13 unfollowed
	mu.Unlock()
	sync("12 listed, 0 new, 12 gone from the list")
	stats("followers 13, taking the daily reading 13")
	mu.Lock()
	listed = 5 // a list short of its total
	mu.Unlock()
	sync("followers: 5 listed, 0 new; the list was not whole (empty, or short of its total): nobody recorded as left")
	stats("followers 13, taking the daily reading 13")
}

// TestCustomerDryRunSaysWhoIsOutOfReach: the dry run in customer mode says
// how many taking the reading have not written in WeChat's 48 hours (an
// operator run's find: "0 followers want it" beside followers stats' 25,
// and nothing said why).
func TestCustomerDryRunSaysWhoIsOutOfReach(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "你好")
	dbPath := filepath.Join(dir, "mpbot.db")
	seedFollowers(t, dbPath, 2)
	st, err := store.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.UpsertFollowerIDs(context.Background(), []string{"synced1", "synced2", "synced3"}); err != nil { // listed, never wrote
		t.Fatal(err)
	}
	// One who followed today: no follower yet of a day gone by, for which
	// the window is no reason (an operator run's find: the dry run of a
	// past day blamed the 48 hours for followers who came after it).
	if err := st.FollowerSubscribed(context.Background(), "new1", "", time.Now()); err != nil {
		t.Fatal(err)
	}
	st.Close()
	t.Setenv("MPBOT_PUSH_MODE", "customer")
	t.Setenv("MPBOT_WECHAT_APP_SECRET", "s")
	code, out, errOut := runCmd(t, "push", "--config", cfg, "--dry-run")
	if code != 0 || !strings.Contains(out, "dry run: 3 followers want it") ||
		!strings.Contains(out, "customer messages reach followers who wrote in the last 48 hours: 3 of the 6 taking the daily reading have not") {
		t.Fatalf("customer dry run: exit %d\n%s\n%s", code, out, errOut)
	}
	past := time.Now().AddDate(0, 0, -3).Format(content.DateLayout)
	code, out, errOut = runCmd(t, "push", "--config", cfg, "--dry-run", "--date", past)
	if code != 0 || !strings.Contains(out, "dry run: 2 followers want it") ||
		!strings.Contains(out, "customer messages reach followers who wrote in the last 48 hours: 3 of the 5 taking the reading of "+past+" have not") {
		t.Fatalf("customer dry run of a past day: exit %d\n%s\n%s", code, out, errOut)
	}
}

// broadcastOnAFake sets push.mode broadcast, with a default cover, against
// a fake WeChat API closed when the test ends, which it returns.
func broadcastOnAFake(t *testing.T) *wechattest.FakeAPI {
	t.Helper()
	fake := wechattest.NewFakeAPI()
	t.Cleanup(fake.Close)
	t.Setenv("MPBOT_WECHAT_API_BASE", fake.URL)
	t.Setenv("MPBOT_WECHAT_APP_SECRET", "s")
	t.Setenv("MPBOT_PUSH_MODE", "broadcast")
	t.Setenv("MPBOT_PUSH_DEFAULT_THUMB_MEDIA_ID", "THUMB1")
	return fake
}

// TestPushAfterALogRehearsal: a day pushed with push.mode log (the
// default: the outbox, which reaches nobody) is then pushed for real when
// the mode changes; the dry run says so beforehand (an operator run's
// find: the real mode said "already sent" of a day only rehearsed).
func TestPushAfterALogRehearsal(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	cfg := customerPushConfig(t, fake, 3)
	const day = "2026-11-13"
	t.Setenv("MPBOT_PUSH_MODE", "log")
	if code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", day); code != 0 {
		t.Fatalf("the rehearsal: exit %d\n%s%s", code, out, errOut)
	}
	t.Setenv("MPBOT_PUSH_MODE", "customer")
	code, out, errOut := runCmd(t, "push", "--dry-run", "--config", cfg, "--date", day)
	if code != 0 || !strings.Contains(out, "3 not yet delivered") {
		t.Fatalf("the dry run after a rehearsal: exit %d\n%s%s", code, out, errOut)
	}
	if _, status, _ := runCmd(t, "push", "status", "--config", cfg, "--date", day); !strings.Contains(status, day+": done in push.mode log, a rehearsal (the outbox reached nobody)\n") ||
		!strings.Contains(status, "not sent yet in push.mode customer: 3; a run sends them") {
		t.Fatalf("push status of a day rehearsed:\n%s", status)
	}
	code, out, errOut = runCmd(t, "push", "--config", cfg, "--date", day)
	if code != 0 || len(customSendsPerFollower(fake)) != 3 {
		t.Fatalf("the real push after a rehearsal: exit %d, %d followers reached\n%s%s", code, len(customSendsPerFollower(fake)), out, errOut)
	}
	// Done for real now: a log run of the day changes nothing.
	t.Setenv("MPBOT_PUSH_MODE", "log")
	if _, out, _ := runCmd(t, "push", "--config", cfg, "--date", day); !strings.Contains(out, "already sent") {
		t.Fatalf("a log run of a day sent:\n%s", out)
	}
	t.Setenv("MPBOT_PUSH_MODE", "customer")
	if _, status, _ := runCmd(t, "push", "status", "--config", cfg, "--date", day); strings.Contains(status, "rehearsed") || !strings.Contains(status, "sent 3") {
		t.Fatalf("push status of a day sent after its rehearsal:\n%s", status)
	}
}

// TestRmOfARehearsedReading: today's reading pushed in push.mode log (the
// outbox reached nobody) and then removed: the day is done in log mode, and
// reads another once push.mode sends; rm says so (an operator run's find:
// rm said the ledger kept what was sent, and the day's push then found
// nothing).
func TestRmOfARehearsedReading(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "你好") // seeds the demo articles
	seedFollowers(t, filepath.Join(dir, "mpbot.db"), 3)
	code, out, errOut := runCmd(t, "push", "--config", cfg)
	rehearsed := regexp.MustCompile(`\((demo-[a-z0-9-]+)\)`).FindStringSubmatch(out)
	if code != 0 || !strings.Contains(out, "sent 3") || rehearsed == nil {
		t.Fatalf("push in log mode: %d\n%s\n%s", code, out, errOut)
	}
	today := regexp.MustCompile(`\d{4}-\d\d-\d\d`).FindString(out)
	code, _, errOut = runCmd(t, "articles", "rm", "--config", cfg, rehearsed[1])
	if code != 0 || !strings.Contains(errOut, "note: "+rehearsed[1]+" was rehearsed in push.mode log for "+today+": done there; a run of the day in a mode that sends reads another") {
		t.Fatalf("rm of today's rehearsed reading: %d\n%s", code, errOut)
	}
}

// TestDryRunOfADayBeyondAYear: the dry run of a day more than a year ahead
// now goes through store.PlanThrough, whose ErrPlanTooFar the push command
// does not handle: it exits 1 (the README's "deliveries failed or the run
// stopped: run it again") with the error said twice over ("daily reading
// for D: plan the daily reading of D: too far ahead to plan"). push status
// of the same day says "too far ahead" and exits 0; before the change the
// dry run answered.
func TestDryRunOfADayBeyondAYear(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "你好") // seeds the demo articles
	beyond := time.Now().In(time.FixedZone("CST", 8*3600)).AddDate(1, 0, 10).Format(content.DateLayout)
	code, out, errOut := runCmd(t, "push", "--config", cfg, "--dry-run", "--date", beyond)
	if code == 1 || !strings.Contains(out+errOut, "too far ahead") || strings.Count(out+errOut, beyond) > 1 {
		t.Errorf("push --dry-run --date %s: exit %d\n%s%s\nwant the too-far-ahead line push status gives, not a failed run", beyond, code, out, errOut)
	}
}

// TestPushAgainTellsADayOfUnknownDeliveries: a day whose every call went
// unanswered (unknown: WeChat may have delivered it) is done; run again,
// push and its dry run say so, not that nobody could be reached (an
// operator run's find: read as a day failed, a second copy by hand would
// follow).
func TestPushAgainTellsADayOfUnknownDeliveries(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	fake.FailAlways("/cgi-bin/message/custom/send", wechattest.Fault{Drop: true})
	cfg := customerPushConfig(t, fake, 3)
	if code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", "2026-11-13"); !strings.Contains(out, "unknown 3") {
		t.Fatalf("a push whose every call was dropped: exit %d\n%s%s", code, out, errOut)
	}
	for _, args := range [][]string{
		{"push", "--config", cfg, "--date", "2026-11-13"},
		{"push", "--dry-run", "--config", cfg, "--date", "2026-11-13"},
	} {
		code, out, errOut := runCmd(t, args...)
		if code != 0 || strings.Contains(out, "nobody could be reached") || !strings.Contains(out, "to 0 followers; unknown 3 (mpbot push status --date 2026-11-13 says why)") {
			t.Errorf("%s again: exit %d\n%s%s", strings.Join(args[:2], " "), code, out, errOut)
		}
	}
}

// TestModeToSendingAfterTodaysRehearsal: push.mode changed live from log to
// one that sends after today's push ran in log mode warns that nobody got
// today's reading and how to send it (an operator run's find: only
// "config reloaded", and nobody got the day's reading).
func TestModeToSendingAfterTodaysRehearsal(t *testing.T) {
	scheduledPassedToday(t)
	_, logs, day, goLive := rehearsedToday(t)
	goLive("customer")
	if want := "push.mode changed from log to customer after today's push ran in log mode: nobody got today's reading, and it is not run again by itself; send it with `mpbot push --date " + day + "`"; !strings.Contains(logs.String(), want) {
		t.Errorf("the reload's log, want %q:\n%s", want, logs)
	}
}

// TestPushStopsWhenWeChatIsDown: every call fails alike (HTTP 502 from
// the proxy in front of WeChat, or -1 system busy, or connection refused):
// each follower still gets its own 4 tries with backoff, one after another
// through the whole list. 40 followers cost 160 calls and ~20 s; on the
// 3,000-follower store a run with api_base unreachable had marked 1,040
// failed after 10 minutes and was on course for half an hour, hammering the
// endpoint, before asking for the rerun that a token outage asks for at
// once. Expected: after a few consecutive followers fail for WeChat being
// unreachable/busy, the run stops (as for 45009 or no token) and says
// "WeChat unreachable/busy: rerun", leaving the rest unattempted.
func TestPushStopsWhenWeChatIsDown(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	fake.FailAlways("/cgi-bin/message/custom/send", wechattest.Fault{Status: 502})
	cfg := customerPushConfig(t, fake, 100)
	start := time.Now()
	code, out, _ := runCmd(t, "push", "--config", cfg, "--date", "2026-11-13")
	calls := len(fake.Calls("/cgi-bin/message/custom/send"))
	t.Logf("exit %d after %v, %d calls", code, time.Since(start).Round(time.Second), calls)
	if calls >= 100 {
		t.Errorf("%d calls to a WeChat answering 502 to every one (4 per follower, all 100 followers); want the run stopped after a few\n%s", calls, out)
	}
	if code != 1 || !strings.Contains(out, "not sent yet: 100") {
		t.Errorf("exit %d; want 1 with every follower left for the rerun\n%s", code, out)
	}
}

// TestPushFailuresGroupedByErrcodeNotByRid: WeChat's errmsg carries a
// request id unique to each call ("invalid openid rid:
// 6035fc3b-4873a3bb-3f1bb871"; two calls in one second get two). The push
// keys a failure's reason by the whole error text, so 20 followers failing
// with one errcode are 20 reasons: 20 lines in `push status` and in the
// run's output, a 20-entry failed=map[…] in the log line, and 20 new series
// of mpbot_push_deliveries_total{state="failed",reason=…} a day (unbounded
// label cardinality). The operator wants "20 failed: errcode 47001".
func TestPushFailuresGroupedByErrcodeNotByRid(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	var n atomic.Int64
	fake.Handle("/cgi-bin/message/custom/send", func(url.Values, []byte) any {
		return map[string]any{"errcode": 47001, "errmsg": fmt.Sprintf("data format error rid: 6035fc3b-%08x-5c88cae2", n.Add(1))}
	})
	cfg := customerPushConfig(t, fake, 20)
	_, out, errOut := runCmd(t, "push", "--config", cfg, "--date", "2026-11-13")
	if lines := regexp.MustCompile(`(?m)^\s+failed \d+ `).FindAllString(out, -1); len(lines) != 1 {
		t.Errorf("the run's output has %d failure lines for one errcode; want 1\n%s%s", len(lines), out, errOut)
	}
	_, status, _ := runCmd(t, "push", "status", "--config", cfg, "--date", "2026-11-13")
	if lines := regexp.MustCompile(`(?m)^\s+\d+\s+failed: `).FindAllString(status, -1); len(lines) != 1 {
		t.Errorf("push status has %d failure lines for one errcode; want 1\n%s", len(lines), status)
	}
}

// TestPushTemplateRefusedByTheFollower: in template mode WeChat answers
// 43101 ("user refuse to accept the msg") for a follower who turned the
// account's template messages off. No rerun can reach them, as for 43019
// (blacklisted), which the push skips. Today it is a failure: the day stays
// "stopped", `mpbot push` exits 1 every time (cron/systemd wrappers rerun
// it), and every rerun calls WeChat for that follower again.
func TestPushTemplateRefusedByTheFollower(t *testing.T) {
	fake := wechattest.NewFakeAPI()
	defer fake.Close()
	fake.Handle("/cgi-bin/message/template/send", func(_ url.Values, body []byte) any {
		var m struct {
			ToUser string `json:"touser"`
		}
		json.Unmarshal(body, &m)
		if m.ToUser == "o0001" {
			return map[string]any{"errcode": 43101, "errmsg": "user refuse to accept the msg rid: 6566"}
		}
		return map[string]any{"errcode": 0, "errmsg": "ok", "msgid": 200228332}
	})
	cfg := customerPushConfig(t, fake, 3)
	b, _ := os.ReadFile(cfg)
	s := strings.Replace(string(b), `template_id: ""`, `template_id: "tpl-1"`, 1)
	s = strings.Replace(s, `template_fields: {}`, `template_fields: {thing1: title}`, 1)
	os.WriteFile(cfg, []byte(s), 0o644)
	t.Setenv("MPBOT_PUSH_MODE", "template")

	code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", "2026-11-13")
	if code != 0 || !strings.Contains(out, "43101") {
		t.Errorf("push: exit %d; want 0, the follower who refuses template messages skipped naming 43101\n%s%s", code, out, errOut)
	}
	before := len(fake.Calls("/cgi-bin/message/template/send"))
	code, out, errOut = runCmd(t, "push", "--config", cfg, "--date", "2026-11-13")
	if after := len(fake.Calls("/cgi-bin/message/template/send")); after != before || code != 0 {
		t.Errorf("rerun: exit %d, %d more calls to template/send; want 0 and none\n%s%s", code, after-before, out, errOut)
	}
}

// TestPushUnreadableAnswerToACustomSendIsNotSentAgain: WeChat took a
// customer-service message (it was delivered) and its 200 answer came back
// unreadable: cut short, or a proxy's HTML page served with 200. The call has
// no idempotency key, so like a 504 or a timeout it may have been delivered
// and must not be sent again, by the run's retries nor by a rerun. Today it
// is retried 4 times a run and the delivery left "failed", so every rerun
// sends it 4 more times: 8 copies after one rerun.
func TestPushUnreadableAnswerToACustomSendIsNotSentAgain(t *testing.T) {
	for name, answer := range map[string]string{
		"cut short": `{"errcode":0,"errmsg":"o`,
		"html 200":  `<html><body><h1>502 Bad Gateway</h1></body></html>`,
	} {
		t.Run(name, func(t *testing.T) {
			fake := wechattest.NewFakeAPI()
			defer fake.Close()
			// WeChat delivers each message; only its answer is garbled.
			fake.HandleRaw("/cgi-bin/message/custom/send", func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(http.StatusOK)
				io.WriteString(w, answer)
			})
			cfg := customerPushConfig(t, fake, 3)
			runCmd(t, "push", "--config", cfg, "--date", "2026-11-13")
			runCmd(t, "push", "--config", cfg, "--date", "2026-11-13") // the rerun the output asks for
			delivered := map[string]int{}
			for _, c := range fake.Calls("/cgi-bin/message/custom/send") {
				var m struct {
					ToUser string `json:"touser"`
				}
				json.Unmarshal(c.Body, &m)
				delivered[m.ToUser]++
			}
			if len(delivered) != 3 {
				t.Fatalf("sent to %d followers, want 3", len(delivered))
			}
			for id, n := range delivered {
				if n != 1 {
					t.Errorf("%s received the day's reading %d times", id, n)
				}
			}
			st, err := store.Open(context.Background(), filepath.Join(filepath.Dir(cfg), "mpbot.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			sum, _ := st.LedgerSummary(context.Background(), "2026-11-13")
			if sum.Counts[store.Failed] != 0 {
				t.Errorf("ledger %v: deliveries WeChat took are left failed, for the next rerun to send again", sum.Counts)
			}
		})
	}
}

// TestPushStopsWhenNoSendIsAnswered: WeChat out of reach as a
// proxy in front of it says it (504 for every call: nginx's upstream timed
// out), as a timeout does (the connection closed with no answer), or as a
// wrong api_base does (a web page served with 200 to every call). Each send
// is then "unknown" (may have been delivered, never sent again) and the
// run goes on through the whole list: 60 followers, 60 calls, "recipients
// 60, sent 0, unknown 60", exit 0; the rerun says "already sent ... to 0
// followers; unknown 60" and exits 0. The day is over for everyone, nobody
// (most likely) reached. 502 for every call stops after 5 in a row (12
// calls' followers failed, the rest left to a rerun) and exits 1.
// Expected: a run of unknowns in a row stops the run as a run of failures
// does, leaving the rest to a rerun, and the command does not exit 0.
func TestPushStopsWhenNoSendIsAnswered(t *testing.T) {
	for name, set := range map[string]func(f *wechattest.FakeAPI){
		"504": func(f *wechattest.FakeAPI) {
			f.FailAlways("/cgi-bin/message/custom/send", wechattest.Fault{Status: 504})
		},
		"timeout": func(f *wechattest.FakeAPI) {
			f.FailAlways("/cgi-bin/message/custom/send", wechattest.Fault{Drop: true})
		},
		"page 200": func(f *wechattest.FakeAPI) {
			f.HandleRaw("/cgi-bin/message/custom/send", func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(http.StatusOK)
				io.WriteString(w, "<html><body>Welcome to nginx!</body></html>")
			})
		},
	} {
		t.Run(name, func(t *testing.T) {
			fake := wechattest.NewFakeAPI()
			defer fake.Close()
			set(fake)
			cfg := customerPushConfig(t, fake, 60)
			code, out, _ := runCmd(t, "push", "--config", cfg, "--date", "2026-11-13")
			calls := len(fake.Calls("/cgi-bin/message/custom/send"))
			st, err := store.Open(context.Background(), filepath.Join(filepath.Dir(cfg), "mpbot.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			sum, _ := st.LedgerSummary(context.Background(), "2026-11-13")
			if calls >= 60 || sum.Counts[store.Unknown] >= 60 || code == 0 {
				t.Errorf("exit %d, %d calls, ledger %v: every follower given up as unknown after a call nobody answered; want the run stopped after a few, the rest left to a rerun\n%s", code, calls, sum.Counts, out)
			}
		})
	}
}

// TestPushDryRunBeforeTheSecret: a dry run sends nothing, so it shows who
// customer mode would reach before the AppSecret is set (a newcomer run's
// find: refused, "needs the WeChat API"); the run itself still needs it.
func TestPushDryRunBeforeTheSecret(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	runCmd(t, "try", "--config", cfg, "你好") // seeds the demo articles
	seedFollowers(t, filepath.Join(dir, "mpbot.db"), 3)
	t.Setenv("MPBOT_PUSH_MODE", "customer")
	code, out, errOut := runCmd(t, "push", "--config", cfg, "--date", "2026-12-01", "--dry-run")
	if code != 0 || !strings.Contains(out, "by customer") || !strings.Contains(out, "dry run: 3 followers") {
		t.Fatalf("dry run in customer mode without the secret: %d\n%s\n%s", code, out, errOut)
	}
	if code, _, errOut := runCmd(t, "push", "--config", cfg, "--date", "2026-12-01"); code != 2 || !strings.Contains(errOut, "app_secret") {
		t.Fatalf("a run in customer mode without the secret: %d\n%s", code, errOut)
	}
}
