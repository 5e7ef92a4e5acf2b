// Package jobs runs mpbot's scheduled work: choosing and delivering the
// daily reading (每日一读) on a cron schedule. It uses content and never bot
// or the WeChat adapter; main wires senders in.
package jobs

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"time"

	"mpbot/content"
)

// Outbox is the `log` mode's sender: it appends what would be sent to a
// JSON Lines file, for demos and dry runs of the whole pipeline.
type Outbox struct {
	Path string
	Now  func() time.Time

	mu sync.Mutex
}

// outboxLine is one delivery in the outbox.
type outboxLine struct {
	At      time.Time `json:"at"`
	OpenID  string    `json:"openid"`
	Article string    `json:"article_id"`
	Title   string    `json:"title"`
	URL     string    `json:"url"`
}

// Send implements Sender.
func (o *Outbox) Send(_ context.Context, openid string, a content.Article) (int64, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if err := os.MkdirAll(filepath.Dir(o.Path), 0o755); err != nil {
		return 0, err
	}
	f, err := os.OpenFile(o.Path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return 0, err
	}
	line, _ := json.Marshal(outboxLine{At: o.Now().UTC(), OpenID: openid, Article: a.ID, Title: a.Title, URL: a.URL})
	if _, err := f.Write(append(line, '\n')); err != nil {
		f.Close()
		return 0, err
	}
	return 0, f.Close()
}

var _ Sender = (*Outbox)(nil)
