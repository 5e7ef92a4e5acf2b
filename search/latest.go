package search

import (
	"context"
	"slices"
	"strings"

	"mpbot/content"
)

// Latest returns the n articles published last, newest first, for a
// follower asking what is new (今天有什么新闻): searched, that found the
// articles with 今天 in their titles, from any year (a follower run's
// find). Articles of one day come in the order of their ids, as a
// programme's numbered items are (xwlb-20260822-01 first): not in the
// index's, which an edit or a rebuild reorders (a review's find). Roundups
// whose title many articles share (国内联播快讯) are left out, as are
// articles dated after today in China and articles without a date.
func (ix *Index) Latest(ctx context.Context, n int) ([]content.Hit, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if n <= 0 {
		return nil, nil
	}
	v := ix.reader().v
	today := dayNumber(ix.now().In(chinaTime).Format(content.DateLayout))
	newer := func(a, b uint32) bool {
		return v.days[a] > v.days[b] || v.days[a] == v.days[b] && v.docs[a].card.id < v.docs[b].card.id
	}
	// A roundup whose items the importer could not tell apart (its body
	// without paragraph breaks: 43 of the corpus's) shares its title with
	// roundups it could: it is left out with them. A title every meeting
	// has (国务院常务会议召开) is no roundup's.
	roundupTitle := map[string]bool{}
	roundup := func(d uint32) bool {
		dc := &v.docs[d]
		if v.dfTitle(dc.titleText) < digestTitles {
			return false
		}
		if len(dc.stories) > 0 {
			return true
		}
		r, ok := roundupTitle[dc.titleText]
		if !ok {
			for _, l := range v.lists(titleKey(dc.titleText), nil) {
				l.each(func(o uint32, _ uint8) { r = r || len(v.docs[o].stories) > 0 && !v.isDead(o) })
			}
			roundupTitle[dc.titleText] = r
		}
		return r
	}
	// The newest m articles are found first, then the roundups among them
	// left out (m grows while too few are left): asked of every article,
	// whether it is a roundup's had been most of the time of 最新 (a
	// hostile-input run's find: 4.8 ms of a store imported oldest first,
	// each article newer than those before it).
	var top []uint32
	for m := 4*n + 16; ; m *= 2 {
		newest, all := v.newest(m, today, newer)
		top = slices.DeleteFunc(newest, roundup)
		if len(top) >= n || all {
			break
		}
	}
	top = top[:min(len(top), n)]
	hits := make([]content.Hit, len(top))
	for i, d := range top {
		hits[i] = content.Hit{Article: v.docs[d].card.article(), Score: 1}
	}
	return hits, nil
}

// Day returns the first n articles published on day (YYYY-MM-DD), in the
// order of their ids (a programme's numbered items: xwlb-20260822-01
// first), for a follower asking for a day's news (8月22日新闻联播):
// searched, a date found nothing. Roundups stay: their items are that
// day's news too. A day that is no date has no articles.
func (ix *Index) Day(ctx context.Context, day string, n int) ([]content.Hit, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	want := dayNumber(day)
	if n <= 0 || want == 0 {
		return nil, nil
	}
	v := ix.reader().v
	var on []uint32
	for i, d := range v.days {
		if d == want && !v.isDead(uint32(i)) {
			on = append(on, uint32(i))
		}
	}
	slices.SortFunc(on, func(a, b uint32) int { return strings.Compare(v.docs[a].card.id, v.docs[b].card.id) })
	hits := make([]content.Hit, min(n, len(on)))
	for i := range hits {
		hits[i] = content.Hit{Article: v.docs[on[i]].card.article(), Score: 1}
	}
	return hits, nil
}

// newest returns the m live articles published last by today, newest
// first by newer; all reports that no other article is dated.
func (v *view) newest(m int, today int32, newer func(a, b uint32) bool) (top []uint32, all bool) {
	top = make([]uint32, 0, m+1)
	all = true
	// Last added first: most stores are imported and updated oldest first,
	// so the newest are found early and the rest fail one comparison.
	for i := len(v.docs) - 1; i >= 0; i-- {
		d := uint32(i)
		day := v.days[d]
		if day == 0 || day > today || v.isDead(d) {
			continue
		}
		if len(top) == m {
			all = false
			if !newer(d, top[m-1]) {
				continue
			}
		}
		at, _ := slices.BinarySearchFunc(top, d, func(e, t uint32) int {
			if newer(e, t) {
				return -1
			}
			return 1
		})
		top = slices.Insert(top, at, d)
		if len(top) > m {
			top = top[:m]
		}
	}
	return top, all
}
