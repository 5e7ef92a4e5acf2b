package fleet

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// proxy stands between clients and the test Redis, forwarding both ways
// until a test makes a round trip fail as a network or a server does.
type proxy struct {
	ln     net.Listener
	mu     sync.Mutex
	mode   proxyMode
	conns  []net.Conn
	held   []byte // what clients sent while requests were held
	isDown bool
}

type proxyMode int

const (
	forward      proxyMode = iota
	holdRequests           // what clients send is kept here, not forwarded
	dropAnswers            // what Redis answers never reaches the client
	answerOOM              // each command is answered as a full Redis does
)

// oomReply is Redis's answer to a write over maxmemory.
const oomReply = "-OOM command not allowed when used memory > 'maxmemory'.\r\n"

// startProxy listens on a loopback port of its own; it is cut when the
// test ends.
func startProxy(t *testing.T) *proxy {
	t.Helper()
	opts, err := redis.ParseURL(testRedisURL())
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{ln: ln}
	go p.accept(opts.Addr)
	t.Cleanup(p.cut)
	return p
}

// dialThrough is testRedis, connected through p.
func dialThrough(t *testing.T, p *proxy) *Redis {
	t.Helper()
	return dialThroughLogging(t, p, slog.New(slog.DiscardHandler))
}

// dialThroughLogging is dialThrough, logging to log.
func dialThroughLogging(t *testing.T, p *proxy, log *slog.Logger) *Redis {
	t.Helper()
	u, err := url.Parse(testRedisURL())
	if err != nil {
		t.Fatal(err)
	}
	u.Host = p.ln.Addr().String()
	return dialTestLogging(t, u.String(), testPrefix(t), log)
}

func (p *proxy) accept(target string) {
	for {
		client, err := p.ln.Accept()
		if err != nil {
			return
		}
		server, err := net.Dial("tcp", target)
		if err != nil {
			client.Close()
			continue
		}
		p.mu.Lock()
		if p.isDown {
			client.Close()
			server.Close()
		} else {
			p.conns = append(p.conns, client, server)
			go p.requests(client, server)
			go p.answers(server, client)
		}
		p.mu.Unlock()
	}
}

func (p *proxy) setMode(m proxyMode) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.mode = m
}

func (p *proxy) modeNow() proxyMode {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.mode
}

// requests passes on what client sends, as the mode says. Modes change
// while the client waits for nothing, so what comes next starts a command.
func (p *proxy) requests(client, server net.Conn) {
	rd := bufio.NewReader(client)
	buf := make([]byte, 32<<10)
	for {
		if _, err := rd.Peek(1); err != nil {
			return
		}
		if p.modeNow() == answerOOM {
			if err := skipCommand(rd); err != nil {
				return
			}
			if _, err := client.Write([]byte(oomReply)); err != nil {
				return
			}
			continue
		}
		n, _ := rd.Read(buf)
		p.mu.Lock()
		held := p.mode == holdRequests
		if held {
			p.held = append(p.held, buf[:n]...)
		}
		p.mu.Unlock()
		if !held {
			if _, err := server.Write(buf[:n]); err != nil {
				return
			}
		}
	}
}

// answers passes on what Redis answers, unless the mode drops it.
func (p *proxy) answers(server, client net.Conn) {
	buf := make([]byte, 32<<10)
	for {
		n, err := server.Read(buf)
		if err != nil {
			return
		}
		if p.modeNow() == dropAnswers {
			continue
		}
		if _, err := client.Write(buf[:n]); err != nil {
			return
		}
	}
}

// skipCommand reads one command as clients send them: an array of bulk
// strings.
func skipCommand(rd *bufio.Reader) error {
	line, err := rd.ReadString('\n')
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "*")))
	if err != nil {
		return fmt.Errorf("not a command: %q", line)
	}
	for range n {
		if line, err = rd.ReadString('\n'); err != nil {
			return err
		}
		size, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "$")))
		if err != nil {
			return fmt.Errorf("not a bulk string: %q", line)
		}
		if _, err := rd.Discard(size + 2); err != nil {
			return err
		}
	}
	return nil
}

// holds reports whether what the proxy held back has every one of keys.
func (p *proxy) holds(keys []string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, k := range keys {
		if !bytes.Contains(p.held, []byte(k)) {
			return false
		}
	}
	return true
}

// drop closes every connection made so far; new ones are taken.
func (p *proxy) drop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// cut closes every connection and stops listening, so a client's next
// dial is refused, as when Redis's machine has gone.
func (p *proxy) cut() {
	p.drop()
	p.mu.Lock()
	defer p.mu.Unlock()
	p.isDown = true
	p.ln.Close()
}

// tripThrough sends twenty claims in one pipeline through a fresh proxy
// set to mode after the round trip before theirs went through: it holds
// that trip while they queue behind it, then theirs while it sets the
// mode. keys are the claims' keys in Redis; claimWait is a minute, so a
// claim that returns did not give up waiting.
func tripThrough(t *testing.T, mode proxyMode) (p *proxy, r *Redis, keys []string, results <-chan claimResult) {
	t.Helper()
	const n = 20
	ctx := context.Background()
	p = startProxy(t)
	r = dialThrough(t, p)
	r.SetFlushAfter(time.Hour)
	r.claimWait = time.Minute
	messages := messageKeys(n)
	keys = make([]string, n)
	for i, m := range messages {
		keys[i] = r.key("claim", m)
	}
	before, releaseBefore := holdOn(t, r, r.key("claim", "o_first|1"))
	trip, releaseTrip := holdOn(t, r, keys[0])
	first := claimEach(ctx, Replies{R: r}, []string{"o_first|1"})
	before.await(t)
	results = claimEach(ctx, Replies{R: r}, messages)
	waitFor(t, "the claims queued behind the first", func() bool { return queuedClaims(r) == n })
	releaseBefore()
	trip.await(t)
	if c := awaitClaims(t, first, 1)[0]; !c.won || c.err != nil {
		t.Fatalf("the claim of the trip before: won %v, %v", c.won, c.err)
	}
	p.setMode(mode)
	releaseTrip()
	return p, r, keys, results
}
