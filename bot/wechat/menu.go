package wechat

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// Button is one button of the account's custom menu, as config.yaml's
// `menu.buttons` and WeChat's menu/create and menu/get spell it: a leaf
// with a type, or a group of up to five sub-buttons.
type Button struct {
	Name       string   `mapstructure:"name" json:"name" yaml:"name"`
	Type       string   `mapstructure:"type" json:"type,omitempty" yaml:"type,omitempty"`
	Key        string   `mapstructure:"key" json:"key,omitempty" yaml:"key,omitempty"`
	URL        string   `mapstructure:"url" json:"url,omitempty" yaml:"url,omitempty"`
	AppID      string   `mapstructure:"appid" json:"appid,omitempty" yaml:"appid,omitempty"`
	PagePath   string   `mapstructure:"pagepath" json:"pagepath,omitempty" yaml:"pagepath,omitempty"`
	MediaID    string   `mapstructure:"media_id" json:"media_id,omitempty" yaml:"media_id,omitempty"`
	ArticleID  string   `mapstructure:"article_id" json:"article_id,omitempty" yaml:"article_id,omitempty"`
	SubButtons []Button `mapstructure:"sub_buttons" json:"sub_button,omitempty" yaml:"sub_buttons,omitempty"`
}

// WeChat's limits on a menu (menu/create), in bytes where it counts bytes.
const (
	maxTopButtons = 3
	maxSubButtons = 5
	maxTopName    = 16 // four Chinese characters
	maxSubName    = 60
	maxMenuKey    = 128
	maxMenuURL    = 1024
)

// keyTypes are the button types that send the webhook an event with the
// button's key: the bot must answer each key.
var keyTypes = []string{"click", "scancode_push", "scancode_waitmsg", "pic_sysphoto", "pic_photo_or_album", "pic_weixin", "location_select"}

// CheckMenu checks buttons as WeChat's menu/create does, naming each
// problem by its place in config.yaml (menu.buttons[1].sub_buttons[0].url).
// answered reports whether the bot answers a click key; nil skips that
// check.
func CheckMenu(buttons []Button, answered func(key string) bool) []error {
	var errs []error
	bad := func(where, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", where, fmt.Sprintf(format, args...)))
	}
	if len(buttons) > maxTopButtons {
		bad("menu.buttons", "%d buttons; WeChat takes 1 to %d", len(buttons), maxTopButtons)
	}
	keys := map[string]string{}
	for i, b := range buttons {
		where := fmt.Sprintf("menu.buttons[%d]", i)
		if len(b.Name) == 0 || len(b.Name) > maxTopName {
			bad(where+".name", "%q is %d bytes; a top button's name is 1 to %d bytes (4 Chinese characters)", b.Name, len(b.Name), maxTopName)
		}
		if len(b.SubButtons) == 0 {
			checkLeaf(where, b, keys, answered, bad)
			continue
		}
		if b.Type != "" {
			bad(where+".type", "a button with sub_buttons has no type of its own")
		}
		if len(b.SubButtons) > maxSubButtons {
			bad(where+".sub_buttons", "%d sub-buttons; WeChat takes at most %d", len(b.SubButtons), maxSubButtons)
		}
		for j, sb := range b.SubButtons {
			at := fmt.Sprintf("%s.sub_buttons[%d]", where, j)
			if len(sb.Name) == 0 || len(sb.Name) > maxSubName {
				bad(at+".name", "%q is %d bytes; a sub-button's name is 1 to %d bytes", sb.Name, len(sb.Name), maxSubName)
			}
			if len(sb.SubButtons) > 0 {
				bad(at+".sub_buttons", "menus have two levels only")
			}
			checkLeaf(at, sb, keys, answered, bad)
		}
	}
	return errs
}

func checkLeaf(where string, b Button, keys map[string]string, answered func(string) bool, bad func(where, format string, args ...any)) {
	switch {
	case slices.Contains(keyTypes, b.Type):
		switch {
		case b.Key == "" || len(b.Key) > maxMenuKey:
			bad(where+".key", "%q: a %s button needs a key of 1 to %d bytes", b.Key, b.Type, maxMenuKey)
		case keys[b.Key] != "":
			bad(where+".key", "%q is also the key of %s", b.Key, keys[b.Key])
		case answered != nil && !answered(b.Key):
			bad(where+".key", "%q is answered by no rule: add it to a rule's keys (or use a built-in key)", b.Key)
		}
		keys[b.Key] = where
	case b.Type == "view":
		checkURL(where+".url", b.URL, bad)
	case b.Type == "miniprogram":
		if b.AppID == "" || b.PagePath == "" {
			bad(where, "a miniprogram button needs appid and pagepath")
		}
		checkURL(where+".url", b.URL, bad) // shown by clients without mini programs
	case b.Type == "media_id" || b.Type == "view_limited":
		if b.MediaID == "" {
			bad(where+".media_id", "a %s button needs a permanent material's media_id", b.Type)
		}
	case b.Type == "article_id" || b.Type == "article_view_limited":
		if b.ArticleID == "" {
			bad(where+".article_id", "a %s button needs the article_id of a published article", b.Type)
		}
	case b.Type == "":
		bad(where+".type", "is missing (click, view, miniprogram, … or sub_buttons)")
	default:
		bad(where+".type", "%q is not a menu button type", b.Type)
	}
}

func checkURL(where, s string, bad func(where, format string, args ...any)) {
	u, err := url.Parse(s)
	switch {
	case s == "":
		bad(where, "is missing")
	case err != nil || u.Scheme != "https" || u.Host == "":
		bad(where, "%q is not an https URL", s)
	case len(s) > maxMenuURL:
		bad(where, "is %d bytes; WeChat takes at most %d", len(s), maxMenuURL)
	}
}

// Menu returns the account's live custom menu (menu/get); none is an
// empty menu. menu/get sees only a menu set through the API: one made on
// the 公众平台 website answers 46003 as none does, and is asked of
// get_current_selfmenu_info, whose buttons (a text, an image or a news
// reply of the website's editor) are no config: it is a
// *WebsiteMenuError (an operator run's find: menu pull printed
// `buttons: []`, and menu diff said the empty config was the live menu).
func (a *API) Menu(ctx context.Context) ([]Button, error) {
	var out struct {
		Menu struct {
			Button []Button `json:"button"`
		} `json:"menu"`
	}
	err := a.Get(ctx, "/cgi-bin/menu/get", nil, &out)
	if ErrorCode(err) != 46003 { // menu does not exist
		return out.Menu.Button, err
	}
	var self struct {
		Open int `json:"is_menu_open"`
		Info struct {
			Button []struct {
				Name string `json:"name"`
			} `json:"button"`
		} `json:"selfmenu_info"`
	}
	if err := a.Get(ctx, "/cgi-bin/get_current_selfmenu_info", nil, &self); err != nil {
		return nil, fmt.Errorf("no menu set through the API; the website's menu: %w", err)
	}
	if self.Open != 1 || len(self.Info.Button) == 0 {
		return nil, nil
	}
	we := &WebsiteMenuError{}
	for _, b := range self.Info.Button {
		we.Names = append(we.Names, b.Name)
	}
	return nil, we
}

// WebsiteMenuError is a live menu made on the 公众平台 website, which
// menu/get does not see and config can not hold: Names are its top
// buttons. Publishing a menu through the API replaces it.
type WebsiteMenuError struct{ Names []string }

func (e *WebsiteMenuError) Error() string {
	return fmt.Sprintf("made on the 公众平台 website (%s), which the API does not read as config: copy its buttons into menu.buttons by hand; menu push replaces it", strings.Join(e.Names, ", "))
}

// SetMenu publishes buttons as the account's custom menu (menu/create).
// Followers' clients fetch it within five minutes of entering the chat.
func (a *API) SetMenu(ctx context.Context, buttons []Button) error {
	if len(buttons) == 0 {
		return errors.New("menu.buttons is empty: nothing to publish")
	}
	return a.Post(ctx, "/cgi-bin/menu/create", map[string]any{"button": buttons}, nil)
}
