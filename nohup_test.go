package main

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"mpbot/bot/wechat"
)

// TestNohupKeepsServeThroughHangup: `nohup mpbot serve &` (or push,
// import) is how a process is kept past the ssh session that started it:
// nohup sets SIGHUP to ignored, and Go keeps an inherited ignore unless
// the program asks for the signal. main now passes SIGHUP to
// signal.NotifyContext, which (os/signal docs) installs a handler and
// un-ignores it, so closing the session now stops a nohup'd serve, where
// 635695f ran on. SIGHUP should be asked for only when it is not ignored
// (signal.Ignored(syscall.SIGHUP)).
func TestNohupKeepsServeThroughHangup(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	if _, err := exec.LookPath("nohup"); err != nil {
		t.Skip("no nohup")
	}
	cfg := writeConfig(t, t.TempDir(), "")
	logs := &syncBuffer{}
	cmd := exec.Command("nohup", os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "MPBOT_TEST_MAIN="+strings.Join([]string{"serve", "--config", cfg}, "\n"))
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			logs.Write([]byte(sc.Text() + "\n"))
			if m := addrRe.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case addr <- m[1]:
				default:
				}
			}
		}
	}()
	var base string
	select {
	case a := <-addr:
		base = "http://" + a
	case <-time.After(60 * time.Second): // a hang, not a timing assertion
		t.Fatal("serve did not start")
	}
	// Serving: the signals are set up. nohup's ignore of SIGHUP should hold.
	status, err := os.ReadFile("/proc/" + strconv.Itoa(cmd.Process.Pid) + "/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, "SigIgn:"); ok {
			mask, _ := strconv.ParseUint(strings.TrimSpace(v), 16, 64)
			t.Logf("SigIgn %s", strings.TrimSpace(v))
			if mask&1 == 0 {
				t.Errorf("serve started under nohup no longer ignores SIGHUP (SigIgn %s): a closed ssh session stops it", strings.TrimSpace(v))
			}
		}
	}
	// And the consequence: a hangup stops it.
	if err := cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	sim := simulatorFor(t, cfg, base)
	if _, err := sim.Send(context.Background(), wechat.Inbound{From: "o_nohup", MsgType: "text", Content: "枫桥经验", MsgID: 2, CreateTime: time.Now().Unix()}); err != nil {
		t.Errorf("after SIGHUP under nohup: %v", err)
	}
	if strings.Contains(logs.String(), "shutting down") {
		t.Errorf("serve under nohup shut down on SIGHUP:\n%s", logs)
	}
}
