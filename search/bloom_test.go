package search

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestBloomSteps: the stepped probe reads the bits the filter was written
// with (every pair put in is found), and answers as the probe that divides
// for each bit, which snapshots written before it were read with.
func TestBloomSteps(t *testing.T) {
	divided := func(f bigramFilter, h [2]uint64) bool {
		bits := uint64(len(f) * 64)
		for i := range uint64(bloomHashes) {
			bit := (h[0] + i*h[1]) % bits
			if f[bit/64]&(1<<(bit%64)) == 0 {
				return false
			}
		}
		return true
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 2, 7, 64, 300, 5000} {
		in := map[string]struct{}{}
		for len(in) < n {
			in[fmt.Sprint(rng.Uint64())] = struct{}{}
		}
		f := newBigramFilter(in)
		for bg := range in {
			h1, h2 := bloomHash(bg)
			if !f.hasAll([][2]uint64{{h1, h2}}) {
				t.Fatalf("%d items: %q put in, not found", n, bg)
			}
		}
		found := 0
		for range 20000 {
			h1, h2 := bloomHash(fmt.Sprint(rng.Uint64()))
			got := f.hasAll([][2]uint64{{h1, h2}})
			if got != divided(f, [2]uint64{h1, h2}) {
				t.Fatalf("%d items: %x %x read otherwise than by division", n, h1, h2)
			}
			if got {
				found++
			}
		}
		if n >= 300 && found > 20000/500 {
			t.Errorf("%d items: %d of 20,000 others found; the filter should err about 0.05%% of the time", n, found)
		}
	}
}

// TestBloomHas: has, read without branching, answers as hasAll of the one
// item, for items put in and others, in filters of every size, the empty
// one included.
func TestBloomHas(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var none bigramFilter
	if none.has([2]uint64{1, 3}) {
		t.Fatal("the empty filter has an item")
	}
	for _, n := range []int{1, 2, 3, 7, 31, 64, 65, 300, 1000, 5000, 40000} {
		in := map[string]struct{}{}
		for len(in) < n {
			in[fmt.Sprint(rng.Uint64())] = struct{}{}
		}
		f := newBigramFilter(in)
		probe := func(h [2]uint64) {
			if got, want := f.has(h), f.hasAll([][2]uint64{h}); got != want {
				t.Fatalf("%d items: has(%x) = %v, hasAll %v", n, h, got, want)
			}
		}
		for bg := range in {
			h1, h2 := bloomHash(bg)
			probe([2]uint64{h1, h2})
		}
		for range 20000 {
			h1, h2 := bloomHash(fmt.Sprint(rng.Uint64()))
			probe([2]uint64{h1, h2})
			// Any hashes below 2³², as bloomHash gives, the step odd.
			probe([2]uint64{rng.Uint64() >> 32, rng.Uint64()>>32 | 1})
		}
		probe([2]uint64{0, 1})
		probe([2]uint64{1<<32 - 1, 1<<32 - 1})
	}
}
