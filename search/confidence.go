package search

import (
	"math"
	"slices"
	"strings"
	"unicode"
)

// features describe how an article matches a query, for the confidence
// model: what the follower is shown as a hit's score, and what decides
// whether anything is shown at all.
type features [numFeatures]float64

const (
	fBias          = iota
	fCover         // share of the query's information (idf) the article holds
	fTitle         // ... in its title
	fLead          // ... in its summary (rare words only)
	fPhrase        // share of the query's characters found as typed phrases
	fAdjacent      // share of the query's word boundaries held side by side
	fYearMiss      // the query names a year the article is not of
	fYearMatch     // ... and it is
	fNumberMiss    // a number of the query disagrees with the title's
	fNumberMatch   // ... agrees
	fDigest        // a roundup whose title holds none of the query
	fUnknown       // share of the query's information in words no article has
	fClauses       // log of the query's clause count (its words and synonym sets, the rarest kept)
	fMargin        // log of the ranking score over the best other candidate's
	fHandConf      // the hand-made confidence
	fTitleExplains // share of the title's characters the query has
	fQueryLen      // log of the query's length in characters
	fQueryInTitle  // share of the query's characters the title has
	fBodyPairs     // share of the query's character pairs the article has
	numFeatures
)

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// queryRunes are the distinct Han characters of a query (up to
// maxComparedRunes), with how often each occurs, for comparing titles with it
// character by character.
type queryRunes struct {
	r     [maxComparedRunes]rune
	count [maxComparedRunes]int32
	n     int // distinct characters in r
	total int
	latin bool // the query is Latin words: its letters and digits are compared
	// maybe holds every character in r: most of a title's characters
	// are not the query's, and are passed over without looking through r.
	maybe runeSet
}

const maxComparedRunes = 64

func runesOf(text string, latin bool) (q queryRunes) {
	q.latin = latin
	for _, r := range text {
		if !q.compared(r) {
			continue
		}
		q.total++
		if i := slices.Index(q.r[:q.n], r); i >= 0 {
			q.count[i]++
		} else if q.n < maxComparedRunes {
			q.r[q.n], q.count[q.n] = r, 1
			q.n++
			q.maybe.add(r)
		}
	}
	return q
}

// compared reports whether r is one of the characters titles and queries
// are compared by: Han characters, and for a query of Latin words alone
// (C919, 5G, GDP) letters and digits, so that it is compared with the
// titles holding it (such queries were scored 0.02, found first, as if the
// title held nothing of them).
func (q *queryRunes) compared(r rune) bool {
	return isHan(r) || q.latin && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// titleShares compares a title with the query character by character:
// explained is the share of the title's Han characters the query has (收到
// explains little of 伊朗提出三阶段谈判框架 美媒称美国收到新谈判方案), inTitle the
// share of the query's the title has.
func (q *queryRunes) titleShares(title string) (explained, inTitle float64) {
	var seen [maxComparedRunes]bool
	var n, in int
	for _, r := range title {
		if !q.compared(r) {
			continue
		}
		n++
		if !q.maybe.maybe(r) {
			continue
		}
		if i := slices.Index(q.r[:q.n], r); i >= 0 {
			in++
			seen[i] = true
		}
	}
	if n > 0 {
		explained = float64(in) / float64(n)
	}
	var found int
	for i := range q.n {
		if seen[i] {
			found += int(q.count[i])
		}
	}
	if q.total > 0 {
		inTitle = float64(found) / float64(q.total)
	}
	return explained, inTitle
}

// chunkPlaces are where an article holds each of the query's chunks as
// typed (title, summary, or neither), and how many of each chunk's character
// pairs it holds, for the phrase checks and the confidence.
type chunkPlaces struct {
	where [maxChunks]uint8
	pairs [maxChunks]int
	known [maxChunks]bool // placed already (by formsFor, for the form it chose)
}

const (
	placeNone uint8 = iota
	placeTitle
	placeLead
)

// find fills in the places of chunks in dc and returns the share of all the
// chunks' pairs the article holds, or -1 when they have none. A chunk in the title or summary has all
// its pairs in the article's pair filter, which holds theirs too: only the
// others are probed.
func (p *chunkPlaces) find(chunks []chunk, dc *doc) float64 {
	var n, in float64
	for i := range chunks {
		c := &chunks[i]
		if !p.known[i] {
			p.where[i], p.pairs[i] = placeOf(c, dc)
		}
		// A chunk in another form weighs as the chunk typed: its share
		// of its own pairs, times the typed chunk's count. A form without
		// pairs (gdp for 国内生产总值) counts whole where it is placed, and
		// not at all elsewhere: nothing of it can be probed.
		switch {
		case len(c.pairs) > 0:
			n += float64(c.typedPairs)
			in += float64(p.pairs[i]) * float64(c.typedPairs) / float64(len(c.pairs))
		case p.where[i] != placeNone:
			n += float64(c.typedPairs)
			in += float64(c.typedPairs)
		}
	}
	if n == 0 {
		return -1 // nothing to probe: no chunk has a pair (C919, 5G typed alone)
	}
	return in / n
}

// placeOf is where dc holds chunk c as typed (title, summary, or neither),
// and how many of c's pairs it holds.
func placeOf(c *chunk, dc *doc) (where uint8, pairs int) {
	for _, pair := range c.pairs {
		if dc.pairs.has(pair) {
			pairs++
		}
	}
	// The title's and summary's pairs are in the filter: a chunk lacking
	// any is in neither, and most candidates lack some of most chunks.
	if pairs < len(c.pairs) {
		return placeNone, pairs
	}
	switch {
	case strings.Contains(dc.titleText, c.text):
		return placeTitle, pairs
	case strings.Contains(dc.leadText, c.text):
		return placeLead, pairs
	}
	return placeNone, pairs
}

// confModel is a logistic model of whether an article answers the query.
// Ranking weighs candidates by its probability; the score shown is the
// probability shifted by shift (in log-odds), so that the configured
// min_score (0.4) is the cut the model was chosen with.
type confModel struct {
	w     features
	shift float64
}

// predict returns the model's probability and the score shown.
func (m *confModel) predict(f *features) (p, shown float64) {
	var z float64
	for i, w := range m.w {
		z += w * f[i]
	}
	return sigmoid(z), sigmoid(z + m.shift)
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// shippedModel is a copy of shippedConfModel for an index of its own.
func shippedModel() *confModel {
	m := shippedConfModel
	return &m
}

// shippedConfModel is what MPBOT_FIT=1 go test ./search -run TestFitConfidence
// fits on the tune half of our questions.
var shippedConfModel = confModel{shift: 0.4418, w: features{-5.0588, -3.7369, 0.0917, 2.4051, 0.0873, -1.7225, -3.0496, 2.3201, -1.5134, -1.0357, -1.3726, 3.7431, 1.2980, 1.6453, 5.0361, 2.8158, -0.6503, 2.5404, 4.3190}}
