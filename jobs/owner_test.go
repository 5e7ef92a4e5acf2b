package jobs

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestHolderGone: a holder on this host is gone once its process has
// exited, also while it is a zombie its parent has not reaped (a killed
// serve in a container without an init); a running one, this process,
// and one on another host are not.
func TestHolderGone(t *testing.T) {
	owner := func(pid int) string { return fmt.Sprintf("%s/%d/abcdef", place(), pid) }
	cmd := exec.Command("sleep", "60")
	if err := cmd.Start(); err != nil {
		t.Skipf("no sleep to run: %v", err)
	}
	pid := cmd.Process.Pid
	if HolderGone(owner(pid)) {
		t.Fatal("a running process taken to be gone")
	}
	cmd.Process.Kill() // not reaped yet: a zombie
	deadline := time.Now().Add(10 * time.Second)
	for !zombie(pid) {
		if time.Now().After(deadline) {
			t.Fatal("the killed child never showed as a zombie")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if !HolderGone(owner(pid)) {
		t.Fatal("a zombie taken to be running")
	}
	cmd.Wait()
	if !HolderGone(owner(pid)) {
		t.Fatal("a reaped process taken to be running")
	}
	if HolderGone(owner(os.Getpid())) || HolderGone("elsewhere/1/abcdef") || HolderGone("the-test") {
		t.Fatal("this process, another host's or a name taken to be gone")
	}
	// A process of this host name in another pid namespace (a container
	// sharing the host name), or of an earlier release's owner name
	// without one, is not looked up here: its pid is another's (a fleet
	// run's find: a live push taken over).
	host, _ := os.Hostname()
	parts := strings.Split(place(), ":")
	if len(parts) != 3 || parts[0] != host || parts[1] == "" || parts[2] == "" {
		t.Fatalf("place %q: want host:boot:namespace", place())
	}
	other := fmt.Sprintf("%s:%s:1/%d/abcdef", host, parts[1], pid)
	if HolderGone(other) || HolderGone(fmt.Sprintf("%s/%d/abcdef", host, pid)) {
		t.Fatal("a process of another pid namespace taken to be gone")
	}
}
