package bot

import (
	"context"
	"encoding/json"
	"sync"
	"time"
)

// FollowUpTTL is how long a numbered list stays answerable.
const FollowUpTTL = 10 * time.Minute

// FollowUp is a numbered list a follower can answer with a number: the
// articles in the order shown, and the question they answered.
type FollowUp struct {
	Query string `json:"query,omitempty"`
	// Typed is the question as the follower sent it, when it has capital
	// letters Query (folded) lost: a follow-up's header names the topic
	// as typed (「CPI」, not 「cpi」: a follower run's find).
	Typed string   `json:"typed,omitempty"`
	IDs   []string `json:"ids"`
	// Stories are, beside IDs, the headline of the roundup item listed
	// for each ("" for a whole article): "2" opens the item shown.
	Stories []string `json:"stories,omitempty"`
	// SeenStory is the headline of the roundup item a card showed ("" for
	// a whole article): 这是哪天的 and 详细说说 after it are the item's.
	SeenStory string `json:"seen_story,omitempty"`
	// Search is what the list searched for (the question, a rule's query,
	// the topic beside a greeting; "" for a configured list), which 更多
	// searches again for the next list; Mentions, that the list was of
	// articles mentioning it. Seen are the articles of the earlier lists,
	// not shown again.
	Search   string `json:"search,omitempty"`
	Mentions bool   `json:"mentions,omitempty"`
	// Latest marks a list of the articles published last (最新): 更多
	// shows the ones before them.
	Latest bool `json:"latest,omitempty"`
	// Newest marks a list of Search's articles newest first (最新的枫桥经验);
	// Older, one of those before the list shown before it (更早的), which
	// 更多 and 更早的 page on from.
	Newest bool `json:"newest,omitempty"`
	Older  bool `json:"older,omitempty"`
	// Key is the menu key a list answered (a click, which has no text).
	Key string `json:"key,omitempty"`
	// Whole marks a list of all there is (a month's of a topic): 更多 has
	// none, rather than the topic's other months (a follower run's find).
	Whole bool `json:"whole,omitempty"`
	// Day marks a list of the articles of a day (YYYY-MM-DD: 8月22日新闻联播).
	Day string `json:"day,omitempty"`
	// Topic is what a day's card or list was of (阅兵 of 9月3日阅兵), and
	// TopicDay the day (YYYY-MM-DD), which follow-ups after it ask of
	// (那8月20号的呢, 那十号的呢, 它的主要内容是什么, 2025年的呢). Not Day: 更多
	// after the list is the topic's, not the day's other articles.
	Topic    string `json:"topic,omitempty"`
	TopicDay string `json:"topic_day,omitempty"`
	// Readings marks a list of past daily readings (往期每日一读, 上周的每日一读),
	// kept as the release before kept it (readings: true) and, for a week's
	// or a month's, readings_of beside it (MarshalJSON).
	Readings *ReadingsOf `json:"-"`
	// News marks a list of a week's or a month's news (8月的新闻, 上周的新闻联播):
	// 更多 shows the articles of the days before those shown.
	News *ReadingsOf `json:"news,omitempty"`
	Seen []string    `json:"seen,omitempty"`
	// Back are the pages shown before this one (更多's), oldest first,
	// for 上一页.
	Back []Page `json:"back,omitempty"`
	// Opened is the number of the item last opened from IDs, for 下一篇.
	Opened int `json:"opened,omitempty"`
	// More is that the list's footer promised 更多, for 返回 to show it
	// again as it was.
	More bool `json:"more,omitempty"`
	// Questions are a numbered message's questions the list did not get
	// to (past max_results), which 更多 answers next; Asked is how many
	// the message had.
	Questions []Question `json:"questions,omitempty"`
	Asked     int        `json:"asked,omitempty"`
	// Answered are the numbered questions this list answers: 上一页 back to
	// it answers them again.
	Answered []Question `json:"answered,omitempty"`
}

// question is what the list answered, for the query log: the question,
// or a menu's key (a follower run's find: the report showed 1× "" → item 1).
func (f FollowUp) question() string {
	if f.Query == "" && f.Key != "" {
		return "菜单 " + f.Key
	}
	return f.Query
}

// by names what made a list that no search ranked — a menu's, the past
// readings (the daily rule's), the latest articles, a day's or a period's
// news, a topic's newest — for
// the event of a number chosen from it: such a choice is no vote for the
// article as an answer to the list's question, nor a synonym of it (a
// follower run's find: 往期每日一读 was proposed as one of 政府工作报告的决议).
// "" for a search's list.
func (f FollowUp) by() string {
	switch {
	case f.Key != "":
		return "menu"
	case f.Readings != nil:
		return DailyRule
	case f.Latest:
		return "latest"
	case f.Day != "":
		return "day"
	case f.News != nil:
		return "news"
	case f.Newest || f.Older:
		// A topic's articles newest first (最新的国常会, and what a month
		// with none gives, 2026年11月还没有文章): ordered by date, not by
		// how well they answer (an operator run's find: kept as votes).
		return "newest"
	}
	return ""
}

// keptFollowUp is a FollowUp as kept: readings as the release before kept
// them, so that a replica of that release, during a rolling upgrade, reads
// a readings list (it could not read an object there: a review's find).
type keptFollowUp struct {
	plainFollowUp
	Readings   bool        `json:"readings,omitempty"`
	ReadingsOf *ReadingsOf `json:"readings_of,omitempty"`
}

type plainFollowUp FollowUp

// MarshalJSON implements json.Marshaler.
func (f FollowUp) MarshalJSON() ([]byte, error) {
	k := keptFollowUp{plainFollowUp: plainFollowUp(f), Readings: f.Readings != nil}
	if f.Readings != nil && *f.Readings != (ReadingsOf{}) {
		k.ReadingsOf = f.Readings
	}
	return json.Marshal(k)
}

// UnmarshalJSON implements json.Unmarshaler.
func (f *FollowUp) UnmarshalJSON(data []byte) error {
	var k keptFollowUp
	if err := json.Unmarshal(data, &k); err != nil {
		return err
	}
	*f = FollowUp(k.plainFollowUp)
	switch {
	case k.ReadingsOf != nil:
		f.Readings = k.ReadingsOf
	case k.Readings:
		f.Readings = &ReadingsOf{}
	}
	return nil
}

// Page is a list's page as it was shown: its articles and, beside each,
// the roundup item listed ("" for a whole article).
type Page struct {
	IDs     []string `json:"ids"`
	Stories []string `json:"stories,omitempty"`
	// Answers marks the page of a question's answers before 更多 turned
	// to the articles mentioning its word.
	Answers bool `json:"answers,omitempty"`
	// Questions are a page of numbered questions' own and those after it
	// (上一页 answers them again, 更多 then the rest: a re-check's find, it
	// had shown a plain list whose 更多 had none).
	Questions []Question `json:"questions,omitempty"`
}

// FollowUps remembers, per follower, the last numbered list, so that a
// reply of "2" opens the second article; after a card, what it answered
// (Search, Seen) and no numbers.
type FollowUps interface {
	Put(ctx context.Context, openid string, f FollowUp) error
	Get(ctx context.Context, openid string) (FollowUp, error) // zero when none or expired
	Forget(ctx context.Context, openid string) error
}

// MemoryFollowUps keeps follow-ups in this process.
type MemoryFollowUps struct {
	Now func() time.Time

	mu      sync.Mutex
	entries map[string]followUp
	puts    int
}

type followUp struct {
	FollowUp
	expires time.Time
}

// NewMemoryFollowUps returns an empty in-process follow-up store.
func NewMemoryFollowUps() *MemoryFollowUps {
	return &MemoryFollowUps{Now: time.Now, entries: map[string]followUp{}}
}

// Put implements FollowUps.
func (m *MemoryFollowUps) Put(_ context.Context, openid string, f FollowUp) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.Now()
	m.entries[openid] = followUp{FollowUp: f, expires: now.Add(FollowUpTTL)}
	// Sweep now and then so followers who never come back do not pile up.
	if m.puts++; m.puts%1024 == 0 {
		for k, e := range m.entries {
			if now.After(e.expires) {
				delete(m.entries, k)
			}
		}
	}
	return nil
}

// Get implements FollowUps.
func (m *MemoryFollowUps) Get(_ context.Context, openid string) (FollowUp, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.entries[openid]
	if !ok || m.Now().After(e.expires) {
		return FollowUp{}, nil
	}
	return e.FollowUp, nil
}

// Forget implements FollowUps.
func (m *MemoryFollowUps) Forget(_ context.Context, openid string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.entries, openid)
	return nil
}

// ofReading reports whether what f shows is a daily reading: today's card
// (closeList's), a past day's, or one opened from the readings' list.
func (f FollowUp) ofReading() bool {
	return f.Search == "" && f.Topic == "" && f.Day == "" && f.News == nil && (f.Readings != nil || len(f.IDs) == 0 && len(f.Seen) == 1)
}
