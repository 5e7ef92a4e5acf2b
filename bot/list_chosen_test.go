package bot

import "testing"

func TestListChosen(t *testing.T) {
	for _, c := range []struct {
		text string
		n    int
		ok   bool
	}{
		{"都要", 0, true},
		{"全部", 0, true},
		{"都看看", 0, true},
		{"我都要看", 0, true},
		{"全都发给我", 0, true},
		{"两个都看看", 2, true},
		{"三篇都要", 3, true},
		{"前两篇", 2, true},
		{"前3个", 3, true},
		{"那就两篇都要吧", 2, true},
		// No choice of the list.
		{"两个确立", 0, false},
		{"前两天", 0, false},
		{"两个都不要", 0, false},
		{"都不要", 0, false},
		{"全部文章有多少篇", 0, false},
		{"一个都要", 0, false},
		// Thanks, a past event, a question (a re-check's finds).
		{"都", 0, false},
		{"都收到了谢谢", 0, false},
		{"两篇都看了", 0, false},
		{"都发给我了", 0, false},
		{"都要看吗", 0, false},
		{"前两篇吗", 0, false},
		{"全部文章", 0, false},
		{"都好", 0, false},
	} {
		n, ok := listChosen(c.text)
		if n != c.n || ok != c.ok {
			t.Errorf("listChosen(%q) = %d, %v; want %d, %v", c.text, n, ok, c.n, c.ok)
		}
	}
}
