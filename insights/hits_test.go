package insights

import (
	"encoding/json"
	"math"
	"testing"

	"mpbot/bot"
)

// FuzzAppendHits holds appendHits to json.Marshal, byte for byte.
func FuzzAppendHits(f *testing.F) {
	for _, s := range []struct {
		id    string
		score float64
	}{{"demo-fengqiao", 0.92}, {`a"b\c<d>&e`, 1e-7}, {"\x00\x1f\u2028\u2029\xff", 1e21}, {"枫桥", -0.5}, {"", 0}, {"x", 123456789.125}, {"y", 1e-300}} {
		f.Add(s.id, s.score, "b", 0.25)
	}
	f.Fuzz(func(t *testing.T, id string, score float64, id2 string, score2 float64) {
		for _, hits := range [][]bot.Scored{nil, {}, {{ID: id, Score: score}}, {{ID: id, Score: score}, {ID: id2, Score: score2}}} {
			want, err := json.Marshal(hits)
			got, ok := appendHits(nil, hits)
			if ok != (err == nil) {
				t.Fatalf("%+v: ok %v, json.Marshal %v", hits, ok, err)
			}
			if ok && string(got) != string(want) {
				t.Fatalf("%+v:\n got %s\nwant %s", hits, got, want)
			}
		}
	})
}

func TestAppendHitsRefusesNaN(t *testing.T) {
	if _, ok := appendHits(nil, []bot.Scored{{ID: "a", Score: math.NaN()}}); ok {
		t.Error("NaN encoded")
	}
}
