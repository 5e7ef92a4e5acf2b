package search

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math"
)

// A snapshot is the whole index in one blob, written after imports and at
// shutdown, so that a server starts by reading it instead of rebuilding
// the index article by article (4.8 s for 100,000 articles, against well
// under a second). It is a cache: the per-article analyses in the store stay
// the truth, and changes after the snapshot's change number are replayed.

const snapshotMagic = "MPIX9" // 6: roundups' items; 7: cards' descriptions; 9: a checksum, live articles only (8: with a removed flag each)

// snapshotSum is the checksum that ends a snapshot: a byte damaged in the
// store had been loaded as it was, and searches for the term it held
// panicked, until the operator deleted the snapshot (a review's find).
var snapshotSum = crc32.MakeTable(crc32.Castagnoli)

// encodeSnapshot serialises the current view. It takes no lock: searches
// and updates go on while it runs.
func (ix *Index) encodeSnapshot(seq int64) []byte {
	v := ix.view.Load()
	var all *segment // one list per term, as the format has it
	if len(v.segs) == 1 && v.killed == 0 {
		all = v.segs[0]
	} else {
		all = v.merge(v.segs)
	}
	size := 64
	for i := range all.postings {
		size += len(all.postings[i].data) + 16
	}
	size += len(v.docs) * 400
	w := snapWriter{b: make([]byte, 0, size)}
	w.b = append(w.b, snapshotMagic...)
	w.uint(uint64(analysisVersion))
	w.uint(uint64(seq))
	w.uint(uint64(v.live))
	for f := range numFields {
		w.uint(math.Float64bits(v.fieldLen[f]))
	}
	// Live articles only, numbered afresh: every article an import
	// replaced or a removal took had been written again, and the snapshot
	// and the memory of every start grew with each edit (a review's find:
	// 50 MB, 86 MB, 122 MB after two re-imports of the corpus).
	renumbered := len(v.docs) != v.live
	var number []uint32
	if renumbered {
		number = make([]uint32, len(v.docs))
		next := uint32(0)
		for i := range v.docs {
			if !v.isDead(uint32(i)) {
				number[i] = next
				next++
			}
		}
	}
	w.uint(uint64(v.live))
	for i := range v.docs {
		d := &v.docs[i]
		if v.isDead(uint32(i)) {
			continue
		}
		w.uint(uint64(uint32(d.day)))
		for f := range numFields {
			w.uint(uint64(d.length[f]))
		}
		w.uint(uint64(len(d.pairs)))
		for _, word := range d.pairs {
			w.b = binary.LittleEndian.AppendUint64(w.b, word)
		}
		c := &d.card
		for _, s := range []string{c.id, c.title, c.summary, c.url, c.cover, c.category, c.publishedOn} {
			w.str(s)
		}
		w.uint(uint64(len(c.tags)))
		for _, t := range c.tags {
			w.str(t)
		}
		if c.described {
			w.uint(1)
			w.str(c.desc)
		} else {
			w.uint(0)
		}
		w.b = appendStories(w.b, d.stories)
	}
	terms := make([]string, len(all.postings))
	for t, id := range all.terms {
		terms[id] = t
	}
	w.uint(uint64(len(terms)))
	var buf []byte
	for id, t := range terms {
		p := &all.postings[id]
		if renumbered {
			// The merged lists hold no removed article: each posting's
			// article takes its new number, in the same order.
			var q postingList
			buf = buf[:0]
			p.each(func(d uint32, imp uint8) { buf = q.appendTo(buf, number[d], imp) })
			q.data = buf
			p = &q
		}
		w.str(t)
		w.uint(uint64(p.n))
		w.uint(uint64(p.last))
		w.uint(uint64(len(p.data)))
		w.b = append(w.b, p.data...)
	}
	return binary.LittleEndian.AppendUint32(w.b, crc32.Checksum(w.b, snapshotSum))
}

type snapWriter struct{ b []byte }

func (w *snapWriter) uint(v uint64) { w.b = binary.AppendUvarint(w.b, v) }
func (w *snapWriter) str(s string) {
	w.uint(uint64(len(s)))
	w.b = append(w.b, s...)
}

var errSnapshot = errors.New("unusable index snapshot")

// loadSnapshot replaces the empty index's contents with a snapshot and
// returns the change number it reflects.
func (ix *Index) loadSnapshot(blob []byte) (int64, error) {
	if len(blob) < len(snapshotMagic)+4 || string(blob[:len(snapshotMagic)]) != snapshotMagic {
		return 0, errSnapshot
	}
	body := blob[:len(blob)-4]
	if crc32.Checksum(body, snapshotSum) != binary.LittleEndian.Uint32(blob[len(body):]) {
		return 0, errSnapshot
	}
	blob = body
	r := analysisReader{b: blob, off: len(snapshotMagic)}
	if r.uvarint() != uint64(analysisVersion) {
		return 0, errSnapshot
	}
	seq := int64(r.uvarint())
	live := int(r.uvarint())
	var fieldLen [numFields]float64
	for f := range numFields {
		fieldLen[f] = math.Float64frombits(r.uvarint())
	}
	ndocs := r.uvarint()
	if ndocs > uint64(len(blob)) {
		return 0, errSnapshot
	}
	docs := make([]doc, ndocs)
	dead := make([]uint64, (ndocs+63)/64) // none: a snapshot holds live articles only
	byID := make(map[string]uint32, ndocs)
	str := func() string { return string(r.bytes(r.uvarint())) }
	for i := range docs {
		d := &docs[i]
		d.day = int32(uint32(r.uvarint()))
		for f := range numFields {
			d.length[f] = int32(min(r.uvarint(), 1<<31-1))
		}
		words := r.uvarint()
		if words > uint64(len(blob)) {
			return 0, errSnapshot
		}
		d.pairs = make(bigramFilter, words)
		for j := range d.pairs {
			d.pairs[j] = binary.LittleEndian.Uint64(r.bytes(8))
		}
		c := &d.card
		for _, dst := range []*string{&c.id, &c.title, &c.summary, &c.url, &c.cover, &c.category, &c.publishedOn} {
			*dst = str()
		}
		ntags := r.uvarint()
		if ntags > uint64(len(blob)) {
			return 0, errSnapshot
		}
		for range ntags {
			c.tags = append(c.tags, str())
		}
		if r.uvarint() == 1 {
			c.desc, c.described = str(), true
		}
		d.stories = r.readStories()
		a := c.article()
		d.titleText = titleText(&a)
		d.leadText = leadText(c.summary)
		byID[c.id] = uint32(i)
	}
	nterms := r.uvarint()
	if nterms > uint64(len(blob)) {
		return 0, errSnapshot
	}
	seg := &segment{terms: make(map[string]uint32, nterms), postings: make([]postingList, nterms), byID: byID, docs: live, hi: uint32(ndocs)}
	// Posting data is copied into one arena, so the blob can be freed.
	arena := make([]byte, 0, len(blob)-r.off)
	// The terms are substrings of one string: as strings of their own
	// they were 146k of the corpus index's 477k heap objects, which every
	// collection marks.
	words := make([]byte, 0, nterms*8)
	spans := make([][2]uint32, nterms)
	for id := range seg.postings {
		w := r.bytes(r.uvarint())
		spans[id] = [2]uint32{uint32(len(words)), uint32(len(words) + len(w))}
		words = append(words, w...)
		p := &seg.postings[id]
		p.n = uint32(r.uvarint())
		p.last = uint32(r.uvarint())
		start := len(arena)
		arena = append(arena, r.bytes(r.uvarint())...)
		p.data = arena[start:len(arena):len(arena)] // an append must not run into the next list
	}
	all := string(words)
	for id, sp := range spans {
		t := all[sp[0]:sp[1]]
		seg.terms[t] = uint32(id)
		seg.learn(t)
	}
	if r.err != nil || r.off != len(blob) || len(byID) != live {
		return 0, errSnapshot
	}
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	nv := *ix.view.Load()
	nv.gen++
	days := make([]int32, len(docs))
	for i := range docs {
		days[i] = docs[i].day
	}
	nv.docs, nv.days, nv.dead, nv.segs, nv.live, nv.fieldLen = docs, days, dead, []*segment{seg}, live, fieldLen
	ix.view.Store(&nv)
	return seq, nil
}
