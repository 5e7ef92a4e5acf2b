package content

import (
	"encoding/json"
	"os"
	"path/filepath"
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
		// An entry broken as JSON is reported and the next ones read (an
		// operator run's find: the rest were lost, "skipped 1").
		{"a missing }", "[\n  {\"id\": \"a\", \"title\": \"甲\"},\n  {\"id\": \"b\", \"title\": \"乙\"\n  {\"id\": \"c\", \"title\": \"丙\"},\n  {\"id\": \"d\", \"title\": \"丁\"}\n]\n",
			[]string{"a", "c", "d"}, []string{"f.json:3: invalid JSON"}},
		{"a trailing comma in an entry", "[\n  {\"id\": \"a\", \"title\": \"甲\"},\n  {\"id\": \"b\", \"title\": \"乙\",},\n  {\"id\": \"c\", \"title\": \"丙\"}\n]\n",
			[]string{"a", "c"}, []string{"f.json:3: invalid JSON"}},
		{"a missing comma in an entry", "[\n  {\"id\": \"a\", \"title\": \"甲\"},\n  {\"id\": \"b\" \"title\": \"乙\"},\n  {\"id\": \"c\", \"title\": \"丙\"}\n]\n",
			[]string{"a", "c"}, []string{"f.json:3: invalid JSON"}},
		{"a missing comma between entries", "[\n  {\"id\": \"a\", \"title\": \"甲\"}\n  {\"id\": \"b\", \"title\": \"乙\"},\n  {\"id\": \"c\", \"title\": \"丙\"}\n]\n",
			[]string{"a", "c"}, []string{"f.json:3: invalid JSON: a comma or the list's ] expected"}},
		{"indented entries", "[\n  {\n    \"id\": \"a\",\n    \"title\": \"甲\"\n  },\n  {\n    \"id\": \"b\",\n    \"title\": \"乙\",\n  },\n  {\n    \"id\": \"c\",\n    \"title\": \"丙\"\n  }\n]\n",
			[]string{"a", "c"}, []string{"f.json:6: invalid JSON"}},
		{"a comma after the last entry", "[\n  {\"id\": \"a\", \"title\": \"甲\"},\n]\n", []string{"a"}, nil},
		// A list on one line (jq -c): reading goes on at the next
		// object after a comma (a review's find: the rest were lost).
		{"one line", `[{"id": "a", "title": "甲"}, {"id": "b", "title": "乙",}, {"id": "c", "title": "丙"}, {"id": "d", "title": "丁"}]`,
			[]string{"a", "c", "d"}, []string{"f.json:1: invalid JSON: a comma before the article's closing } (its last field takes none); it is not read; reading goes on at the next entry found, at line 1"}},
		{"nothing after it", "[\n  {\"id\": \"a\", \"title\": \"甲\"},\n  {\"id\": \"b\", \"title\": x}\n]\n",
			[]string{"a"}, []string{"f.json:3: invalid JSON: invalid character 'x' looking for beginning of value; it is not read, nor anything after it in the list"}},
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

// TestJSONListOfArticlesUnderTheLimitEach: one article may be at most 2
// MiB, a .json list of them 64 MiB (a review's find: the list was held to
// 2 MiB whole, and three articles of 0.9 MiB each were refused together);
// an entry over the limit is reported and the rest read.
func TestJSONListOfArticlesUnderTheLimitEach(t *testing.T) {
	body := strings.Repeat("粮食安全。", 900<<10/15) // about 0.9 MiB
	var list []map[string]string
	for _, id := range []string{"a", "b", "c"} {
		list = append(list, map[string]string{"id": id, "title": "粮食安全 " + id, "url": "https://example.org/" + id, "body": body})
	}
	data, err := json.MarshalIndent(list, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "list.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	arts, errs := ReadPaths([]string{path}, ReadOptions{})
	if len(arts) != 3 || len(errs) != 0 {
		t.Errorf("a .json list of 3 articles of %.1f MiB each: %d read, errors %v; want all 3", float64(len(body))/(1<<20), len(arts), errs)
	}
	list[1]["body"] = strings.Repeat(body, 3) // 2.7 MiB
	data, _ = json.MarshalIndent(list, "", "  ")
	arts, errs = readJSONFile("list.json", data, "")
	if len(arts) != 2 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "one article may be at most 2.0 MiB") {
		t.Errorf("a list with one article over the limit: %d read, errors %v; want the other 2 and one error", len(arts), errs)
	}
}

// TestEmptyJSONListIsReported: an empty list, [], is reported as an empty
// .json file is (a review's find: read as nothing, 0 problems, exit 0).
func TestEmptyJSONListIsReported(t *testing.T) {
	arts, errs := readJSONFile("f.json", []byte("[\n]\n"), "")
	if len(arts) != 0 || len(errs) != 1 {
		t.Errorf("an empty list: %d articles, errors %v; want it reported as the empty file is", len(arts), errs)
	}
}

// TestTrailingCommaSaid: a comma after an article's last field, as hand
// edits leave one, is said so, at the article's line: it had been the
// decoder's "invalid character '}' looking for beginning of object key
// string" (an operator run's find).
func TestTrailingCommaSaid(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"a.jsonl": `{"title":"甲","body":"正文","url":"https://example.com/a"}` + "\n" + `{"title":"乙","body":"正文",}` + "\n",
		"b.json":  "[\n {\"title\":\"甲\",\n  \"body\":\"正文\",\n },\n {\"title\":\"乙\",\"body\":\"正文\",\"url\":\"https://example.com/b\"}\n]\n",
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		arts, errs := ReadPaths([]string{path}, ReadOptions{})
		want := map[string]string{"a.jsonl": name + ":2:", "b.json": name + ":2:"}[name]
		if len(arts) != 1 || len(errs) != 1 || !strings.Contains(errs[0].Error(), want+" invalid JSON: a comma before the article's closing }") {
			t.Errorf("%s: %d articles, %v", name, len(arts), errs)
		}
	}
}
