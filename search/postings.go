package search

import (
	"encoding/binary"
	"slices"
)

// postingList is the docs a term occurs in, ascending, each with its
// impact, packed as (doc-number delta as uvarint, impact byte) pairs.
// Search reads lists front to back, so nothing needs random access, and
// packing takes about 2.5 bytes a posting where two arrays took 6.
type postingList struct {
	data []byte
	n    uint32 // postings in the list: the term's document frequency
	last uint32 // the last doc number, for the next delta
}

// An impact is the saturated, length-normalised BM25F term frequency
// scaled to 6 bits, with the top bit set when the term is in the title, the
// next when it is in the summary and not the title: where a word is tells
// how sure a match is.
const (
	inTitle     = 1 << 7
	inLead      = 1 << 6
	impactScale = inLead - 1
	fieldBits   = inTitle | inLead
)

// weaker and stronger combine the field bits of two impacts: a pair of
// terms is in the title only when both are (an intersection), a term with
// several spellings is wherever one of them is (a union).
func weaker(a, b uint8) uint8 {
	switch {
	case a&b&inTitle != 0:
		return inTitle
	case a&fieldBits != 0 && b&fieldBits != 0:
		return inLead
	}
	return 0
}

func stronger(a, b uint8) uint8 {
	switch {
	case (a|b)&inTitle != 0:
		return inTitle
	case (a|b)&inLead != 0:
		return inLead
	}
	return 0
}

func (p *postingList) add(doc uint32, impact uint8) {
	delta := doc - p.last
	if p.n == 0 {
		delta = doc
	}
	p.data = binary.AppendUvarint(p.data, uint64(delta))
	p.data = append(p.data, impact)
	p.last = doc
	p.n++
}

// each calls fn for every posting, in doc order.
func (p *postingList) each(fn func(doc uint32, impact uint8)) {
	var doc uint32
	data := p.data
	for i := 0; i < len(data); {
		if b := data[i]; b < 0x80 { // one-byte deltas are the common case
			doc += uint32(b)
			i++
		} else {
			v, n := binary.Uvarint(data[i:])
			doc += uint32(v)
			i += n
		}
		fn(doc, data[i])
		i++
	}
}

// posting is an unpacked posting, for lists built per query (synonyms).
type posting struct {
	doc    uint32
	impact uint8
	alt    uint8 // in a synonym clause's merged postings, the alternative it matched (the first, in a tie)
}

// unpackTo appends the list's postings to out.
func (p *postingList) unpackTo(out []posting) []posting {
	out = slices.Grow(out, int(p.n))
	var doc uint32
	data := p.data
	for i := 0; i < len(data); {
		if b := data[i]; b < 0x80 { // one-byte deltas are the common case
			doc += uint32(b)
			i++
		} else {
			v, n := binary.Uvarint(data[i:])
			doc += uint32(v)
			i += n
		}
		out = append(out, posting{doc, data[i], 0})
		i++
	}
	return out
}

// intersect keeps the docs of a that are also in one of lists (a term's
// lists in ascending doc ranges, one per segment), in place, with the
// weaker impact; the title bit survives only when both terms are in the
// title. The lists are scanned packed, so a long one costs no allocation.
func intersect(lists []*postingList, a []posting) []posting {
	out := a[:0]
	j := 0
	for _, p := range lists {
		var doc uint32
		data := p.data
		for i := 0; i < len(data) && j < len(a); {
			if b := data[i]; b < 0x80 { // one-byte deltas are the common case
				doc += uint32(b)
				i++
			} else {
				v, n := binary.Uvarint(data[i:])
				doc += uint32(v)
				i += n
			}
			ib := data[i]
			i++
			for j < len(a) && a[j].doc < doc {
				j++
			}
			if j < len(a) && a[j].doc == doc {
				ia := a[j].impact
				out = append(out, posting{doc, min(ia&impactScale, ib&impactScale) | weaker(ia, ib), 0})
				j++
			}
		}
	}
	return out
}

// union merges two lists, keeping the stronger impact for shared docs;
// b's postings are marked as alternative altB, and a shared doc keeps the
// alternative worth more (worth reports whether altB is worth more than
// a's).
func union(a, b []posting, altB uint8, worth func(altA uint8) bool) []posting {
	out := make([]posting, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i].doc < b[j].doc:
			out = append(out, a[i])
			i++
		case i == len(a) || b[j].doc < a[i].doc:
			out = append(out, posting{b[j].doc, b[j].impact, altB})
			j++
		default:
			ia, ib := a[i].impact, b[j].impact
			alt := a[i].alt
			if worth(alt) {
				alt = altB
			}
			out = append(out, posting{a[i].doc, max(ia&impactScale, ib&impactScale) | stronger(ia, ib), alt})
			i++
			j++
		}
	}
	return out
}
