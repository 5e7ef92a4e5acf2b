package content

import (
	"strings"
	"testing"
)

// TestReadJSONFile: a .json file holds one article, indented as `mpbot
// articles show` prints it, or a list of them; a broken entry of a list is
// reported at its first line and the rest are read (an operator run's find:
// "articles show, edit, import" was refused).
func TestReadJSONFile(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		ids        []string
		errs       []string // file:line: reason, by prefix
	}{
		{"one indented", "{\n  \"id\": \"n1\",\n  \"title\": \"粮食安全\",\n  \"body\": \"正文\"\n}\n", []string{"n1"}, nil},
		{"a BOM", "\ufeff{\"id\": \"n1\", \"title\": \"粮食安全\"}", []string{"n1"}, nil},
		{"a list", "[\n  {\"id\": \"a\", \"title\": \"甲\"},\n  {\"id\": \"b\", \"title\": 3},\n  {\"id\": \"c\", \"title\": \"丙\"}\n]\n", []string{"a", "c"},
			[]string{"f.json:3: "}},
		{"an unknown field", "\n\n{\n  \"id\": \"n1\",\n  \"titel\": \"粮食安全\"\n}", nil, []string{"f.json:3: "}},
		{"cut short", "{\n  \"id\": \"n1\",\n  \"title\": \"粮", nil, []string{"f.json:1: invalid JSON: the file ends inside the article"}},
		{"a list cut short", "[\n  {\"id\": \"a\", \"title\": \"甲\"},\n  {\"id\": \"b\",", []string{"a"}, []string{"f.json:3: invalid JSON"}},
		{"two articles", "{\"id\": \"a\", \"title\": \"甲\"}\n{\"id\": \"b\", \"title\": \"乙\"}", nil, []string{"f.json:1: invalid JSON: more after the article's closing }"}},
		{"after the list", "[{\"id\": \"a\", \"title\": \"甲\"}]\nx", []string{"a"}, []string{"f.json:2: invalid JSON: more after the list's closing ]"}},
		{"empty", " \n", nil, []string{"f.json:1: empty"}},
		{"not an article", "\"text\"", nil, []string{"f.json:1: not an article"}},
	} {
		arts, errs := readJSONFile("f.json", []byte(tc.data), "")
		var ids []string
		for _, a := range arts {
			ids = append(ids, a.ID)
		}
		if strings.Join(ids, ",") != strings.Join(tc.ids, ",") || len(errs) != len(tc.errs) {
			t.Errorf("%s: articles %v, errors %v; want %v and %d errors", tc.name, ids, errs, tc.ids, len(tc.errs))
			continue
		}
		for i, e := range errs {
			if !strings.HasPrefix(e.Error(), tc.errs[i]) {
				t.Errorf("%s: %v; want %q…", tc.name, e, tc.errs[i])
			}
		}
	}
	if _, errs := readJSONFile("f.json", []byte(`{"id":"a","title":"甲"}`), "https://example.org/a"); len(errs) != 1 || !strings.Contains(errs[0].Error(), "--url") {
		t.Errorf("--url with a .json file: %v", errs)
	}
}
