package bot

import (
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
)

// routes keeps, for a text asked again, the question it was found to
// search for. The checks a text goes through before it is searched (the
// rules, the choice and paging words, days, periods, readings, recency)
// read only the text, the settings and the day, and cost a cached answer
// about as much as the rest of it; followers ask the same few things.
// A text whose way read a follower's list or the store (二 with no list
// open, 最新的枫桥经验, 8月22日阅兵, 2025年的呢) is not kept: asked again its
// way may differ.
type routes struct {
	settings *Settings // the settings the ways were found with
	cache    *lru.Cache[string, route]
}

// dayPair is the day a way was found on: China's (the news's days, 昨天)
// and the daily reading's (push.timezone's).
type dayPair struct{ china, reading time.Time }

// route is a text's way to its search.
type route struct {
	day      dayPair // the day it was found on: 昨天 moves with it
	bare     string  // the text as the query log shows it
	question string  // what is searched
}

// routeTextBytes bounds the texts kept: a follower's long message is
// unlikely to come again, and a key holds all of it.
const routeTextBytes = 200

// routesFor returns the bot's routes for s, new when s is: a reload's
// settings find every way again. nil keeps none (search.cache_size 0).
func (b *Bot) routesFor(s *Settings) *routes {
	r := b.routes.Load()
	if r != nil && r.settings == s {
		return r
	}
	if s.search.CacheSize <= 0 {
		return nil
	}
	cache, err := lru.New[string, route](s.search.CacheSize)
	if err != nil {
		return nil // a size lru refuses: keep none
	}
	fresh := &routes{settings: s, cache: cache}
	if !b.routes.CompareAndSwap(r, fresh) {
		if now := b.routes.Load(); now != nil && now.settings == s {
			return now // another message made them first
		}
	}
	return fresh
}

// lookup returns the way text was found on day, if kept.
func (r *routes) lookup(text string, day dayPair) (route, bool) {
	if r == nil || len(text) > routeTextBytes {
		return route{}, false
	}
	w, ok := r.cache.Get(text)
	if !ok || !w.day.china.Equal(day.china) || !w.day.reading.Equal(day.reading) {
		return route{}, false
	}
	return w, true
}

// keep records text's way, found on day.
func (r *routes) keep(text string, w route) {
	if r == nil || len(text) > routeTextBytes {
		return
	}
	r.cache.Add(text, w)
}
