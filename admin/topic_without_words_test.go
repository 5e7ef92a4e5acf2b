package admin

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"mpbot/insights"
)

// TestUnansweredTopicWithoutMainWords: a topic the report groups by no
// main word (the same text sent again: 666, or a probe pasted,
// <img src=x onerror=alert(1)>, whose words the report leaves out) is shown
// on the console's unanswered page with an empty 话题 cell, a blank first
// column the operator cannot read (`mpbot report` prints it as []). Seen on
// serves of the demo articles and the corpus: two rows of seventeen began
// with nothing.
func TestUnansweredTopicWithoutMainWords(t *testing.T) {
	srv := testConsoleOf(t, &insights.Report{UnansweredTopics: 1,
		Days:       []insights.Day{{Day: "2026-12-07", Questions: 2, NoMatch: 2}},
		Unanswered: []insights.Topic{{Terms: nil, Count: 2, Followers: 1, Examples: []string{"666"}}}})
	req, _ := http.NewRequest("GET", srv.URL+"/unanswered", nil)
	req.Header.Set("Authorization", "Bearer the-console-token")
	_, body, _ := get(t, req)
	row := regexp.MustCompile(`<tr><td>(.*?)</td><td[^>]*>2</td><td[^>]*>1</td><td>666</td>`).FindStringSubmatch(body)
	if row == nil {
		t.Fatalf("no row for 666:\n%s", body)
	}
	if strings.TrimSpace(row[1]) == "" {
		t.Errorf("the topic of 666 (no main word) is shown as an empty cell: %s", row[0])
	}
}
