package bot

import (
	"reflect"
	"testing"
)

// A reply's invitation said back (回复「帮助」查看全部用法 → 回复帮助) is what
// it invites (a follower run's find: searched as text, 回复帮助 and 回复人工
// got a card on an article with 回复 in its title).
func TestInvitationSaidBack(t *testing.T) {
	ask := asker(t, newDemoBot(t, newDemoCatalog(), NewMemoryFollowUps()))
	for _, tc := range []struct {
		text, as string
	}{
		{"回复帮助", "帮助"}, {"回复「帮助」", "帮助"}, {"请回复 帮助", "帮助"}, {"回复：人工", "人工"}, {"请回复每日一读", "每日一读"},
	} {
		if got, want := ask(tc.text), ask(tc.as); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %+v, want %s's %+v", tc.text, got, tc.as, want)
		}
	}
	// 回复 with anything else is searched as typed: not the help.
	if help, got := ask("帮助"), ask("回复口信"); got.Text == help.Text {
		t.Errorf("回复口信 got the help: %q", got.Text)
	}
}
