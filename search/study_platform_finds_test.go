package search

import (
	"strings"
	"testing"
)

// A study-platform follower run's find (over the webhook on the shared
// corpus): 到底 ("exactly", "after all"), which followers put in almost any
// question about a term (新质生产力到底是啥, 乡村振兴到底是什么), is searched as
// a topic word. It matches titles holding 到底 (一张蓝图绘到底, 进行到底):
//
//	新质生产力到底是啥     → one card, 习近平在福建考察时强调 …一张蓝图绘到底…
//	乡村振兴到底是什么     → one card, “千万工程”一张蓝图绘到底 …
//	中国式现代化到底是什么 → a list led by 一张蓝图绘到底 and 把…自我革命进行到底
//	枫桥经验到底是啥 / 共同富裕到底是啥意思 → no match
//
// where the same questions without 到底 find the term's articles (a list
// of 新质生产力's, of 乡村振兴's, …). 到底 only stresses the question: the
// search should answer as it answers the question without it.
func TestDaodiIsAFillerNotATopic(t *testing.T) {
	ix := corpusIndex(t)
	for _, c := range []struct{ asked, plain, topic string }{
		{"新质生产力到底是啥", "新质生产力是啥", "新质生产力"},
		{"乡村振兴到底是什么", "乡村振兴是什么", "乡村振兴"},
		{"中国式现代化到底是什么", "中国式现代化是什么", "中国式现代化"},
		{"共同富裕到底是啥意思", "共同富裕是啥意思", "共同富裕"},
		{"全过程人民民主到底是什么", "全过程人民民主是什么", "全过程人民民主"},
	} {
		base, err := ix.Search(t.Context(), c.plain, 5)
		if err != nil || len(base) == 0 {
			t.Fatalf("%s: %v %v", c.plain, scored(base), err)
		}
		hits, err := ix.Search(t.Context(), c.asked, 5)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case len(hits) == 0:
			t.Errorf("%s: nothing, where %s has %s (%.2f)", c.asked, c.plain, base[0].Article.Title, base[0].Score)
		case !strings.Contains(hits[0].Article.Title, c.topic) || strings.Contains(hits[0].Article.Title, "到底") && !strings.Contains(base[0].Article.Title, "到底"):
			t.Errorf("%s: first %q (%.2f), where %s has %q (%.2f)", c.asked, hits[0].Article.Title, hits[0].Score, c.plain, base[0].Article.Title, base[0].Score)
		case hits[0].Score < base[0].Score-0.1:
			t.Errorf("%s: first scored %.2f, where %s scores %.2f", c.asked, hits[0].Score, c.plain, base[0].Score)
		}
	}
}

// A study-platform follower run's find (on the shared corpus): 新时代枫桥经验
// has no article about it (search: no relevant articles; the bot lists the
// articles mentioning it under 没有专门讲「枫桥经验」的文章), but asked where it
// comes from — 新时代枫桥经验是怎么来的, 新时代枫桥经验怎么来的, 新时代枫桥经验的由来 —
// the search is sure (0.90, 0.84) of a profile of a judge who "坚持和发展新时代
// 枫桥经验", its snippet marked 【新时】代: the follower gets one card, as
// if it answered where the experience came from. Asking how it came about
// adds nothing the article has; it should be no surer than the term alone.
func TestOriginQuestionNoSurerThanTheTerm(t *testing.T) {
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
	for _, q := range []string{"新时代枫桥经验是怎么来的", "新时代枫桥经验怎么来的", "新时代枫桥经验的由来"} {
		hits, err := ix.Search(t.Context(), q, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) > 0 && hits[0].Score > top+0.1 {
			t.Errorf("%s: %q at %.2f, where %s alone has %v", q, hits[0].Article.Title, hits[0].Score, term, scored(base))
		}
	}
}

// A study-platform follower run's find (over the webhook on the shared
// corpus): whether a term is examined, asked as followers most often ask it
// — 新质生产力会考吗, 高质量发展考试会考吗, by voice 那个高质量发展是什么意思啊就是考试
// 会考吗。 — gets no match, where 高质量发展会不会考 and 新质生产力考不考 (fillers
// since an earlier run) find the term's articles: 会考 is searched as a word
// (the school exam), which no article about the term has. (Its voice
// message glued without commas, 那个高质量发展是什么意思啊就是考试会考吗。,
// keeps 就是 searched: left.)
func TestWillItBeExaminedIsAFrame(t *testing.T) {
	ix := corpusIndex(t)
	for _, c := range []struct{ asked, topic string }{
		{"新质生产力会考吗", "新质生产力"},
		{"高质量发展考试会考吗", "高质量发展"},
	} {
		hits, err := ix.Search(t.Context(), c.asked, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 || !strings.Contains(hits[0].Article.Title, c.topic) || hits[0].Score < 0.4 {
			t.Errorf("%s: %v, want %s's articles", c.asked, scored(hits), c.topic)
		}
	}
}
