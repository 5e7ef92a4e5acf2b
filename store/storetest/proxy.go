package storetest

import (
	"net"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
)

// Proxy passes TCP connections to a server until Hang, after which it
// keeps them open and passes nothing: a database that hangs rather than
// refuses, which only timeouts end.
type Proxy struct {
	ln    net.Listener
	gate  sync.RWMutex // held by Hang: every copy waits for it
	hung  atomic.Bool
	mu    sync.Mutex
	conns []net.Conn
}

// HangingProxy listens on a loopback port of its own and passes what comes
// to target (host:port); it is closed when the test ends.
func HangingProxy(t testing.TB, target string) *Proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &Proxy{ln: ln}
	go func() {
		for {
			client, err := ln.Accept()
			if err != nil {
				return
			}
			server, err := net.Dial("tcp", target)
			if err != nil {
				client.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, client, server)
			p.mu.Unlock()
			go p.copy(server, client)
			go p.copy(client, server)
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		p.Resume()
		p.mu.Lock()
		defer p.mu.Unlock()
		for _, c := range p.conns {
			c.Close()
		}
	})
	return p
}

// PostgresThrough is a database of the test's own (PostgresDSN) reached
// through a Proxy.
func PostgresThrough(t testing.TB) (dsn string, p *Proxy) {
	t.Helper()
	u, err := url.Parse(PostgresDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	p = HangingProxy(t, u.Host)
	u.Host = p.Addr()
	return u.String(), p
}

// Addr is where the proxy listens.
func (p *Proxy) Addr() string { return p.ln.Addr().String() }

// Hang stops passing anything, the connections left open.
func (p *Proxy) Hang() {
	p.gate.Lock()
	p.hung.Store(true)
}

// Resume passes what comes again, after Hang.
func (p *Proxy) Resume() {
	if p.hung.CompareAndSwap(true, false) {
		p.gate.Unlock()
	}
}

func (p *Proxy) copy(to, from net.Conn) {
	buf := make([]byte, 32<<10)
	for {
		n, err := from.Read(buf)
		if n > 0 {
			p.gate.RLock()
			_, werr := to.Write(buf[:n])
			p.gate.RUnlock()
			if werr != nil {
				return
			}
		}
		if err != nil {
			to.Close()
			return
		}
	}
}
