package jobs

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// NewOwner names this process as the holder of a day's push lease:
// host/pid/random (the random part tells apart two pushes in one process).
func NewOwner() string {
	host, _ := os.Hostname()
	return fmt.Sprintf("%s/%d/%s", host, os.Getpid(), rand.Text()[:6])
}

// holderGone reports whether owner (as NewOwner writes it) is a process on
// this host that no longer runs: its lease need not run out before another
// process takes the day. A holder on another host cannot be checked and is
// never taken to be gone.
func holderGone(owner string) bool {
	parts := strings.Split(owner, "/")
	if len(parts) != 3 {
		return false
	}
	host, _ := os.Hostname()
	pid, err := strconv.Atoi(parts[1])
	if parts[0] != host || err != nil || pid <= 0 || pid == os.Getpid() {
		return false
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
