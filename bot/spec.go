package bot

import "time"

// The types in this file are the shape of the `replies` and `search` sections
// of config.yaml, as operators write them. Compile turns them into Settings.

// ReplySpec is one reply as written in config: a type and that type's fields.
type ReplySpec struct {
	Type        string   `mapstructure:"type"`
	Content     string   `mapstructure:"content"`     // text
	Title       string   `mapstructure:"title"`       // news
	Description string   `mapstructure:"description"` // news
	URL         string   `mapstructure:"url"`         // news
	Pic         string   `mapstructure:"pic"`         // news
	Query       string   `mapstructure:"query"`       // articles
	IDs         []string `mapstructure:"ids"`         // articles
	MediaID     string   `mapstructure:"media_id"`    // image, voice, video
	// music (title and description too)
	MusicURL     string `mapstructure:"music_url"`
	HQMusicURL   string `mapstructure:"hq_music_url"`
	ThumbMediaID string `mapstructure:"thumb_media_id"`
}

// ResponseSpec is what to say: one `reply`, or several `replies` sent all
// (mode all, like WeChat's 回复全部) or one picked at random (mode random).
type ResponseSpec struct {
	Mode    string      `mapstructure:"mode"`
	Reply   *ReplySpec  `mapstructure:"reply"`
	Replies []ReplySpec `mapstructure:"replies"`
}

// RuleSpec binds keywords (and menu CLICK keys) to a response.
type RuleSpec struct {
	Name     string   `mapstructure:"name"`
	Keywords []string `mapstructure:"keywords"`
	Keys     []string `mapstructure:"keys"`
	Match    string   `mapstructure:"match"` // exact (default), contains, prefix, regex
	// Alone makes a contains, prefix or regex rule fire only when nothing
	// searchable remains beside its keyword: 谢谢老师！ is thanks, a question
	// ending in 谢谢 is a question.
	Alone        bool `mapstructure:"alone"`
	ResponseSpec `mapstructure:",squash"`
}

// RepliesSpec is the `replies` section.
type RepliesSpec struct {
	Subscribe ResponseSpec `mapstructure:"subscribe"`
	// SubscribeScenes welcomes followers who come through a channel's QR
	// code (mpbot qrcode create --scene NAME) with a response of its own,
	// by scene name; a follower scanning the code again gets it too.
	SubscribeScenes map[string]ResponseSpec `mapstructure:"subscribe_scenes"`
	Default         ResponseSpec            `mapstructure:"default"`  // images, video, location, links
	NoMatch         ResponseSpec            `mapstructure:"no_match"` // nothing matched a text
	// NoList answers a number when no numbered list is open; ChoiceRange a
	// number outside the open list ({n} is the list's length). Empty: the
	// built-in texts.
	NoList      string     `mapstructure:"no_list"`
	ChoiceRange string     `mapstructure:"choice_out_of_range"`
	Rules       []RuleSpec `mapstructure:"rules"`
}

// SearchSpec is the `search` section: how many candidates a list shows and
// how sure the search must be before it answers at all.
type SearchSpec struct {
	MaxResults  int     `mapstructure:"max_results"`
	MinScore    float64 `mapstructure:"min_score"`    // below this a hit is not relevant
	ClearScore  float64 `mapstructure:"clear_score"`  // at or above this the top hit may stand alone
	ClearMargin float64 `mapstructure:"clear_margin"` // ... if it leads the runner-up by this much
	// Answers kept by query text (the index's cache) and, as many, the
	// questions texts were found to search for (the bot's); 0 keeps none.
	CacheSize int `mapstructure:"cache_size"`
}

// PushSpec is the part of the `push` section the bot answers: the keywords
// that turn the daily reading off and on, and the confirmations.
type PushSpec struct {
	SubscribeKeywords   []string `mapstructure:"subscribe_keywords"`
	UnsubscribeKeywords []string `mapstructure:"unsubscribe_keywords"`
	SubscribeReply      string   `mapstructure:"subscribe_reply"`
	UnsubscribeReply    string   `mapstructure:"unsubscribe_reply"`
	// What a follower asking where the switch stands (退订了吗) is told,
	// with it on and off; empty: built-in texts.
	StatusOnReply  string `mapstructure:"status_on_reply"`
	StatusOffReply string `mapstructure:"status_off_reply"`
	// Firings are the daily push's next times (from push.schedule, in
	// push.timezone), whose times of day reply texts name as {push_time};
	// nil when the schedule does not parse (its own error says so).
	Firings []time.Time `mapstructure:"-"`
	// Paused is push.mode off: {push_time} is said as paused (followers
	// had been told 每天早上7:30推送 by 订阅 and 帮助 while nothing went).
	Paused bool `mapstructure:"-"`
}
