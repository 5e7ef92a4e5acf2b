package wechat

import (
	"cmp"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/silenceper/wechat/v2/officialaccount/freepublish"

	"mpbot/content"
)

// publishedItem is a published article as freepublish/batchget returns it;
// the SDK's type lacks the cover's URL.
type publishedItem struct {
	freepublish.Article
	ThumbURL string `json:"thumb_url"`
}

type publishedPage struct {
	TotalCount int `json:"total_count"`
	ItemCount  int `json:"item_count"`
	Item       []struct {
		ArticleID string `json:"article_id"`
		Content   struct {
			NewsItem []publishedItem `json:"news_item"`
		} `json:"content"`
		UpdateTime int64 `json:"update_time"`
	} `json:"item"`
}

// PublishedPageSize is the most freepublish/batchget returns at once.
const PublishedPageSize = 20

var shanghai = time.FixedZone("CST", 8*3600)

// Published returns one page of the account's published articles
// (freepublish/batchget) as content articles, with the total count.
// Deleted articles are left out. Each article's id is stable
// (mp-<article_id>-<n>), so importing again updates rather than duplicates.
func (a *API) Published(ctx context.Context, offset int) ([]content.Article, int, error) {
	var page publishedPage
	req := map[string]any{"offset": offset, "count": PublishedPageSize, "no_content": 0}
	if err := a.Post(ctx, "/cgi-bin/freepublish/batchget", req, &page); err != nil {
		return nil, 0, err
	}
	var out []content.Article
	for _, it := range page.Item {
		day := time.Unix(it.UpdateTime, 0).In(shanghai).Format(content.DateLayout)
		for i, n := range it.Content.NewsItem {
			if n.IsDeleted || n.URL == "" {
				continue
			}
			body := content.TextFromHTML(n.Content)
			out = append(out, content.Article{
				ID:    fmt.Sprintf("mp-%s-%d", it.ArticleID, i+1),
				Title: n.Title,
				// An item without a digest (as the editor leaves it
				// blank) gets its first paragraph: its card had none.
				Summary:     cmp.Or(strings.TrimSpace(n.Digest), content.Lead(body)),
				Body:        body,
				URL:         n.URL,
				Cover:       n.ThumbURL,
				Author:      n.Author,
				PublishedOn: day,
			})
		}
	}
	return out, page.TotalCount, nil
}

// AllPublished pages through every published article (freepublish/batchget),
// telling progress how many of how many items it has fetched.
func (a *API) AllPublished(ctx context.Context, progress func(done, total int)) ([]content.Article, error) {
	var all []content.Article
	for offset := 0; ; offset += PublishedPageSize {
		page, total, err := a.Published(ctx, offset)
		if err != nil {
			return all, fmt.Errorf("published articles at offset %d: %w", offset, err)
		}
		all = append(all, page...)
		if progress != nil {
			progress(min(offset+PublishedPageSize, total), total)
		}
		if offset+PublishedPageSize >= total {
			return all, nil
		}
	}
}
