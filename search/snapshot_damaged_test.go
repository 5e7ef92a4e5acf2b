package search

import (
	"context"
	"fmt"
	"mpbot/content"
	"testing"
)

// A snapshot damaged in the store (one byte changed) must be refused by
// loadSnapshot, so that the library rebuilds, or else answer searches: never
// load and then panic on the followers' searches.
func TestDamagedSnapshotIsRefused(t *testing.T) {
	arts := append(content.DemoArticles(), roundups()...)
	ix, err := BuildIndex(arts)
	if err != nil {
		t.Fatal(err)
	}
	good := ix.encodeSnapshot(7)
	seg, _ := DefaultSegmenter()
	queries := []string{}
	for _, a := range arts {
		queries = append(queries, a.Title)
	}
	queries = append(queries, "枫桥经验", "国常会", "习近平", "遴选", "新质生产力")
	accepted, panicked := 0, 0
	var first string
	for off := len(good) - 1; off >= len(good)*3/4; off-- {
		for _, val := range []byte{0x7f, 0xff} {
			if good[off] == val {
				continue
			}
			blob := append([]byte(nil), good...)
			blob[off] = val
			fresh := NewIndex(seg)
			if _, err := fresh.loadSnapshot(blob); err != nil {
				continue
			}
			accepted++
			func() {
				defer func() {
					if p := recover(); p != nil {
						panicked++
						if first == "" {
							first = fmt.Sprintf("byte %d of %d set to %#x: %v", off, len(good), val, p)
						}
					}
				}()
				for _, q := range queries {
					fresh.Search(context.Background(), q, 5)
				}
			}()
		}
	}
	t.Logf("%d damaged snapshots accepted, %d of them panicked a search", accepted, panicked)
	if panicked > 0 {
		t.Errorf("a damaged snapshot was loaded and a search then panicked (%d cases); first: %s", panicked, first)
	}
}
