package content

import (
	"fmt"
	"testing"
)

func TestTune(t *testing.T) {
	ix := buildParallel(t, loadCorpus(t))
	ix.SetSynonyms(shippedSynonyms(t))
	qs := loadQueries(t, "queries-dev.tsv")
	for _, pow := range []float64{0, 1, 2, 3} {
		for _, bs := range []float64{0.3, 0.45, 0.6} {
			tune.confPow, tune.bodyShare = pow, bs
			for _, min := range []float64{0.35, 0.4, 0.45, 0.5} {
				q := measure(ix, qs, min)
				fmt.Printf("pow %.0f body %.2f min %.2f: r1 %.3f mrr %.3f nm %.3f\n", pow, bs, min, q.recall1, q.mrr5, q.nomatch)
			}
		}
	}
}
