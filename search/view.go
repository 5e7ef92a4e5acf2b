package search

import (
	"encoding/binary"
	"slices"
	"strings"
)

// A view is one generation of the index, immutable once published:
// searches load the current view with one atomic read and work on it to the
// end, however long they take, while an update builds the next view beside
// it and swaps it in. No search waits for an update, and no update for a
// search.
//
// An update does not copy the index. The article table is append-only and
// shared by every view (each sees the prefix that existed when it was
// published); the postings live in segments, and an update adds one small
// segment holding only the articles it added; only the bitmap of removed
// articles (a bit an article) is copied. Segments are merged like a binary
// counter (two neighbours merge when the older holds no more articles than
// the newer), so each posting is rewritten about log₂(articles) times over
// its life and a view holds at most about that many segments.
type view struct {
	gen      uint64  // views published so far; cached answers carry the one they were computed on
	docs     []doc   // by doc number; this view's prefix of the shared append-only table
	days     []int32 // each doc's day, shared like docs: the ranking's tie-break reads it for many articles, and a doc is far larger
	dead     []uint64
	segs     []*segment // oldest first; their doc ranges ascend
	live     int
	killed   int                // articles removed or replaced since every segment was last merged into one
	fieldLen [numFields]float64 // total tokens per field over live docs, for BM25 length normalisation
	synonyms *synonymSet        // query-time alternatives, swapped on config reload
}

// segment is the postings of the articles one update added, or of several
// merged segments: a contiguous, ascending range of doc numbers.
type segment struct {
	terms    map[string]uint32 // term → its posting list
	postings []postingList
	byID     map[string]uint32   // article id → the doc it was added as here
	sounds   map[string][]string // toneless pinyin → words first indexed in this segment
	maxSound int                 // longest key of sounds, in bytes: bounds the typo search
	docs     int                 // articles added here and still live, for the merge rule
	lo, hi   uint32              // the doc numbers it covers: [lo, hi)
}

func emptyView() *view { return &view{synonyms: &synonymSet{}} }

func (v *view) isDead(d uint32) bool { return v.dead[d>>6]&(1<<(d&63)) != 0 }

// lookup finds an article's live doc number.
func (v *view) lookup(id string) (uint32, bool) {
	for i := len(v.segs) - 1; i >= 0; i-- {
		if d, ok := v.segs[i].byID[id]; ok {
			// Adding an article again kills its older doc, so the newest
			// entry decides.
			return d, !v.isDead(d)
		}
	}
	return 0, false
}

// lists appends the term's posting list in each segment that has one, in
// doc order.
func (v *view) lists(term string, out []*postingList) []*postingList {
	for _, s := range v.segs {
		if id, ok := s.terms[term]; ok {
			out = append(out, &s.postings[id])
		}
	}
	return out
}

// has reports whether any article holds term.
func (v *view) has(term string) bool {
	for _, s := range v.segs {
		if _, ok := s.terms[term]; ok {
			return true
		}
	}
	return false
}

// df is the number of postings the term has (removed articles' postings
// count until their segment is next merged).
func (v *view) df(term string) int {
	n := 0
	for _, s := range v.segs {
		if id, ok := s.terms[term]; ok {
			n += int(s.postings[id].n)
		}
	}
	return n
}

// dfTitle is df(titleKey(title)), the key built on the stack: it is asked
// for several candidates of every query.
func (v *view) dfTitle(title string) int {
	var buf [160]byte
	key := append(append(buf[:0], titlePrefix...), title...)
	n := 0
	for _, s := range v.segs {
		if id, ok := s.terms[string(key)]; ok { // the conversion does not allocate
			n += int(s.postings[id].n)
		}
	}
	return n
}

// maxSound is the longest pinyin key any segment or the synonyms know.
func (v *view) maxSound() int {
	m := v.synonyms.maxSound
	for _, s := range v.segs {
		m = max(m, s.maxSound)
	}
	return m
}

// soundWords returns the indexed words and the synonyms whose toneless
// pinyin is key. A synonym no article writes is a word followers type
// (guochanghui is 国常会, which the articles call 国务院常务会议).
func (v *view) soundWords(key []byte) []string {
	var out []string
	for _, s := range v.segs {
		out = append(out, s.sounds[string(key)]...)
	}
	for _, w := range v.synonyms.sounds[string(key)] {
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

func (v *view) avgLen() [numFields]float64 {
	var avg [numFields]float64
	for f := range numFields {
		avg[f] = 1
		if v.live > 0 && v.fieldLen[f] > 0 {
			avg[f] = v.fieldLen[f] / float64(v.live)
		}
	}
	return avg
}

// op is one change of an update: an article to add (replacing any earlier
// version of it) or, with add nil, an id to remove.
type op struct {
	add    *Analyzed
	remove string
}

// update builds the next view from the current one with ops applied in
// order, merges segments as the rule says, and publishes it. Updates run
// one at a time; searches go on meanwhile on the view they loaded.
func (ix *Index) update(ops []op) {
	if len(ops) == 0 {
		return
	}
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	old := ix.view.Load()
	nv := *old
	nv.gen++
	nv.dead = slices.Clone(old.dead)
	var seg *segment
	kill := func(id string) {
		d, ok := nv.lookup(id)
		if seg != nil {
			if sd, in := seg.byID[id]; in {
				d, ok = sd, !nv.isDead(sd)
			}
		}
		if !ok {
			return
		}
		nv.dead[d>>6] |= 1 << (d & 63)
		nv.live--
		nv.killed++
		dc := &nv.docs[d]
		for f := range numFields {
			nv.fieldLen[f] -= float64(dc.length[f])
		}
	}
	for _, o := range ops {
		if o.add == nil {
			kill(o.remove)
			continue
		}
		an := o.add
		a := &an.article
		kill(a.ID)
		n := uint32(len(nv.docs))
		if seg == nil {
			seg = &segment{terms: map[string]uint32{}, byID: map[string]uint32{}, lo: n}
		}
		seg.hi = n + 1
		var length [numFields]int32
		for f := range numFields {
			length[f] = int32(min(an.length[f], 1<<31-1))
		}
		// The table is shared: appending writes past the end every older
		// view sees, never inside it.
		nv.docs = append(nv.docs, doc{
			card:      cardOf(a),
			titleText: titleText(a),
			leadText:  leadText(a.Summary),
			pairs:     an.pairs,
			day:       dayNumber(a.PublishedOn),
			length:    length,
			stories:   an.stories,
		})
		nv.days = append(nv.days, nv.docs[n].day)
		if int(n>>6) >= len(nv.dead) {
			nv.dead = append(nv.dead, 0)
		}
		seg.byID[a.ID] = n
		seg.docs++
		nv.live++
		for f := range numFields {
			nv.fieldLen[f] += float64(an.length[f])
		}
		avg := nv.avgLen()
		for term, tf := range an.terms {
			id, ok := seg.terms[term]
			if !ok {
				id = uint32(len(seg.postings))
				seg.terms[term] = id
				seg.postings = append(seg.postings, postingList{})
				if !nv.has(term) {
					seg.learn(term)
				}
			}
			seg.postings[id].add(n, impactOf(tf, an.length, avg))
		}
	}
	if seg != nil {
		seg.pack()
		nv.segs = append(slices.Clip(old.segs), seg)
		for k := len(nv.segs); k >= 2 && nv.segs[k-2].docs <= nv.segs[k-1].docs; k-- {
			merged := nv.merge(nv.segs[k-2:])
			nv.segs = append(nv.segs[:k-2:k-2], merged)
		}
	}
	// Removed articles count in their terms' document frequencies until
	// merged out: after most of the index went (rm --demo beside an
	// operator's own articles), a question a restart answers found nothing
	// in serve (an operator run's find). A tenth removed is merged at once.
	if nv.killed > 0 && nv.killed >= nv.live/killedShare {
		nv.segs = []*segment{nv.merge(nv.segs)}
		nv.killed = 0
	}
	if ix.hooks.beforePublish != nil {
		ix.hooks.beforePublish()
	}
	ix.view.Store(&nv)
}

// settle merges the index when articles were removed or replaced since
// it was last merged: what a quiet sync does after a burst of changes.
func (ix *Index) settle() {
	if ix.view.Load().killed > 0 {
		ix.compact()
	}
}

// killedShare is the share of the live articles (one in killedShare)
// whose removal merges the index at once.
const killedShare = 10

// compact merges every segment into one, dropping removed articles'
// postings: after a bulk load, and before a snapshot is written.
func (ix *Index) compact() {
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	old := ix.view.Load()
	if len(old.segs) <= 1 && old.killed == 0 {
		return
	}
	nv := *old
	nv.gen++
	nv.segs = []*segment{nv.merge(old.segs)}
	nv.killed = 0
	ix.view.Store(&nv)
}

// merge combines neighbouring segments into one, leaving out the postings
// and ids of removed articles.
func (v *view) merge(segs []*segment) *segment {
	out := &segment{}
	if len(segs) > 0 {
		out.lo, out.hi = segs[0].lo, segs[len(segs)-1].hi
	}
	nterms, nids, size := 0, 0, 0
	for _, s := range segs {
		nterms += len(s.terms)
		nids += len(s.byID)
		out.docs += s.docs
		for i := range s.postings {
			size += len(s.postings[i].data)
		}
	}
	out.terms = make(map[string]uint32, nterms)
	out.byID = make(map[string]uint32, nids)
	out.postings = make([]postingList, 0, nterms)
	for _, s := range segs {
		for id, d := range s.byID {
			if !v.isDead(d) {
				out.byID[id] = d
			}
		}
		for key, words := range s.sounds {
			for _, w := range words {
				if out.sounds == nil {
					out.sounds = map[string][]string{}
				}
				if !slices.Contains(out.sounds[key], w) {
					out.sounds[key] = append(out.sounds[key], w)
				}
			}
		}
		out.maxSound = max(out.maxSound, s.maxSound)
	}
	// A segment without removed articles has its lists copied as they are
	// (only the first posting's delta changes); the others are rewritten
	// posting by posting.
	clean := make([]bool, len(segs))
	for i, s := range segs {
		clean[i] = !v.anyDead(s.lo, s.hi)
	}
	// One arena for every list: a merged segment is never appended to.
	arena := make([]byte, 0, size)
	for si, s := range segs {
		for term := range s.terms {
			if _, done := out.terms[term]; done {
				continue
			}
			start := len(arena)
			var p postingList
			for ti, t := range segs[si:] {
				id, ok := t.terms[term]
				if !ok {
					continue
				}
				l := &t.postings[id]
				if clean[si+ti] {
					arena = p.appendList(arena, l)
					continue
				}
				l.each(func(d uint32, imp uint8) {
					if !v.isDead(d) {
						arena = p.appendTo(arena, d, imp)
					}
				})
			}
			if p.n == 0 {
				continue
			}
			p.data = arena[start:len(arena):len(arena)]
			out.terms[term] = uint32(len(out.postings))
			out.postings = append(out.postings, p)
		}
	}
	out.docs -= v.deadIn(segs)
	return out
}

// deadIn counts the removed articles among those the segments added, so a
// merged segment's size for the merge rule is what it still holds.
func (v *view) deadIn(segs []*segment) int {
	n := 0
	for _, s := range segs {
		for _, d := range s.byID {
			if v.isDead(d) {
				n++
			}
		}
	}
	return n
}

// pack moves a freshly built segment's lists into one arena, dropping the
// spare room appends left.
func (s *segment) pack() {
	size := 0
	for i := range s.postings {
		size += len(s.postings[i].data)
	}
	arena := make([]byte, 0, size)
	for i := range s.postings {
		p := &s.postings[i]
		start := len(arena)
		arena = append(arena, p.data...)
		p.data = arena[start:len(arena):len(arena)]
	}
}

// learn records the sound of a word new to the index, for typos and typed
// pinyin.
func (s *segment) learn(term string) {
	if strings.HasPrefix(term, bigramPrefix) || strings.HasPrefix(term, titlePrefix) {
		return
	}
	if s.sounds == nil {
		s.sounds = map[string][]string{}
	}
	s.maxSound = max(s.maxSound, learnSound(s.sounds, term))
}

// learnSound records in sounds the keys term is found by (its characters'
// first readings, and any other reading of otherReadings) when it is a
// word of Han characters, and returns the longest key's length.
func learnSound(sounds map[string][]string, term string) int {
	n := 0
	for _, r := range term {
		if !isHan(r) {
			return 0
		}
		n++
	}
	if n < minSoundWord {
		return 0
	}
	key := soundKey(term)
	sounds[key] = append(sounds[key], term)
	longest := len(key)
	if n >= minPinyinWord {
		if fuzzy := string(fuzzyKey([]byte(fuzzyPrefix), []byte(key))); fuzzy[len(fuzzyPrefix):] != key {
			sounds[fuzzy] = append(sounds[fuzzy], term)
		}
	}
	if other := otherKey(term); other != "" {
		sounds[readingPrefix+other] = append(sounds[readingPrefix+other], term)
		longest = max(longest, len(other))
	}
	return longest
}

// anyDead reports whether any doc in [lo, hi) is removed.
func (v *view) anyDead(lo, hi uint32) bool {
	for d := lo; d < hi; {
		if d&63 == 0 && d+64 <= hi {
			if v.dead[d>>6] != 0 {
				return true
			}
			d += 64
			continue
		}
		if v.isDead(d) {
			return true
		}
		d++
	}
	return false
}

// appendList adds all of l, whose docs follow p's, to a list being
// written into buf: its bytes as they are, but for the first posting's
// delta, which is relative to p's last doc rather than to zero.
func (p *postingList) appendList(buf []byte, l *postingList) []byte {
	if l.n == 0 {
		return buf
	}
	first, n := binary.Uvarint(l.data)
	buf = p.appendTo(buf, uint32(first), l.data[n])
	buf = append(buf, l.data[n+1:]...)
	p.n += l.n - 1
	p.last = l.last
	return buf
}

// appendTo adds a posting to a list being written into buf.
func (p *postingList) appendTo(buf []byte, doc uint32, impact uint8) []byte {
	delta := doc - p.last
	if p.n == 0 {
		delta = doc
	}
	buf = binary.AppendUvarint(buf, uint64(delta))
	buf = append(buf, impact)
	p.last = doc
	p.n++
	return buf
}
