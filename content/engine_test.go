package content

import (
	"context"
	"log/slog"
	"path/filepath"
	"testing"

	"mpbot/content/contenttest"
)

// engineUnderTest is one database the store runs on. The store's contract
// tests run once per engine, so SQLite and PostgreSQL keep the same
// behaviour.
type engineUnderTest struct {
	name  string
	fresh func(t *testing.T) string // an empty store's location
	open  func(ctx context.Context, where string) (*Store, error)
}

var engines = []engineUnderTest{
	{
		name:  "sqlite",
		fresh: func(t *testing.T) string { return filepath.Join(t.TempDir(), "sub", "mpbot.db") },
		open:  Open,
	},
	{
		name:  "postgres",
		fresh: func(t *testing.T) string { return contenttest.PostgresDSN(t) },
		open:  OpenPostgres,
	},
}

func eachEngine(t *testing.T, test func(t *testing.T, e engineUnderTest)) {
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) { test(t, e) })
	}
}

// openAt opens another connection to the store at where, as a second
// process (or replica) would.
func (e engineUnderTest) openAt(t *testing.T, where string) *Store {
	t.Helper()
	s, err := e.open(context.Background(), where)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func (e engineUnderTest) store(t *testing.T) *Store { return e.openAt(t, e.fresh(t)) }

func (e engineUnderTest) library(t *testing.T, where string) *Library {
	t.Helper()
	l, err := OpenLibrary(context.Background(), e.openAt(t, where), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func openTestStore(t *testing.T) *Store { return engines[0].store(t) }

func openTestLibrary(t *testing.T, path string) *Library { return engines[0].library(t, path) }
