package search

import (
	"mpbot/content"
	"slices"

	lru "github.com/hashicorp/golang-lru/v2"
)

// Followers ask the same few things (the topic of the day, the article just
// promoted), so answers are kept by query text. Every change to the index
// (an import, a removal, new synonyms) starts a new generation, and answers
// of an older one are never served, nor those of another year (去年 names
// another one on New Year's Day): a cached answer is exactly what a fresh
// search would return.
type resultCache struct {
	lru *lru.Cache[cacheKey, cachedResult]
}

type cacheKey struct {
	query    string
	prepared bool // query is prepareQuery's, not as asked
	n        int
	snippets bool
	month    int // China's, which 今年, 去年, 上个月 and 本月 name (absoluteYears)
}

type cachedResult struct {
	gen uint64
	res Result
}

// SetCacheSize keeps up to n answers (0: none). It drops what is cached.
func (ix *Index) SetCacheSize(n int) {
	var c *resultCache
	if n > 0 {
		l, _ := lru.New[cacheKey, cachedResult](n)
		c = &resultCache{lru: l}
	}
	ix.cache.Store(c)
}

func (c *resultCache) get(k cacheKey, gen uint64) (Result, bool) {
	if c == nil {
		return Result{}, false
	}
	v, ok := c.lru.Get(k)
	if !ok || v.gen != gen {
		return Result{}, false
	}
	// The hits are the cache's own, shared with every caller asking the
	// same (copying them was most of a cached answer's cost): callers read
	// them and build what they change anew. Their capacity ends with them,
	// so that an append copies.
	return v.res, true
}

func (c *resultCache) put(k cacheKey, gen uint64, r Result) {
	if c == nil {
		return
	}
	// The caller that searched keeps its hits to change as it likes.
	r.Hits = slices.Clip(append([]content.Hit(nil), r.Hits...))
	c.lru.Add(k, cachedResult{gen: gen, res: r})
}
