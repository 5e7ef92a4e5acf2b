package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mpbot/bot/wechat"
	"mpbot/content"
	"mpbot/search"
	"mpbot/store"
	"mpbot/store/storetest"
)

// corpusStoreFile is an SQLite store holding the shared corpus with its
// index snapshot, built once per analysis version in the temp directory
// (building it takes most of a minute). Benchmarks copy it.
func corpusStoreFile(b *testing.B) string {
	dir := sharedCorpus(b)
	path := filepath.Join(os.TempDir(), fmt.Sprintf("mpbot-bench-corpus-v%d.db", search.AnalysisVersion()))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	articles, problems := content.ReadPaths([]string{filepath.Join(dir, "articles.jsonl")}, content.ReadOptions{})
	if len(problems) > 0 {
		b.Fatal(problems[0])
	}
	ctx := context.Background()
	tmp := path + ".building"
	os.Remove(tmp)
	st, err := store.Open(ctx, tmp)
	if err != nil {
		b.Fatal(err)
	}
	lib, err := search.OpenLibrary(ctx, st, slog.New(slog.DiscardHandler))
	if err == nil {
		_, err = lib.Import(ctx, articles, nil)
	}
	if err == nil {
		err = lib.SaveSnapshot(ctx)
	}
	st.Close()
	if err != nil {
		b.Fatal(err)
	}
	os.Remove(tmp + "-wal")
	os.Remove(tmp + "-shm")
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

// benchQuestions is ~250 follower questions: the dev set's, then ours.
func benchQuestions(b *testing.B) []string {
	dir := sharedCorpus(b)
	var qs []string
	seen := map[string]bool{}
	for _, path := range []string{filepath.Join(dir, "queries-dev.tsv"), filepath.Join("search", "testdata", "questions.tsv")} {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() && len(qs) < 250 {
			q, _, _ := strings.Cut(sc.Text(), "\t")
			if q != "" && !strings.HasPrefix(q, "#") && !seen[q] {
				seen[q] = true
				qs = append(qs, q)
			}
		}
		f.Close()
	}
	return qs
}

// discardWriter is a ResponseWriter that keeps only the status.
type discardWriter struct {
	header http.Header
	status int
	n      int
}

func (w *discardWriter) Header() http.Header { return w.header }
func (w *discardWriter) WriteHeader(s int)   { w.status = s }
func (w *discardWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	w.n += len(p)
	return len(p), nil
}

// BenchmarkWebhook serves follower questions through the whole handler
// serve runs (its routes: request id, the webhook, dedupe, the bot, search
// on the shared corpus, follower bookkeeping and the query log), in
// process, without the network, in safe mode: the time, bytes and
// allocations of one message. Each message is new (its own MsgId and
// follower); the questions rotate through ~250.
//
//	go test -run '^$' -bench BenchmarkWebhook -benchmem
func BenchmarkWebhook(b *testing.B) {
	src := corpusStoreFile(b)
	questions := benchQuestions(b)
	for _, c := range []struct {
		name  string
		env   []string
		texts []string
	}{
		{"keyword", nil, []string{"你好"}},
		{"cached", nil, questions},
		{"uncached", []string{"MPBOT_SEARCH_CACHE_SIZE=0"}, questions},
	} {
		b.Run(c.name, func(b *testing.B) {
			for _, kv := range c.env {
				k, v, _ := strings.Cut(kv, "=")
				b.Setenv(k, v)
			}
			serveMessages(b, src, c.texts)
		})
	}
}

// BenchmarkWebhookFleet is BenchmarkWebhook's cached case on a replica of
// a fleet: the store in PostgreSQL (the corpus copied in once), the state
// in Redis (under a key prefix of its own each run).
//
//	go test -run '^$' -bench BenchmarkWebhookFleet -benchmem
func BenchmarkWebhookFleet(b *testing.B) {
	requireRedis(b)
	src := corpusStoreFile(b)
	questions := benchQuestions(b)
	dsn := postgresCorpus(b, src)
	b.Run("cached", func(b *testing.B) {
		b.Setenv("MPBOT_STORE_DRIVER", "postgres")
		b.Setenv("MPBOT_STORE_DSN", dsn)
		b.Setenv("MPBOT_STATE_DRIVER", "redis")
		b.Setenv("MPBOT_STATE_KEY_PREFIX", redisPrefix(b, "mpbot-bench-webhook"))
		serveMessages(b, "", questions)
	})
}

// serveMessages builds serve's app from the shipped config (and the
// environment), on a copy of the SQLite store at src unless src is "",
// and times b.N messages through its routes, texts in rotation.
func serveMessages(b *testing.B, src string, texts []string) {
	dir := b.TempDir()
	if src != "" {
		data, err := os.ReadFile(src)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "mpbot.db"), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.Setenv("MPBOT_INSIGHTS_KEY", "bench-key-bench-key")
	cfg, err := loadConfig(writeBenchConfig(b, dir), true)
	if err != nil {
		b.Fatal(err)
	}
	a, err := newApp(context.Background(), cfg, newLogger(cfg.Log, io.Discard), withWebhook)
	if err != nil {
		b.Fatal(err)
	}
	defer a.close()
	h := a.routes()
	sim := &wechat.Simulator{URL: "http://mpbot" + cfg.Server.Path, Token: string(cfg.WeChat.Token), AppID: cfg.WeChat.AppID,
		AESKey: string(cfg.WeChat.EncodingAESKey), Account: "gh_bench"}
	type request struct {
		url  string
		body []byte
	}
	reqs := make([]request, b.N)
	for i := range reqs {
		in := wechat.Inbound{From: fmt.Sprintf("o_bench_%d", i%5000), MsgType: "text", Content: texts[i%len(texts)],
			MsgID: int64(i + 1), CreateTime: time.Now().Unix()}
		r, err := sim.Request(context.Background(), in.XML(sim.Account))
		if err != nil {
			b.Fatal(err)
		}
		body, _ := io.ReadAll(r.Body)
		reqs[i] = request{r.URL.String(), body}
	}
	w := &discardWriter{header: http.Header{}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		r, _ := http.NewRequest(http.MethodPost, reqs[i].url, bytes.NewReader(reqs[i].body))
		clear(w.header)
		w.status, w.n = 0, 0
		h.ServeHTTP(w, r)
		if w.status != http.StatusOK || w.n < 100 {
			b.Fatalf("message %d: status %d, %d bytes", i, w.status, w.n)
		}
	}
}

// postgresCorpus copies the SQLite store at src, index snapshot included,
// into a PostgreSQL database of the benchmark's own, as `mpbot store copy`
// does.
func postgresCorpus(b *testing.B, src string) string {
	dsn := storetest.PostgresDSN(b)
	ctx := context.Background()
	from, err := store.Open(ctx, src)
	if err != nil {
		b.Fatal(err)
	}
	defer from.Close()
	to, err := store.OpenPostgres(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer to.Close()
	if _, err := to.CopyFrom(ctx, from, nil); err != nil {
		b.Fatal(err)
	}
	lib, err := search.OpenLibrary(ctx, to, slog.New(slog.DiscardHandler))
	if err == nil {
		err = lib.SaveSnapshot(ctx)
	}
	if err != nil {
		b.Fatal(err)
	}
	return dsn
}

// writeBenchConfig is the shipped config with the store in dir, logging at
// info.
func writeBenchConfig(b *testing.B, dir string) string {
	shipped, err := os.ReadFile("config.yaml")
	if err != nil {
		b.Fatal(err)
	}
	cfg := strings.Replace(string(shipped), "path: data/mpbot.db", "path: "+filepath.Join(dir, "mpbot.db"), 1)
	path := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(path, []byte(cfg), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}
