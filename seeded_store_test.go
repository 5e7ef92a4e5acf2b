package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"mpbot/content"
	"mpbot/search"
	"mpbot/store"
)

// seeded is an SQLite store holding the demo articles, made once for the
// test binary: migrating a new store and indexing the demo articles was
// a third of each follower test's time under the race detector (the root
// package neared go test's 30-minute timeout in CI), and every replica on
// the shipped config started from the same store.
var seeded struct {
	once sync.Once
	dir  string
	path string
	err  error
}

// shippedLoads are the shipped config's loads by writeConfig's file (its
// store path taken out) and the MPBOT_ environment: compiling the replies
// took a quarter of a follower test's time under the race detector, the
// same file compiled again for each.
var shippedLoads sync.Map

// loadShipped is loadConfig(path) for a file writeConfig wrote into its
// own folder: the load of an earlier test with the same text and
// environment, the store moved to this folder.
func loadShipped(t *testing.T, path string) *Config {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	storePath := filepath.Join(filepath.Dir(path), "mpbot.db")
	key := strings.Replace(string(data), "path: "+storePath, "path: (the test's folder)", 1)
	if key == string(data) {
		key = "" // the store is elsewhere: load the file itself
	}
	env := os.Environ()
	slices.Sort(env)
	for _, kv := range env {
		if strings.HasPrefix(kv, "MPBOT_STORE_") {
			key = "" // the store is the environment's: load the file itself
		}
		if key != "" && strings.HasPrefix(kv, "MPBOT_") {
			key += "\n" + kv
		}
	}
	if key != "" {
		if v, ok := shippedLoads.Load(key); ok {
			c := *v.(*Config)
			c.Store.Path, c.source, c.text = storePath, path, data
			return &c
		}
	}
	cfg, err := loadConfig(path, true)
	if err != nil {
		t.Fatal(err)
	}
	if key != "" {
		shippedLoads.Store(key, cfg)
	}
	return cfg
}

// seedStore puts a copy of the seeded store at cfg's SQLite path, when
// nothing is there yet (a replica restarted in the same folder keeps what
// it wrote). newApp then finds the demo articles in place, as serve does
// at its second start. The commands and serve started by run (mpbot try
// in TestDemoArticlesGoOnRequest, startServe) still seed a new store.
func seedStore(t *testing.T, cfg *Config) {
	t.Helper()
	if cfg.Store.Driver == "postgres" {
		return
	}
	if _, err := os.Stat(cfg.Store.Path); !errors.Is(err, os.ErrNotExist) {
		return
	}
	seeded.once.Do(func() { seeded.dir, seeded.path, seeded.err = seedTemplate() })
	if seeded.err != nil {
		t.Fatalf("seed a store with the demo articles: %v", seeded.err)
	}
	b, err := os.ReadFile(seeded.path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg.Store.Path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// seedTemplate makes a store in a folder of its own and loads the demo
// articles into it, as newApp does on an empty store.
func seedTemplate() (dir, path string, err error) {
	dir, err = os.MkdirTemp("", "mpbot-seeded-")
	if err != nil {
		return "", "", err
	}
	path = filepath.Join(dir, "mpbot.db")
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		return dir, "", err
	}
	lib, err := search.OpenLibrary(ctx, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err == nil {
		_, err = lib.Seed(ctx, content.DemoArticles())
	}
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return dir, "", err
	}
	// Closed, the store is whole in its one file (no write-ahead log left).
	if _, err := os.Stat(path + "-wal"); err == nil {
		return dir, "", errors.New("the seeded store left a write-ahead log beside it")
	}
	return dir, path, nil
}
