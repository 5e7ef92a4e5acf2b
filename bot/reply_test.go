package bot

import (
	"strings"
	"testing"
)

// TestMergeKeepsTheReading: the one passive reply a follower gets without
// an AppSecret carries today's reading when its part was kept, and not
// when the 2048 bytes left it out (the push then still sends it).
func TestMergeKeepsTheReading(t *testing.T) {
	welcome := Reply{Type: ReplyText, Text: "欢迎关注！"}
	card := Reply{Type: ReplyNews, Card: &Card{Title: "今天的导读", URL: "https://example.com/r"}, Reading: "r1"}
	if m, lost := Merge([]Reply{welcome, card}); m.Reading != "r1" || lost != 0 {
		t.Fatalf("merged %+v, lost %d; want the reading kept", m, lost)
	}
	long := Reply{Type: ReplyText, Text: strings.Repeat("长", 700)}
	if m, lost := Merge([]Reply{long, card}); m.Reading != "" || lost != 1 {
		t.Fatalf("merged with the card left out: reading %q, lost %d", m.Reading, lost)
	}
}
