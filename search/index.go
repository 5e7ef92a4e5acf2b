package search

import (
	"encoding/binary"
	"errors"
	lru "github.com/hashicorp/golang-lru/v2"
	"hash/crc32"
	"math"
	"mpbot/content"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"
)

// Index is the in-memory inverted index behind search. It is derived from
// the store: documents are added and removed as the store changes. Searches
// read the current view (see view.go) without any lock; updates build the
// next view and swap it in, one at a time.
type Index struct {
	seg *Segmenter

	view    atomic.Pointer[view]
	writeMu sync.Mutex // one update at a time; searches never take it
	cache   atomic.Pointer[resultCache]

	params       rankParams
	accumulators sync.Pool // per-query scratch space, as long as docs
	parsed       parsedRing
	expansions   *lru.Cache[string, phraseHit] // expansions' postings, by text
	clauses      *lru.Cache[string, phraseHit] // synonym clauses' merged postings, by clause.key
	phraseDFs    *lru.Cache[string, dfOn]      // names no word of the index is: how many articles hold them
	digests      atomic.Pointer[digestMemo]    // the current view's roundup titles, as refine finds them
	hooks        hooks
	// now is today, for the years a query names by it (去年); tests set
	// their own.
	now func() time.Time
}

// phraseCacheSize bounds the expansions whose postings are kept: more than
// a long synonym list holds. clauseCacheSize bounds the synonym clauses:
// the ones followers ask about now.
const (
	phraseCacheSize   = 256
	clauseCacheSize   = 256
	phraseDFCacheSize = 256
)

// hooks let tests stop a search or an update half-way, to show that
// neither waits for the other. Nil outside tests.
type hooks struct {
	midSearch     func()                             // a search has loaded its view and parsed the query
	beforePublish func()                             // an update has built its view and not yet published it
	explain       func(string)                       // each leading candidate's ranking, for tuning by hand
	features      func(query, id string, f features) // each leading candidate's confidence features, for fitting the model
	analyse       func(id string)                    // each article an import analyses (called from several goroutines)
}

// doc is what the index keeps of an article: enough for a reply card and
// for ranking without touching the store.
type doc struct {
	card      card
	titleText string       // lower-cased title and tags, for phrase checks
	leadText  string       // lower-cased summary
	pairs     bigramFilter // character pairs of the whole text, for phrase checks in the body
	day       int32        // published_on as days since 1970, 0 when unknown
	length    [numFields]int32
	stories   []story // a roundup's items (content.Stories), nil for other articles
}

// story is a roundup's item as the search keeps it: matched as folded,
// lower-cased text, shown as written.
type story struct {
	head, text string // folded, lower-cased
	pairs      bigramFilter
	shown      content.Story
}

// storiesOf keeps a roundup's items: a follower asking about one of them
// is answered with it, not with the roundup's recurring title.
func storiesOf(body string) []story {
	items := content.Stories(body)
	if items == nil {
		return nil
	}
	out := make([]story, len(items))
	for i, it := range items {
		text := lower(foldText(it.Head + "\n" + it.Text))
		pairs := map[string]struct{}{}
		for _, bg := range hanBigrams(text) {
			pairs[bg] = struct{}{}
		}
		addMentionKeys(pairs, text)
		out[i] = newStory(it, text, pairs)
	}
	return out
}

// newStory keeps an item and its folded text (head, "\n", text), sharing
// their memory where folding changed nothing: most items are simplified
// Chinese, and the corpus's roundups hold 9.6 MB of them.
func newStory(it content.Story, text string, pairs map[string]struct{}) story {
	// Items cut from a body share its memory: kept as they are, they would
	// hold the whole body for as long as the index does.
	s := story{text: text, shown: content.Story{Head: strings.Clone(it.Head), Text: strings.Clone(it.Text)}}
	if pairs != nil {
		s.pairs = newBigramFilter(pairs)
	}
	if text == it.Head+"\n"+it.Text {
		s.shown = content.Story{Head: text[:len(it.Head)], Text: text[len(it.Head)+1:]}
	}
	s.head = lower(foldText(s.shown.Head))
	return s
}

// bodyLen is the article's body in tokens: main stories run long, previews
// and reactions short.
func (d *doc) bodyLen() int32 { return d.length[fieldBody] }

// card is what a reply needs of an article; the rest stays in the store.
type card struct {
	id, title, summary, url, cover, category, publishedOn string
	tags                                                  []string
	// desc, when described, is what the card says under its title in
	// place of a summary that says nothing (content.Describe: 各位代表：,
	// none): a hit carries no body to take a first paragraph from.
	desc      string
	described bool
}

func cardOf(a *content.Article) card {
	c := card{id: a.ID, title: a.Title, summary: a.Summary, url: a.URL, cover: a.Cover, category: a.Category,
		publishedOn: a.PublishedOn, tags: a.Tags}
	if d := content.Describe(*a); d != a.Summary {
		c.desc, c.described = d, true
	}
	return c
}

// article is the card as an content.Article, without body, source or
// times; its summary is what its card says.
func (c *card) article() content.Article {
	summary := c.summary
	if c.described {
		summary = c.desc
	}
	return content.Article{ID: c.id, Title: c.title, Summary: summary, URL: c.url, Cover: c.cover, Category: c.category,
		PublishedOn: c.publishedOn, Tags: c.tags}
}

// Fields and their BM25F weights: a word in the title says far more about
// an article than one somewhere in its body.
const (
	fieldTitle = iota
	fieldLead
	fieldBody
	numFields
)

var fieldWeight = [numFields]float64{fieldTitle: 3, fieldLead: 1.5, fieldBody: 1}

const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// bigramPrefix marks the character-bigram terms of titles and summaries.
// They catch what the dictionary misses: names, new coinages, typos of
// segmentation.
const bigramPrefix = "\x00"

// NewIndex returns an empty index using seg.
func NewIndex(seg *Segmenter) *Index {
	expansions, err := lru.New[string, phraseHit](phraseCacheSize)
	if err != nil {
		panic(err) // only for a size below one
	}
	clauses, err := lru.New[string, phraseHit](clauseCacheSize)
	if err != nil {
		panic(err)
	}
	phraseDFs, err := lru.New[string, dfOn](phraseDFCacheSize)
	if err != nil {
		panic(err)
	}
	ix := &Index{seg: seg, params: defaultRankParams(), expansions: expansions, clauses: clauses, phraseDFs: phraseDFs, now: time.Now}
	ix.view.Store(emptyView())
	return ix
}

// BuildIndex indexes articles with the process-wide segmenter.
func BuildIndex(articles []content.Article) (*Index, error) {
	seg, err := DefaultSegmenter()
	if err != nil {
		return nil, err
	}
	ix := NewIndex(seg)
	ops := make([]op, len(articles))
	for i, a := range articles {
		ops[i].add = ix.Analyze(a)
	}
	ix.update(ops)
	return ix, nil
}

// Len reports how many live articles the index holds.
func (ix *Index) Len() int { return ix.view.Load().live }

// Analyzed is an article cut into terms, ready to add. Analysis is the slow
// part (segmentation), so it runs outside the index lock, and can run on
// several goroutines.
type Analyzed struct {
	article content.Article
	terms   map[string]*termFreq
	length  [numFields]int
	pairs   bigramFilter
	stories []story // kept with the analysis: the index is loaded without bodies
}

type termFreq [numFields]uint16

// Analyze segments an article's fields.
func (ix *Index) Analyze(a content.Article) *Analyzed {
	an := &Analyzed{article: a, terms: make(map[string]*termFreq, 256)}
	add := func(f int, term string) {
		tf := an.terms[term]
		if tf == nil {
			tf = new(termFreq)
			an.terms[term] = tf
		}
		if tf[f] < math.MaxUint16 {
			tf[f]++
		}
		an.length[f]++
	}
	title := foldText(joinTitle(&a))
	all := map[string]struct{}{}
	for f, text := range [numFields]string{fieldTitle: title, fieldLead: foldText(a.Summary), fieldBody: foldText(a.Body)} {
		for _, bg := range hanBigrams(strings.ToLower(text)) {
			all[bg] = struct{}{}
		}
		for _, w := range ix.seg.SearchWords(text) {
			add(f, w)
			// Search mode yields the two- and three-character words inside
			// a long one; the longer ones (枫桥经验 in 新时代枫桥经验) are
			// added here.
			for _, sub := range ix.seg.innerWords(w) {
				add(f, sub)
			}
		}
		for _, y := range hanYears(text) {
			add(f, y)
		}
		addMentionKeys(all, text)
		if f != fieldBody {
			for _, bg := range hanBigrams(strings.ToLower(text)) {
				add(f, bigramPrefix+bg)
			}
		}
	}
	// A full text whose title does not say what it is says so as it opens
	// (——在中国共产党第二十次全国代表大会上的报告; 我代表第十七届中央委员会向大会
	// 作报告): that word counts in its title, so that 二十大报告 finds the
	// report, not only the news titled 二十大代表…讨论二十大报告 (issue 12:
	// the report was not among the first 200).
	if kind := declaredKind(title, a.Body); kind != "" && an.length[fieldBody] >= fullTextTokens {
		add(fieldTitle, kind)
	}
	// The whole title, as a term of its own: how many articles share it
	// tells a recurring roundup (国内联播快讯) from a story.
	an.terms[titleKey(titleText(&a))] = &termFreq{}
	an.pairs = newBigramFilter(all)
	an.stories = storiesOf(a.Body)
	return an
}

// declaredKind is what a document's opening calls it (报告, 讲话) when its
// title does not: the subtitle's 在…上的报告, or 向大会作报告.
func declaredKind(title, body string) string {
	opening := foldText(capRunes(body, openingRunes))
	for _, kind := range []string{"报告", "讲话"} {
		if strings.Contains(title, kind) {
			continue
		}
		if strings.Contains(opening, "上的"+kind) || strings.Contains(opening, "向大会作"+kind) {
			return kind
		}
	}
	return ""
}

// openingRunes is how much of a body declaredKind reads: a subtitle and
// the first sentence after the salutation.
const openingRunes = 200

// titlePrefix marks the whole-title terms.
const titlePrefix = "\x01"

func titleKey(titleText string) string { return titlePrefix + titleText }

// analyzerRevision is bumped when Analyze's code changes what it produces.
const analyzerRevision = 8 // 6: roundups' items; 7: a full text's declared kind; 8: numbers in the pair filter

// analysisVersion changes whenever Analyze would cut text differently: a
// new analyser revision, or an edited dictionary or term list. Stored
// analyses and snapshots of another version are recomputed. It is kept
// below 2^31: PostgreSQL stores it as INTEGER, and a term list whose
// checksum's top bit was set (3098570760) made every article's analysis
// unstorable there (the fleet tests' find).
var analysisVersion = int(crc32.Update(crc32.Update(crc32.Update(crc32.ChecksumIEEE(zhDict), crc32.IEEETable, []byte(userTerms)),
	crc32.IEEETable, []byte(tsCharacters)), crc32.IEEETable, []byte(tsPhrases))>>8)<<8&math.MaxInt32 | analyzerRevision

// AnalysisVersion identifies the analyser of this binary, for tools that
// cache stores it built (the benchmarks).
func AnalysisVersion() int { return analysisVersion }

// Encode serialises the analysis for the store: the field lengths, each
// term with its field frequencies, and the character-pair filter.
func (an *Analyzed) Encode() []byte {
	b := make([]byte, 0, 16+len(an.terms)*12+len(an.pairs)*8)
	for f := range numFields {
		b = binary.AppendUvarint(b, uint64(an.length[f]))
	}
	b = binary.AppendUvarint(b, uint64(len(an.terms)))
	for term, tf := range an.terms {
		b = binary.AppendUvarint(b, uint64(len(term)))
		b = append(b, term...)
		for f := range numFields {
			b = binary.AppendUvarint(b, uint64(tf[f]))
		}
	}
	b = binary.AppendUvarint(b, uint64(len(an.pairs)))
	for _, w := range an.pairs {
		b = binary.LittleEndian.AppendUint64(b, w)
	}
	return appendStories(b, an.stories)
}

// appendStories writes a roundup's items, for analyses and snapshots.
// Most items fold to themselves: their text is written once, with where
// the headline ends in it.
func appendStories(b []byte, stories []story) []byte {
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.AppendUvarint(b, uint64(len(stories)))
	for _, s := range stories {
		if s.text == s.shown.Head+"\n"+s.shown.Text {
			b = binary.AppendUvarint(b, uint64(len(s.shown.Head))+1)
		} else {
			b = binary.AppendUvarint(b, 0)
			str(s.shown.Head)
			str(s.shown.Text)
		}
		str(s.text)
		b = binary.AppendUvarint(b, uint64(len(s.pairs)))
		for _, w := range s.pairs {
			b = binary.LittleEndian.AppendUint64(b, w)
		}
	}
	return b
}

// readStories reads what appendStories wrote.
func (r *analysisReader) readStories() []story {
	n := r.uvarint()
	if n == 0 || n > uint64(len(r.b)-r.off) { // an item takes bytes of its own
		if n > 0 {
			r.err = errors.New("corrupt analysis: item count")
		}
		return nil
	}
	str := func() string { return string(r.bytes(r.uvarint())) }
	out := make([]story, n)
	for k := range out {
		var shown content.Story
		headLen := r.uvarint()
		if headLen == 0 {
			shown.Head, shown.Text = str(), str()
		}
		text := str()
		if headLen > 0 {
			if headLen > uint64(len(text)) {
				r.err = errors.New("corrupt analysis: item headline")
				return nil
			}
			shown.Head, shown.Text = text[:headLen-1], text[headLen:]
		}
		out[k] = newStory(shown, text, nil)
		words := r.uvarint()
		if words > uint64(len(r.b)) {
			r.err = errors.New("corrupt analysis: item filter")
			return nil
		}
		out[k].pairs = make(bigramFilter, words)
		for j := range out[k].pairs {
			out[k].pairs[j] = binary.LittleEndian.Uint64(r.bytes(8))
		}
	}
	return out
}

// DecodeAnalysis reads an analysis written by Encode for article a.
func DecodeAnalysis(a content.Article, data []byte) (*Analyzed, error) {
	an := &Analyzed{article: a}
	r := analysisReader{b: data}
	for f := range numFields {
		an.length[f] = int(r.uvarint())
	}
	n := r.uvarint()
	if n > uint64(len(data)) {
		return nil, errors.New("corrupt analysis: term count")
	}
	an.terms = make(map[string]*termFreq, n)
	for range n {
		l := r.uvarint()
		term := r.bytes(l)
		tf := new(termFreq)
		for f := range numFields {
			tf[f] = uint16(min(r.uvarint(), math.MaxUint16))
		}
		an.terms[string(term)] = tf
	}
	words := r.uvarint()
	if words > uint64(len(data)) {
		return nil, errors.New("corrupt analysis: filter size")
	}
	an.pairs = make(bigramFilter, words)
	for i := range an.pairs {
		an.pairs[i] = binary.LittleEndian.Uint64(r.bytes(8))
	}
	an.stories = r.readStories()
	if r.err != nil || r.off != len(data) {
		return nil, errors.New("corrupt analysis")
	}
	return an, nil
}

type analysisReader struct {
	b   []byte
	off int
	err error
}

func (r *analysisReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b[r.off:])
	if n <= 0 {
		r.err = errors.New("bad varint")
		return 0
	}
	r.off += n
	return v
}

func (r *analysisReader) bytes(n uint64) []byte {
	if r.err != nil || n > uint64(len(r.b)-r.off) {
		r.err = errors.New("short analysis")
		return make([]byte, n%64)
	}
	out := r.b[r.off : r.off+int(n)]
	r.off += int(n)
	return out
}

// Add puts an analysed article into the index, replacing any earlier
// version of it.
func (ix *Index) Add(an *Analyzed) { ix.update([]op{{add: an}}) }

// Remove drops an article; a missing id is not an error.
func (ix *Index) Remove(id string) { ix.update([]op{{remove: id}}) }

// Compact merges the index into one segment without removed articles'
// postings; call it after a bulk load.
func (ix *Index) Compact() { ix.compact() }

// titleText and leadText are the title (with tags) and summary as phrase
// checks see them: folded to simplified, lower-cased.
func titleText(a *content.Article) string { return lower(foldText(joinTitle(a))) }
func leadText(summary string) string      { return lower(foldText(summary)) }

// joinTitle is the text of the title field: the title and the tags.
func joinTitle(a *content.Article) string {
	if len(a.Tags) == 0 {
		return a.Title
	}
	return a.Title + " " + strings.Join(a.Tags, " ")
}

// lower lower-cases s, sharing its memory when nothing changes (Chinese
// text, the usual case).
func lower(s string) string {
	for _, r := range s {
		if r < 0x80 && 'A' <= r && r <= 'Z' || r >= 0x80 && r < 0x2E80 && unicode.IsUpper(r) || r >= 'Ａ' && r <= 'Ｚ' {
			return strings.ToLower(s)
		}
	}
	return s
}

// impactOf is BM25F's term-frequency part for one term in one document:
// field frequencies, weighted and length-normalised, summed and saturated.
func impactOf(tf *termFreq, length [numFields]int, avg [numFields]float64) uint8 {
	var x float64
	for f := range numFields {
		if tf[f] == 0 {
			continue
		}
		norm := 1 - bm25B + bm25B*float64(length[f])/avg[f]
		x += fieldWeight[f] * float64(tf[f]) / norm
	}
	v := uint8(math.Round(x / (bm25K1 + x) * impactScale))
	switch {
	case tf[fieldTitle] > 0:
		v |= inTitle
	case tf[fieldLead] > 0:
		v |= inLead
	}
	return v
}

// hanBigrams returns the overlapping pairs of Han characters in s.
func hanBigrams(s string) []string {
	var out []string
	prev, prevSize := rune(-1), 0
	for i, r := range s {
		if isHan(r) {
			if prev >= 0 {
				out = append(out, s[i-prevSize:i+utf8.RuneLen(r)])
			}
			prev, prevSize = r, utf8.RuneLen(r)
		} else {
			prev = -1
		}
	}
	return out
}

var hanYearRe = regexp.MustCompile(`[〇零一二三四五六七八九]{4}年`)

// hanYears finds years written in characters (二〇二五年) and returns them
// in digits, so that a query for 2025 finds them.
func hanYears(s string) []string {
	var out []string
	for _, m := range hanYearRe.FindAllString(s, -1) {
		digits := make([]byte, 0, 4)
		for _, r := range strings.TrimSuffix(m, "年") {
			digits = append(digits, byte('0'+strings.IndexRune("〇一二三四五六七八九", hanDigit(r))/len("〇")))
		}
		out = append(out, string(digits))
	}
	return out
}

// hanDigit maps 零 to 〇, the form years are usually written with.
func hanDigit(r rune) rune {
	if r == '零' {
		return '〇'
	}
	return r
}

var epoch = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

func dayNumber(date string) int32 {
	t, err := time.Parse(content.DateLayout, date)
	if err != nil {
		return 0
	}
	return int32(t.Sub(epoch).Hours() / 24)
}
