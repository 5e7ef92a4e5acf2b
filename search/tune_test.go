package search

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestTune sweeps ranking knobs over the tune half of our questions (never
// the check half: a knob is chosen on the one and judged on the other);
// run by hand with MPBOT_TUNE=1 when changing the ranking.
func TestTune(t *testing.T) {
	if os.Getenv("MPBOT_TUNE") == "" {
		t.Skip("set MPBOT_TUNE=1 to sweep ranking parameters")
	}
	ix := buildParallel(t, loadCorpus(t))
	ix.SetSynonyms(shippedTerms(t))
	tune, _ := splitQuestions(loadQuestionFile(t, filepath.Join("testdata", "questions.tsv")))
	minScore := shippedMinScore(t)
	dev := loadQueries(t, "queries-dev.tsv")
	for _, ls := range []float64{0.3} {
		for _, mi := range []float64{0, 0.2, 0.5, 1} {
			ix.params.bodyShare, ix.params.proximity = ls, mi
			q, d := measure(ix, tune, minScore), measure(ix, dev, minScore)
			fmt.Printf("bodyShare %.2f proximity %.2f: %s | dev %.3f %.3f %.3f\n", ls, mi, &q, d.recall1, d.mrr5, d.nomatch)
		}
	}
}
