package store_test

import (
	"context"
	"testing"
	"time"

	"mpbot/store/storetest"
)

// TestAccessTokenKept: a token kept is read by another connection (another
// process) until it expires; a refused one is dropped only while it is
// still the one kept, so a fresh token another process kept meanwhile
// stays.
func TestAccessTokenKept(t *testing.T) { storetest.Each(t, testAccessTokenKept) }

func testAccessTokenKept(t *testing.T, e storetest.Engine) {
	ctx := context.Background()
	s := e.Store(t)
	clock := time.Date(2026, 12, 6, 8, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return clock }
	if tok, err := s.Token(ctx, "access_token:wx1"); err != nil || tok != "" {
		t.Fatalf("no token yet: %q %v", tok, err)
	}
	if err := s.SetToken(ctx, "access_token:wx1", "t1", time.Hour); err != nil {
		t.Fatal(err)
	}
	if err := s.SetToken(ctx, "access_token:wx1", "t2", time.Hour); err != nil {
		t.Fatal(err)
	}
	if tok, err := s.Token(ctx, "access_token:wx2"); err != nil || tok != "" {
		t.Fatalf("another account's token: %q %v", tok, err)
	}
	if err := s.DropToken(ctx, "access_token:wx1", "t1"); err != nil {
		t.Fatal(err)
	}
	if tok, err := s.Token(ctx, "access_token:wx1"); err != nil || tok != "t2" {
		t.Fatalf("after dropping the older token: %q %v", tok, err)
	}
	clock = clock.Add(time.Hour)
	if tok, err := s.Token(ctx, "access_token:wx1"); err != nil || tok != "" {
		t.Fatalf("an expired token read: %q %v", tok, err)
	}
	clock = clock.Add(-time.Minute)
	if err := s.DropToken(ctx, "access_token:wx1", "t2"); err != nil {
		t.Fatal(err)
	}
	if tok, err := s.Token(ctx, "access_token:wx1"); err != nil || tok != "" {
		t.Fatalf("a dropped token read: %q %v", tok, err)
	}
}
