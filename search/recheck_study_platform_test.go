package search

import (
	"strings"
	"testing"
)

// A re-check's finds in the study-platform follower run's fixes (each had
// failed on them).

// 会考吗, a filler since 537307c, is cut out of a meeting's name ending in 会
// before 考吗: 两会考吗 is searched as 两, 国常会考吗 as 国常, 党代会考吗 as 党代,
// 服贸会考吗 as 服贸 (over the bot on the shared corpus: 服贸会考吗 had a list
// of 服贸会 articles and now gets a card on 海南自贸港; 党代会考吗 had no match
// and now gets a card on a human-rights think-tank report).
func TestMeetingNameKeptBeforeKaoMa(t *testing.T) {
	for q, name := range map[string]string{"两会考吗": "两会", "国常会考吗": "国常会", "党代会考吗": "党代会", "服贸会考吗": "服贸会", "广交会考吗": "广交会"} {
		if got := normalizeQuery(q); !strings.Contains(got, name) {
			t.Errorf("%s searched as %q: the meeting's name %s is cut", q, got, name)
		}
	}
}

// 到底 ending a slogan is no question word: 负责到底 is searched as 负责 (a
// list of 河北省委主要负责同志职务调整 at 0.92, where it had 一张蓝图绘到底's
// article) and 奋斗到底 as 奋斗 (party congress reports at 0.97).
func TestDaodiEndingASloganIsKept(t *testing.T) {
	for _, q := range []string{"负责到底", "奋斗到底"} {
		if got := normalizeQuery(q); !strings.Contains(got, "到底") {
			t.Errorf("%s searched as %q", q, got)
		}
	}
}

// The origin asked in the commit's other words: each still finds the
// judge's profile surely (0.67–0.90), where 新时代枫桥经验 alone is at 0.17.
func TestOriginAskedOtherwiseNoSurerThanTheTerm(t *testing.T) {
	ix := corpusIndex(t)
	const term = "新时代枫桥经验"
	base, err := ix.Search(t.Context(), term, 5)
	if err != nil {
		t.Fatal(err)
	}
	top := 0.0
	if len(base) > 0 {
		top = base[0].Score
	}
	for _, q := range []string{"新时代枫桥经验的起源", "新时代枫桥经验的来历", "新时代枫桥经验是从哪来的", "新时代枫桥经验从何而来",
		"新时代枫桥经验是怎么形成的", "新时代枫桥经验是怎么产生的", "新时代枫桥经验是如何来的"} {
		hits, err := ix.Search(t.Context(), q, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) > 0 && hits[0].Score > top+0.1 {
			t.Errorf("%s: %q at %.2f, where %s alone has %v", q, hits[0].Article.Title, hits[0].Score, term, scored(base))
		}
	}
}

// (新质生产力考吗 and 要考吗 are left: 考吗 alone ends 国考, 高考.)
// Whether a term is examined, in the forms beside 会考吗 and 考不考: no match
// or a card on 郭进考 (a deputy's name), where 新质生产力考不考 lists the term's.
func TestWillItBeExaminedOtherwise(t *testing.T) {
	ix := corpusIndex(t)
	for _, q := range []string{"新质生产力考试考不考", "新质生产力考试会不会考", "新质生产力会考到吗", "新质生产力会考么"} {
		hits, err := ix.Search(t.Context(), q, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 || !strings.Contains(hits[0].Article.Title, "新质生产力") || hits[0].Score < 0.4 {
			t.Errorf("%s: %v, want 新质生产力's articles", q, scored(hits))
		}
	}
}

// 新质生产力到底是什么东西: with 到底 gone (537307c) the query is 新质生产力 东西,
// and 山海携手 书写东西部协作崭新篇章 is first at 0.91 (0.29 before; the bot
// now sends its card where it had no match). 是什么东西 asks what it is.
func TestWhatThingAsked(t *testing.T) {
	ix := corpusIndex(t)
	for _, q := range []string{"新质生产力到底是什么东西", "新质生产力是什么东西"} {
		hits, err := ix.Search(t.Context(), q, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 || !strings.Contains(hits[0].Article.Title, "新质生产力") {
			t.Errorf("%s: %v (first %q), want 新质生产力's articles", q, scored(hits), func() string {
				if len(hits) > 0 {
					return hits[0].Article.Title
				}
				return ""
			}())
		}
	}
}
