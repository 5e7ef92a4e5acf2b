// Package storetest runs the store's contract tests on every engine the
// store supports: a fresh SQLite file in the test's temp dir, and a
// PostgreSQL database of the test's own on the server the development and
// CI machines run (127.0.0.1:5432, trust auth).
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"mpbot/store"
)

// Engine is one database the store runs on.
type Engine struct {
	Name string
	// Fresh returns the location of an empty store: a file path or a DSN.
	Fresh func(t testing.TB) string
	open  func(ctx context.Context, where string) (*store.Store, error)
}

// Engines lists every engine, SQLite first.
func Engines() []Engine {
	return []Engine{
		{Name: "sqlite", Fresh: func(t testing.TB) string { return filepath.Join(t.TempDir(), "sub", "mpbot.db") }, open: store.Open},
		{Name: "postgres", Fresh: PostgresDSN, open: store.OpenPostgres},
	}
}

// Each runs test once per engine, as a subtest named after it.
func Each(t *testing.T, test func(t *testing.T, e Engine)) {
	for _, e := range Engines() {
		t.Run(e.Name, func(t *testing.T) { test(t, e) })
	}
}

// OpenAt opens a connection to the store at where, as another process (or
// replica) would; it is closed when the test ends.
func (e Engine) OpenAt(t testing.TB, where string) *store.Store {
	t.Helper()
	s, err := e.open(context.Background(), where)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// Store opens an empty store.
func (e Engine) Store(t testing.TB) *store.Store { return e.OpenAt(t, e.Fresh(t)) }

// SQLite opens an empty SQLite store, for tests that need one store of any kind.
func SQLite(t testing.TB) *store.Store { return Engines()[0].Store(t) }

// ServerURL is the PostgreSQL server tests use; MPBOT_TEST_POSTGRES overrides it.
func ServerURL() string {
	if u := os.Getenv("MPBOT_TEST_POSTGRES"); u != "" {
		return u
	}
	return "postgres://127.0.0.1:5432/postgres?sslmode=disable"
}

// PostgresDSN creates an empty database for the test and drops it when the
// test ends. Without a server the test is skipped, or fails when CI=true.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	return postgresDSN(t, "")
}

// PostgresLinguisticDSN is PostgresDSN with a database that sorts text as
// most installs and managed services do (ICU's en-US, as en_US.UTF-8
// does), not by bytes as the test server's C.UTF-8 does.
func PostgresLinguisticDSN(t testing.TB) string {
	t.Helper()
	return postgresDSN(t, " TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'")
}

func postgresDSN(t testing.TB, options string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	admin, err := pgx.Connect(ctx, ServerURL())
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("PostgreSQL at %s: %v", ServerURL(), err)
		}
		t.Skipf("no PostgreSQL at %s (%v): start it, or set MPBOT_TEST_POSTGRES", ServerURL(), err)
	}
	defer admin.Close(ctx)
	var b [6]byte
	rand.Read(b[:])
	name := "mpbot_test_" + hex.EncodeToString(b[:])
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name+options); err != nil {
		t.Fatalf("create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		admin, err := pgx.Connect(ctx, ServerURL())
		if err != nil {
			t.Errorf("drop database %s: %v", name, err)
			return
		}
		defer admin.Close(ctx)
		if _, err := admin.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	})
	u, err := url.Parse(ServerURL())
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}
