package jobs

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"mpbot/content"
)

// signalLog is a log written from the scheduler's goroutines that says when
// a line holding want is written.
type signalLog struct {
	mu   sync.Mutex
	b    bytes.Buffer
	want string
	seen chan struct{}
	once sync.Once
}

func (l *signalLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if bytes.Contains(p, []byte(l.want)) {
		l.once.Do(func() { close(l.seen) })
	}
	return l.b.Write(p)
}

func (l *signalLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestSchedulerLogsAPanickingRun: a scheduled run that panics neither takes
// serve down nor vanishes: the scheduler's log says so (cron's Recover had
// written to its DiscardLogger: a review's find).
func TestSchedulerLogsAPanickingRun(t *testing.T) {
	logs := &signalLog{want: "a bug in the push", seen: make(chan struct{})}
	s := NewScheduler(slog.New(slog.NewTextHandler(logs, nil)), func(context.Context) { panic("a bug in the push") })
	if _, err := s.Set("@every 1s", time.UTC); err != nil {
		t.Fatal(err)
	}
	s.Start()
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := s.Stop(ctx); err != nil {
			t.Error(err)
		}
	}()
	select {
	case <-logs.seen:
	case <-time.After(30 * time.Second):
		t.Fatalf("a scheduled run panicked and the log says nothing of it:\n%s", logs)
	}
	if !strings.Contains(logs.String(), "daily push panicked") {
		t.Errorf("log: %s", logs)
	}
}

// TestRunNowSurvivesAPanickingRun: RunNow (serve's catch-up at start, and
// after a reload moved the schedule) recovers a panicking run as the
// schedule's runs are, and logs it (its goroutine had no recover: the
// process died, webhook and all: a review's find). In a child process,
// which must exit normally.
func TestRunNowSurvivesAPanickingRun(t *testing.T) {
	if os.Getenv("MPBOT_TEST_RUNNOW_PANIC") == "1" {
		logs := &signalLog{want: "a bug in the push", seen: make(chan struct{})}
		s := NewScheduler(slog.New(slog.NewTextHandler(logs, nil)), func(context.Context) { panic("a bug in the push") })
		s.RunNow()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := s.Stop(ctx); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(logs.String(), "daily push panicked") {
			t.Fatalf("RunNow's panic went unsaid:\n%s", logs)
		}
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestRunNowSurvivesAPanickingRun$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), "MPBOT_TEST_RUNNOW_PANIC=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS") {
		first, _, _ := strings.Cut(string(out), "\n\ngoroutine")
		t.Fatalf("a process whose catch-up push panicked: %v\n%s", err, first)
	}
}

// panickingSender panics on every send: a bug in the adapter.
type panickingSender struct{}

func (panickingSender) Send(context.Context, string, content.Article) (int64, error) {
	panic("a bug in a follower's send")
}

// TestRunNowSurvivesAPanickingSend: a push's calls run on its senders'
// goroutines, which the scheduler's recover does not reach: a panic in one
// is that delivery's failure, logged, and the process goes on (it died,
// webhook and all: a review's find). In a child process, which must exit
// normally.
func TestRunNowSurvivesAPanickingSend(t *testing.T) {
	if os.Getenv("MPBOT_TEST_SEND_PANIC") == "1" {
		_, _, p := setup(t, 3)
		logs := &signalLog{want: "a bug in a follower's send", seen: make(chan struct{})}
		p.Log = slog.New(slog.NewTextHandler(logs, nil))
		cfg := p.Config()
		cfg.Sender = panickingSender{}
		p.Config = func() Config { return cfg }
		var res Result
		var runErr error
		ran := make(chan struct{})
		s := NewScheduler(p.Log, func(ctx context.Context) {
			defer close(ran)
			res, runErr = p.Run(ctx, RunOptions{})
		})
		s.RunNow()
		<-ran // Stop would cancel the run
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := s.Stop(ctx); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(logs.String(), "daily push panicked in a send") || len(res.Failed) == 0 {
			t.Fatalf("the send's panic: failed %v, %v\n%s", res.Failed, runErr, logs)
		}
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestRunNowSurvivesAPanickingSend$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), "MPBOT_TEST_SEND_PANIC=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS") {
		first, _, _ := strings.Cut(string(out), "\n\ngoroutine")
		t.Fatalf("a process whose push panicked in a send: %v\n%s", err, first)
	}
}

// TestAPanickedRunEndsStopped: a run that panics on its own goroutine
// (recovered by the scheduler) ends its day stopped, saying why, so another
// process reruns it at once (the day had stayed running, held, until its
// lease ran out: a review's find).
func TestAPanickedRunEndsStopped(t *testing.T) {
	ctx := context.Background()
	s, send, p := setup(t, 3)
	p.Progress = func(done, total int) { panic("a bug mid-run") }
	runPanicking(t, p)
	day := clock.Format(content.DateLayout)
	if state, note, err := s.PushRun(ctx, day); err != nil || state != "stopped" || !strings.Contains(note, "a bug mid-run") {
		t.Fatalf("the day after a panic: %q %q %v; want stopped, saying why", state, note, err)
	}
	q := *p
	q.Owner, q.Progress = "other", nil
	if res, err := q.Run(ctx, RunOptions{}); err != nil || res.Sent+len(send.sent) < 3 {
		t.Fatalf("the rerun by another process: %+v %v", res, err)
	}
}

// runPanicking runs p's push, which must panic, and recovers the panic as
// the scheduler does.
func runPanicking(t *testing.T, p *DailyPush) {
	t.Helper()
	defer func() {
		if r := recover(); r == nil {
			t.Fatal("the run did not panic")
		}
	}()
	p.Run(context.Background(), RunOptions{})
}
