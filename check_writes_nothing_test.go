package main

import (
	"context"
	"path/filepath"
	"testing"

	"mpbot/store"
	"mpbot/store/storetest"
)

// TestCheckWritesNothingToAnEmptyStore: mpbot check on a store with no
// articles leaves it so, on PostgreSQL as on SQLite: it had seeded the demo
// articles into an empty PostgreSQL database (an operator run's find), and
// into an empty SQLite file, as serve does when it starts.
func TestCheckWritesNothingToAnEmptyStore(t *testing.T) {
	ctx := context.Background()
	for _, driver := range []string{"sqlite", "postgres"} {
		t.Run(driver, func(t *testing.T) {
			dir := t.TempDir()
			cfg := writeConfig(t, dir, "")
			var st *store.Store
			var err error
			if driver == "postgres" {
				dsn := storetest.PostgresDSN(t)
				t.Setenv("MPBOT_STORE_DRIVER", "postgres")
				t.Setenv("MPBOT_STORE_DSN", dsn)
				st, err = store.OpenPostgres(ctx, dsn)
			} else {
				path := filepath.Join(dir, "empty.db")
				t.Setenv("MPBOT_STORE_PATH", path)
				st, err = store.Open(ctx, path)
			}
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if code, _, errOut := runCmd(t, "check", "--config", cfg); code != 0 {
				t.Fatalf("check: exit %d: %s", code, errOut)
			}
			n, err := st.Count(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if n != 0 {
				t.Errorf("check stored %d articles in an empty store (the demo's)", n)
			}
		})
	}
}
