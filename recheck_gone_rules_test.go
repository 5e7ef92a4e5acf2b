package main

import (
	"strings"
	"testing"
)

// TestRecheckListNumbersAreNoGoneRules: a number past the end of a list no
// rule made (最新文章's, a topic's newest) is logged with the list's maker
// as its Rule ("latest", "newest": FollowUp.by(), "newest" new in this
// session) and outcome out_of_range. The report now lists every logged
// rule label not in the config as a rule "(no longer in the config:
// renamed or removed)": an operator reads that rules named latest and
// newest were renamed or removed, though the config never had them.
func TestRecheckListNumbersAreNoGoneRules(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "")
	t.Setenv("MPBOT_INSIGHTS_KEY", "test-key-test-key")
	logs := &syncBuffer{}
	base, stop := startServe(t, cfg, logs)
	sim := simulatorFor(t, cfg, base)
	msg := int64(0)
	truthAsk(t, sim, &msg, "o_latest", "最新文章", "9")
	truthAsk(t, sim, &msg, "o_newest", "最新的基层治理", "9")
	stop()
	r := reportJSON(t, cfg)
	for _, h := range r.Rules {
		if h.Gone {
			t.Errorf("report lists rule %q (%d×) as gone from the config (renamed or removed): no rule of that name ever was; it is the maker of a list a number was typed after", h.Name, h.Count)
		}
	}
	var names []string
	for _, h := range r.Rules {
		names = append(names, h.Name)
	}
	t.Logf("rules: %s", strings.Join(names, " "))
}
