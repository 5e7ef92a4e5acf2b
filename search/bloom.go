package search

// bigramFilter is a Bloom filter of the Han character pairs of an article's
// text. It answers "does this phrase occur in the body?" closely enough for
// ranking (every pair of the phrase present) at 2 bytes a pair,
// where keeping bodies in memory would cost two kilobytes an article.
type bigramFilter []uint64

// At 10 bits and 7 hashes (~1% false positives) an article of the 世界大学生
// 运动会 held 界运 by chance, and so the 世界运动会 a follower asked about
// (世运会倒计时100天): 138 articles of the corpus held the pair by their
// filters, 16 by their text. At 16 bits and 11 hashes, 29 do, for 4.7 MB
// more over the shared corpus (12.7 MB in all).
const (
	bloomBitsPerItem = 16
	bloomHashes      = 11 // ~0.05% false positives
)

func newBigramFilter(bigrams map[string]struct{}) bigramFilter {
	if len(bigrams) == 0 {
		return nil
	}
	words := (len(bigrams)*bloomBitsPerItem + 63) / 64
	f := make(bigramFilter, words)
	for bg := range bigrams {
		h1, h2 := bloomHash(bg)
		for i := range uint64(bloomHashes) {
			bit := (h1 + i*h2) % uint64(len(f)*64)
			f[bit/64] |= 1 << (bit % 64)
		}
	}
	return f
}

// bloomHash splits one 64-bit FNV-1a hash into the two a Bloom filter's
// double hashing needs. The hash is fixed, not seeded, because filters are
// stored and read back by other processes.
func bloomHash(s string) (uint64, uint64) {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h & 0xffffffff, h>>32 | 1
}

// hasAll reports whether every pre-hashed item may be in the filter.
func (f bigramFilter) hasAll(items [][2]uint64) bool {
	if len(f) == 0 {
		return false
	}
	bits := uint64(len(f) * 64)
	for _, h := range items {
		// The bits (h1 + i·h2) mod bits, stepped rather than divided
		// for each: two divisions a pair instead of eleven. Both hashes
		// are below 2³², so h1 + i·h2 never wraps and the steps land on
		// the bits newBigramFilter set.
		bit, step := h[0]%bits, h[1]%bits
		for range bloomHashes {
			if f[bit/64]&(1<<(bit%64)) == 0 {
				return false
			}
			if bit += step; bit >= bits {
				bit -= bits
			}
		}
	}
	return true
}

// has is hasAll of one item, read without branching on the bits: the
// eleven words are loaded independently (a candidate's filter is seldom in
// the cache, and a branch on each bit waited for one word before the next),
// and the answer is the same, every bit set.
func (f bigramFilter) has(h [2]uint64) bool {
	if len(f) == 0 {
		return false
	}
	bits := uint64(len(f) * 64)
	bit, step := h[0]%bits, h[1]%bits
	all := uint64(1)
	for range bloomHashes {
		all &= f[bit/64] >> (bit % 64)
		// bit + step, less bits when that is past the end: without a
		// branch (bits is below 2³⁸, so the difference's sign is its top
		// bit).
		d := bit + step - bits
		bit = d + bits&uint64(int64(d)>>63)
	}
	return all&1 != 0
}
