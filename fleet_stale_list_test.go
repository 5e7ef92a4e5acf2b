package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"mpbot/bot/wechat"
)

// TestListShownDuringRedisOutageRetiresTheEarlierList (a fleet operator
// run's find): a follower's list is kept in Redis; Redis goes away and the
// follower asks again, getting a new list that "cannot be kept" (it ends
// 点击标题阅读。). Redis comes back with its data (appendonly yes, as README
// advises) and the follower replies "2" to the list on their screen: the
// replica opens item 2 of the earlier list, an article of another question.
// Without an outage a newer answer retires the earlier list ("现在没有待选的
// 文章列表"), so a number never opens an article from a list the follower no
// longer sees.
func TestListShownDuringRedisOutageRetiresTheEarlierList(t *testing.T) {
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("redis-server needed under CI")
		}
		t.Skip("no redis-server to start a private Redis")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := fmt.Sprint(ln.Addr().(*net.TCPAddr).Port)
	ln.Close()
	data := t.TempDir()
	var redis *exec.Cmd
	startRedis := func() {
		// Persistent, so that what it held before the outage is there after.
		redis = exec.Command(bin, "--port", port, "--bind", "127.0.0.1", "--dir", data, "--save", "", "--appendonly", "yes", "--appendfsync", "always")
		if err := redis.Start(); err != nil {
			t.Fatal(err)
		}
		waitFor(t, func() bool { return exec.Command("redis-cli", "-p", port, "ping").Run() == nil }, "private Redis")
	}
	stopRedis := func() { redis.Process.Kill(); redis.Wait() }
	startRedis()
	t.Cleanup(func() { stopRedis() })

	t.Setenv("MPBOT_STATE_DRIVER", "redis")
	t.Setenv("MPBOT_STATE_REDIS_URL", "redis://127.0.0.1:"+port+"/0")
	_, srv, sim := replicaIn(t, t.TempDir())
	ctx := context.Background()
	send := func(text string, id int64) *wechat.Outbound {
		t.Helper()
		r, err := sim.Send(ctx, wechat.Inbound{From: "o_stale", MsgType: "text", Content: text, MsgID: id, CreateTime: time.Now().Unix()})
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		return r
	}

	first := send("基层治理", 1)
	m := regexp.MustCompile(`(?m)^2\. <a href="([^"]+)"`).FindStringSubmatch(first.Content)
	if m == nil {
		t.Fatalf("no list for 基层治理: %q", first.Content)
	}
	earlierSecond := m[1]
	waitForRedisKey(t, port, "mpbot:followup:o_stale")

	stopRedis()
	second := send("遴选", 2)
	if !strings.Contains(second.Content, "2. ") || !strings.Contains(second.Content, "点击标题阅读") {
		t.Fatalf("a list with Redis down: %q", second.Content)
	}
	startRedis()
	waitFor(t, func() bool { return !strings.Contains(httpGet(t, srv.URL+"/readyz"), "degraded") }, "readyz not degraded after Redis came back")

	two := send("2", 3)
	if len(two.Articles) > 0 && two.Articles[0].URL == earlierSecond {
		t.Fatalf("\"2\" after the list shown while Redis was down opened item 2 of the earlier list (基层治理), %q: %s", earlierSecond, two.Articles[0].Title)
	}
}
