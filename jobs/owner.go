package jobs

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
)

// NewOwner names this process as the holder of a day's push lease:
// place/pid/random (the random part tells apart two pushes in one process).
func NewOwner() string {
	return fmt.Sprintf("%s/%d/%s", place(), os.Getpid(), rand.Text()[:6])
}

// place names where this process's pids mean something: the host name,
// the kernel's boot and the pid namespace. Containers sharing a host name
// (docker --network host, a fixed hostname:) each have their own pids: a
// process of another one, looked up by its pid here, was taken to be gone
// and its live push taken over (a fleet run's find).
var place = sync.OnceValue(func() string {
	host, _ := os.Hostname()
	boot, _ := os.ReadFile("/proc/sys/kernel/random/boot_id")
	ns, _ := os.Readlink("/proc/self/ns/pid") // pid:[4026531836]
	keep := func(r rune) rune {
		if r >= '0' && r <= '9' || r >= 'a' && r <= 'f' {
			return r
		}
		return -1
	}
	return fmt.Sprintf("%s:%.8s:%s", strings.ReplaceAll(host, "/", "_"), strings.Map(keep, string(boot)), strings.Map(keep, ns))
})

// HolderGone reports whether owner (as NewOwner writes it) is a process in
// this place (host, boot and pid namespace) that no longer runs: its lease
// need not run out before another process takes the day. A holder
// elsewhere cannot be checked and is never taken to be gone.
func HolderGone(owner string) bool {
	parts := strings.Split(owner, "/")
	if len(parts) != 3 {
		return false
	}
	host := place()
	pid, err := strconv.Atoi(parts[1])
	if parts[0] != host || strings.Contains(host, "::") || strings.HasSuffix(host, ":") || err != nil || pid <= 0 || pid == os.Getpid() {
		return false // elsewhere; or no /proc to tell this boot and pid namespace from another's
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return true
	}
	// Signal 0 checks that the process exists without touching it.
	err = p.Signal(syscall.Signal(0))
	return errors.Is(err, os.ErrProcessDone) || errors.Is(err, syscall.ESRCH) || zombie(pid)
}

// zombie reports whether pid has exited and waits for its parent to reap
// it: a killed serve in a container without an init stays one for a while,
// and answers signal 0 as if it ran.
func zombie(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	// "pid (command) state …": the command may hold anything, so the
	// state is read after its last parenthesis.
	i := bytes.LastIndexByte(b, ')')
	return i >= 0 && i+2 < len(b) && b[i+2] == 'Z'
}
