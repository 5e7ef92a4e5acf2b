package insights

import (
	"context"
	"math"
	"sync"
	"time"

	"mpbot/bot"
	"mpbot/store"
)

// Votes holds followers' choices from numbered lists, for the bot: each
// follower's latest choice of an article for a question counts once, less
// as it ages.
type Votes struct {
	now func() time.Time

	mu sync.RWMutex
	// question → article → follower → when
	by map[string]map[string]map[string]time.Time
}

var _ bot.Votes = (*Votes)(nil)

// How much a vote is worth: a fresh vote lifts an article's score by
// perVote, half as much after halfLife; the bot caps the sum.
const (
	perVote  = 0.1
	halfLife = 30 * 24 * time.Hour
)

// NewVotes returns an empty set of votes.
func NewVotes(now func() time.Time) *Votes {
	return &Votes{now: now, by: map[string]map[string]map[string]time.Time{}}
}

// Boosts implements bot.Votes.
func (v *Votes) Boosts(question string) map[string]float64 {
	v.mu.RLock()
	defer v.mu.RUnlock()
	arts := v.by[question]
	if len(arts) == 0 {
		return nil
	}
	out := make(map[string]float64, len(arts))
	for article := range arts {
		out[article] = v.boostLocked(question, article)
	}
	return out
}

// weight is a vote's worth after age.
func weight(age time.Duration) float64 {
	return perVote * math.Pow(0.5, max(age, 0).Hours()/halfLife.Hours())
}

func (v *Votes) add(vote store.Vote) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.addLocked(vote)
}

func (v *Votes) addLocked(vote store.Vote) {
	arts := v.by[vote.Question]
	if arts == nil {
		arts = map[string]map[string]time.Time{}
		v.by[vote.Question] = arts
	}
	if arts[vote.Article] == nil {
		arts[vote.Article] = map[string]time.Time{}
	}
	if vote.At.After(arts[vote.Article][vote.Follower]) {
		arts[vote.Article][vote.Follower] = vote.At
	}
}

// replace puts the store's votes in place of what is held.
func (v *Votes) replace(vs []store.Vote) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.by = map[string]map[string]map[string]time.Time{}
	for _, vote := range vs {
		v.addLocked(vote)
	}
}

// boostLocked is an article's boost for a question; the caller holds mu.
func (v *Votes) boostLocked(question, article string) float64 {
	now, sum := v.now(), 0.0
	for _, at := range v.by[question][article] {
		sum += weight(now.Sub(at))
	}
	return sum
}

// LoadVotes reads the votes kept in the store.
func LoadVotes(ctx context.Context, st *store.Store) (*Votes, error) {
	vs, err := st.Votes(ctx)
	if err != nil {
		return nil, err
	}
	v := NewVotes(time.Now)
	v.replace(vs)
	return v, nil
}
