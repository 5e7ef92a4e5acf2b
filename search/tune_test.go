package search

import (
	"fmt"
	"os"
	"testing"
)

// TestTune sweeps ranking knobs over the dev set; run by hand with
// MPBOT_TUNE=1 when changing the ranking.
func TestTune(t *testing.T) {
	if os.Getenv("MPBOT_TUNE") == "" {
		t.Skip("set MPBOT_TUNE=1 to sweep ranking parameters")
	}
	ix := buildParallel(t, loadCorpus(t))
	ix.SetSynonyms(shippedSynonyms(t))
	qs := loadQueries(t, "queries-dev.tsv")
	for _, lp := range []float64{0.5, 0.8} {
		for _, cp := range []float64{1, 1.5, 2} {
			ix.params.lengthPrior, ix.params.coverPow = lp, cp
			for _, min := range []float64{0.2, 0.25, 0.3, 0.35, 0.4} {
				q := measure(ix, qs, min)
				fmt.Printf("lengthPrior %.2f coverPow %.1f min %.2f: r1 %.3f mrr %.3f nm %.3f\n", lp, cp, min, q.recall1, q.mrr5, q.nomatch)
			}
		}
	}
}
