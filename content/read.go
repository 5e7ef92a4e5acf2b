package content

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// ReadOptions adjusts what file readers produce.
type ReadOptions struct {
	Category string // for articles that do not name one
	URL      string // the page's address, for one HTML or Markdown file that does not give it
}

// ReadPaths reads articles from files and folders (recursively): JSON Lines
// (.jsonl), JSON (.json: an article or a list of them), Markdown with YAML
// front matter (.md), and saved HTML pages (.html, .htm). A file or line that cannot be read is reported, as
// file:line, and the rest are still returned.
func ReadPaths(paths []string, opts ReadOptions) ([]Article, []error) {
	var (
		out  []Article
		errs []error
	)
	if opts.URL != "" && !WebURL(opts.URL) {
		return nil, []error{fmt.Errorf("--url %q is not an http(s) URL", opts.URL)}
	}
	seen := map[string]string{} // id → the file that gave it
	read := map[string]bool{}   // files read: a folder and a file in it name it twice
	for _, p := range paths {
		files, ferrs := listFiles(p)
		errs = append(errs, ferrs...)
		if opts.URL != "" && (len(paths) > 1 || len(files) > 1) {
			return nil, []error{errors.New("--url names the address of one file; give one .html or .md file with it")}
		}
		for _, f := range files {
			if abs, err := filepath.Abs(f); err == nil {
				if read[abs] {
					continue // not a clash with itself
				}
				read[abs] = true
			}
			arts, ferrs := readFile(f, opts.URL)
			errs = append(errs, ferrs...)
			for _, a := range arts {
				if a.Origin == "" {
					a.Origin = f
				}
				// One article, however read, is held to an article's
				// limit as `mpbot articles show` prints it, so that
				// showing, editing and importing it again works (an
				// operator run's find: a 7 MiB page stored an article the
				// .json importer then refused; a review's: a 2 MiB
				// Markdown file of short lines, 2.4 MiB shown).
				if n := shownSize(a); n > MaxArticleBytes {
					errs = append(errs, fmt.Errorf("%s: the article is %s as `mpbot articles show` prints it; one article may be at most %s: split it",
						a.Origin, sizeOf(n), sizeOf(MaxArticleBytes)))
					continue
				}
				a.URL = ArticleURL(a.URL)
				// Two articles of one import with one id would leave
				// the last alone, silently: two notes named index.md in
				// two folders both take the id index.
				// (An article is found again by its id, or, without one,
				// by its address: it then replaces the article with that
				// address, whatever that one's id.)
				clash := ""
				if first, ok := seen["id"+a.ID]; ok && a.ID != "" {
					clash = fmt.Sprintf("id %q is also %s's", a.ID, first)
				} else if first, ok := seen["address"+a.URL]; ok && a.URL != "" && (a.ID == "" || seen["noid"+a.URL] != "") {
					clash = fmt.Sprintf("address %q is also %s's", a.URL, first)
				}
				if clash != "" {
					where := "id: in its front matter"
					switch strings.ToLower(filepath.Ext(f)) {
					case ".jsonl":
						where = `the line's "id"` // a JSON Lines file has no front matter
					case ".json":
						where = `the article's "id"`
					case ".html", ".htm", ".shtml", ".xhtml":
						// A page has no front matter, and the same page
						// saved twice (from a desktop and from a phone's
						// link) wants one copy removed, not an id (an
						// operator run's find); another page naming the
						// same address (a column's canonical link) wants
						// its own (a re-check's find).
						// (Of one title, page 2 of an article gives page 1's
						// canonical link: a re-check's find.)
						if seen["title"+a.URL] == a.Title && seen["body"+a.URL] == a.Body {
							errs = append(errs, fmt.Errorf("%s:1: %s: the same page saved twice? remove one copy", a.Origin, clash))
						} else {
							errs = append(errs, fmt.Errorf("%s:1: %s, and one would replace the other: give this page its own address with --url (import it alone)", a.Origin, clash))
						}
						continue
					}
					errs = append(errs, fmt.Errorf("%s: %s, and one would replace the other: give it an id of its own (%s)", a.Origin, clash, where))
					continue
				}
				if a.ID != "" {
					seen["id"+a.ID] = a.Origin
				} else if a.URL != "" {
					seen["noid"+a.URL] = a.Origin
				}
				if a.URL != "" && seen["address"+a.URL] == "" {
					seen["address"+a.URL] = a.Origin
					seen["title"+a.URL] = a.Title
					seen["body"+a.URL] = a.Body
				}
				// A space typed after a category (政策理论导读 , or
				// 政策理论导读　) made a category of its own that looked
				// the same in every list, and its articles never the
				// daily reading (an operator run's find).
				a.Category = strings.TrimSpace(a.Category)
				if a.Category == "" {
					a.Category = strings.TrimSpace(opts.Category)
				}
				out = append(out, a)
			}
		}
	}
	return out, errs
}

// A reader turns one file into articles; url is the page's address when
// the operator gave one (--url).
type reader struct {
	read    func(path string, data []byte, url string) ([]Article, []error)
	maxSize int64 // a larger file is refused unread; 0: read it as a stream
}

var readers = map[string]reader{
	".jsonl":    {},
	".json":     {readJSONFile, MaxJSONBytes},
	".md":       {readMarkdownFile, MaxArticleBytes},
	".markdown": {readMarkdownFile, MaxArticleBytes},
	".html":     {readHTMLFile, MaxPageBytes},
	".htm":      {readHTMLFile, MaxPageBytes},
	".shtml":    {readHTMLFile, MaxPageBytes},
	".xhtml":    {readHTMLFile, MaxPageBytes},
}

// listFiles lists the article files at root: root itself, or those in
// the folder, recursively. A subfolder that cannot be read is reported and
// the rest is listed (one folder of mode 000 cancelled the whole import).
// Hidden folders are passed over, and so is the folder of a page's files
// a browser saves beside it (page_files beside page.html: its frames, a
// comment box and a share bar, were imported as articles).
func listFiles(root string) ([]string, []error) {
	info, err := os.Stat(root)
	if err != nil {
		return nil, []error{err}
	}
	if !info.IsDir() {
		ext := strings.ToLower(filepath.Ext(root))
		if _, ok := readers[ext]; !ok {
			if how, ok := unreadArticles[ext]; ok {
				return nil, []error{fmt.Errorf("%s: not read: %s", root, how)}
			}
			if ext == ".txt" {
				// A newcomer's run: an article typed in a plain-text
				// editor was refused with no way in.
				return nil, []error{fmt.Errorf("%s: unsupported file type (want .jsonl, .json, .md or .html): %s", root, plainTextHint)}
			}
			return nil, []error{fmt.Errorf("%s: unsupported file type (want .jsonl, .json, .md or .html)", root)}
		}
		return []string{root}, nil
	}
	var files, texts []string
	var errs []error
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == root {
				return err
			}
			errs = append(errs, err)
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() && path != root && (strings.HasPrefix(d.Name(), ".") || savedPageFiles(path)) {
			return filepath.SkipDir
		}
		ext := strings.ToLower(filepath.Ext(path))
		if _, ok := readers[ext]; ok && !d.IsDir() {
			files = append(files, path)
		} else if how, ok := unreadArticles[ext]; ok && !d.IsDir() {
			// A folder of pages saved as one file (.mhtml) had imported
			// nothing, exit 0, not a word of them (an operator run's
			// find): the file alone is refused.
			errs = append(errs, fmt.Errorf("%s: not read: %s", path, how))
		} else if ext == ".txt" && !d.IsDir() {
			texts = append(texts, path)
		}
		return nil
	})
	if err != nil {
		errs = append(errs, err)
	}
	sort.Strings(files)
	if err == nil && len(files) == 0 && len(errs) == 0 {
		// "read 0 articles (0 problems)" and exit 0 hid a folder of .json
		// files, or one reached through a link (links are not followed).
		msg := fmt.Sprintf("%s: no .jsonl, .json, .md or .html files in this folder (links to folders are not followed)", root)
		if len(texts) > 0 {
			msg += fmt.Sprintf("; it has %s: %s", txtFiles(len(texts)), plainTextHint)
		}
		return nil, []error{errors.New(msg)}
	}
	if len(texts) > 0 {
		// Said, not counted a problem: a readme.txt beside the articles
		// is no article (a newcomer's run: notes typed in Notepad had
		// been passed over without a word).
		sort.Strings(texts)
		listed := strings.Join(texts[:min(len(texts), 3)], ", ")
		if len(texts) > 3 {
			listed += ", …"
		}
		errs = append(errs, Note(fmt.Sprintf("passed over %s (%s): %s", txtFiles(len(texts)), listed, plainTextHint)))
	}
	return files, errs
}

func txtFiles(n int) string {
	if n == 1 {
		return "1 .txt file"
	}
	return fmt.Sprintf("%d .txt files", n)
}

// plainTextHint is how a plain-text article is imported.
const plainTextHint = `a plain-text article imports as Markdown, renamed .md with "# " before its title line`

// Note is something a read tells that is no problem of an article: a
// file passed over that may have been meant as one.
type Note string

func (n Note) Error() string { return string(n) }

// unreadArticles are the kinds of files that hold a page mpbot does not
// read, and what to do instead (not a notice's attachments, .pdf, .docx,
// which a folder of notices holds beside them: a re-check's find, every
// run exited 1).
var unreadArticles = map[string]string{
	".mhtml":      `a page saved as a single file: save it as "Webpage, HTML only" or "Complete" (.html)`,
	".mht":        `a page saved as a single file: save it as "Webpage, HTML only" or "Complete" (.html)`,
	".webarchive": `a page saved by Safari: save it as "Page Source" (.html)`,
}

// savedPageFiles reports whether dir is the folder of files a browser
// saves beside a page ("Webpage, Complete": page.html and page_files).
func savedPageFiles(dir string) bool {
	stem, ok := strings.CutSuffix(dir, "_files")
	if !ok {
		return false
	}
	for _, ext := range []string{".html", ".htm", ".shtml", ".xhtml"} {
		if info, err := os.Stat(stem + ext); err == nil && !info.IsDir() {
			return true
		}
	}
	return false
}

func readFile(path, url string) ([]Article, []error) {
	r := readers[strings.ToLower(filepath.Ext(path))]
	f, err := os.Open(path)
	if err != nil {
		return nil, []error{err}
	}
	defer f.Close()
	if r.read == nil { // JSON Lines: streamed, line by line
		if url != "" {
			return nil, []error{fmt.Errorf("%s: --url is for one .html or .md file; a JSON Lines file gives each article its \"url\"", path)}
		}
		return ReadJSONL(f, path)
	}
	if info, err := f.Stat(); err == nil && info.Size() > r.maxSize {
		return nil, []error{&LineError{path, 1, fmt.Errorf("file is %s; a %s file may be at most %s", sizeOf(int(info.Size())), filepath.Ext(path), sizeOf(int(r.maxSize)))}}
	}
	data, err := io.ReadAll(io.LimitReader(f, r.maxSize+1))
	if err != nil {
		return nil, []error{err}
	}
	if int64(len(data)) > r.maxSize { // it grew while being read
		return nil, []error{&LineError{path, 1, fmt.Errorf("file is over %s", sizeOf(int(r.maxSize)))}}
	}
	return r.read(path, data, url)
}

// frontMatterFields are the names front matter's fields go by.
var frontMatterFields = fieldNames[frontMatter]("yaml")

// fieldNames are the names T's fields go by in the encoding of tag.
func fieldNames[T any](tag string) []string {
	var names []string
	for f := range reflect.TypeFor[T]().Fields() {
		if name, _, _ := strings.Cut(f.Tag.Get(tag), ","); name != "" && name != "-" {
			names = append(names, name)
		}
	}
	return names
}

// frontMatter is the YAML header of a Markdown article. Beside mpbot's
// fields it reads what blog engines and note apps write (Hexo, Jekyll,
// Hugo, Obsidian): date (or Hugo's publishDate) for published_on,
// categories for category, description (or Jekyll's excerpt) for summary;
// their other fields (layout, updated, aliases, Jekyll's published…) are
// passed over rather than refusing the note (a newcomer's run: a Jekyll
// post's published: true refused it). tags and categories may be
// one text or a list.
type frontMatter struct {
	ID          string     `yaml:"id"`
	Title       string     `yaml:"title"`
	Summary     string     `yaml:"summary"`
	URL         string     `yaml:"url"`
	Cover       string     `yaml:"cover"`
	Category    string     `yaml:"category"`
	Tags        textOrList `yaml:"tags"`
	Source      string     `yaml:"source"`
	Author      string     `yaml:"author"`
	PublishedOn string     `yaml:"published_on"`
	ScheduledOn string     `yaml:"scheduled_on"`

	Date        string     `yaml:"date"`
	PublishDate string     `yaml:"publishdate"`
	Excerpt     string     `yaml:"excerpt"`
	Published   yaml.Node  `yaml:"published"`
	ExpiryDate  yaml.Node  `yaml:"expirydate"`
	Categories  textOrList `yaml:"categories"`
	Description string     `yaml:"description"`
	Updated     yaml.Node  `yaml:"updated"`
	LastMod     yaml.Node  `yaml:"lastmod"`
	Layout      yaml.Node  `yaml:"layout"`
	Aliases     yaml.Node  `yaml:"aliases"`
	Created     yaml.Node  `yaml:"created"`
	Modified    yaml.Node  `yaml:"modified"`
	Draft       yaml.Node  `yaml:"draft"`
	Permalink   yaml.Node  `yaml:"permalink"`
	Slug        yaml.Node  `yaml:"slug"`
	Comments    yaml.Node  `yaml:"comments"`
	TOC         yaml.Node  `yaml:"toc"`
	Keywords    yaml.Node  `yaml:"keywords"`
	Weight      yaml.Node  `yaml:"weight"`
	Sticky      yaml.Node  `yaml:"sticky"`
	Top         yaml.Node  `yaml:"top"`
	CSSClass    yaml.Node  `yaml:"cssclass"`
}

// textOrList is a field written as one text (tags: 遴选) or a list.
type textOrList []string

func (t *textOrList) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		if v := strings.TrimSpace(n.Value); v != "" && n.Tag != "!!null" {
			*t = textOrList{v}
		}
		return nil
	}
	var list []string
	if err := n.Decode(&list); err != nil {
		return fmt.Errorf("line %d: a text or a list of texts", n.Line)
	}
	*t = list
	return nil
}

// dayOf is the day a blog's date gives (2024-01-20 21:30:00 is 2024-01-20),
// or the text as it is.
func dayOf(v string) string {
	if m := dayPrefixRe.FindStringSubmatch(strings.TrimSpace(v)); m != nil {
		// 2024/05/06 10:00, 2024.5.6, 2024年5月6日 as blogs write them (an
		// operator run's find: refused as not YYYY-MM-DD)
		month, day := cmp.Or(m[2], m[4], m[6]), cmp.Or(m[3], m[5], m[7])
		mo, _ := strconv.Atoi(month)
		d, _ := strconv.Atoi(day)
		return fmt.Sprintf("%s-%02d-%02d", m[1], mo, d)
	}
	return v
}

var dayPrefixRe = regexp.MustCompile(`^(\d{4})(?:-(\d{1,2})-(\d{1,2})|[/.](\d{1,2})[/.](\d{1,2})|\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号])`)

// unpublished reports whether a front matter's published says false, in
// any of the ways YAML and Jekyll read it (false, "false", no, 0): a draft.
// Anything else is passed over ("true" quoted had been refused: a
// re-check's find).
func unpublished(n yaml.Node) bool {
	switch strings.ToLower(strings.TrimSpace(n.Value)) {
	case "false", "no", "off", "0":
		return n.Kind == yaml.ScalarNode
	}
	return false
}

// yamlTrue reports whether a scalar says true as YAML and blog engines read
// it (true, "true", yes, 1).
func yamlTrue(n yaml.Node) bool {
	switch strings.ToLower(strings.TrimSpace(n.Value)) {
	case "true", "yes", "on", "1":
		return n.Kind == yaml.ScalarNode
	}
	return false
}

// textKeys are the front matter's keys of one text (not tags: a list).
var textKeys = map[string]bool{"title": true, "summary": true, "description": true, "source": true, "author": true, "category": true}

// lineOf is line n (from 1) of text, or "".
func lineOf(text string, n int) string {
	lines := strings.Split(text, "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
}

// frontMatterKeys are the keys frontMatter reads.
var frontMatterKeys = func() map[string]bool {
	keys := map[string]bool{}
	for f := range reflect.TypeFor[frontMatter]().Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		keys[name] = true
	}
	return keys
}()

var (
	// indentedKeyRe is a line opening with space and a key; plainValueRe
	// an unindented key and the start of its value.
	indentedKeyRe = regexp.MustCompile(`^[ \t]+([A-Za-z_][A-Za-z0-9_-]*)[ \t]*(?::(?:[ \t]|$)|：)`) // not url:https://…, a plain value's text
	plainValueRe  = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_-]*):[ \t]+(\S)`)
	// wideColonKeyRe is a front matter key followed by a full-width colon.
	wideColonKeyRe = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_-]*)\s*：`) // a key's column: not a block value's Q：… (a re-check's find)
	// quotedValueRe is a key whose value starts with a character YAML
	// reads as other than text: a list, a map, an alias, an anchor, a tag.
	quotedValueRe = regexp.MustCompile(`^\s*([A-Za-z_][A-Za-z0-9_-]*)\s*:\s+([\[{*&!|>%@` + "`" + `].*?)\s*$`)
	// commentedValueRe is a key whose unquoted value holds " #".
	// (# then a space is a comment as written, title: 标题 # 待改.)
	commentedValueRe = regexp.MustCompile(`^\s*([A-Za-z_][A-Za-z0-9_-]*)\s*:\s+([^"'\s#\[{][^#]*\s#[^\s#].*)$`)
	yamlLineRe       = regexp.MustCompile(`line (\d+)`)
	// keyAtLineStart is an unindented key, up to its colon.
	keyAtLineStart = regexp.MustCompile(`(?m)^[A-Za-z_][A-Za-z0-9_-]*[ \t]*:`)
	// frontMatterOpenRe is a front matter's opening line, after any blank
	// lines, with any spaces after its ---.
	frontMatterOpenRe = regexp.MustCompile(`^(?:[ \t]*\n)*---[ \t]*\n`)
	// yamlKeyLineRe is a line that begins a YAML key (title: …).
	yamlKeyLineRe = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*[ \t]*:`)
	// closingHashesRe is what may close an ATX heading's line: # 标题 #.
	closingHashesRe = regexp.MustCompile(`\s+#+\s*$`)
)

// readMarkdownFile reads one article: optional YAML front matter between
// --- lines, then the body. Without a title in the front matter, the first
// # heading is the title; without a summary, the first paragraph gives one;
// without an id or a url (and no --url), the file's name is the id.
func readMarkdownFile(path string, data []byte, url string) ([]Article, []error) {
	if line, bad := NotUTF8Line(data); bad {
		if cutInsideCharacter(data) {
			// Valid but for its last character: cut short, not saved in
			// another encoding (an operator run's find: told to save it as
			// UTF-8, which it was), as a page says.
			return nil, []error{&LineError{path, line, errCutShort}}
		}
		return nil, []error{&LineError{path, line, errNotUTF8}}
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.TrimPrefix(text, "\ufeff")
	var fm frontMatter
	dateKey := "date" // the key published_on was read from, Hugo's publishDate or date
	var fieldLines map[string]int
	body := text
	// Blank lines before the opening --- and spaces after either ---
	// (editors leave them) do not make the front matter body text (its
	// title: and url: were read as the summary, and the card had no link).
	lead := 0 // blank lines above the opening ---: lines are the file's
	if m := frontMatterOpenRe.FindStringIndex(text); m != nil {
		// After blank lines, a --- is front matter only when a key
		// follows it: otherwise a rule above the text (it was refused as
		// front matter not YAML).
		if n := strings.Count(text[:m[1]], "\n") - 1; n == 0 || yamlKeyLineRe.MatchString(strings.TrimLeft(text[m[1]:], " \t\n")) {
			lead = n
			text = "---\n" + text[m[1]:]
		} else {
			text = text[m[1]:] // a rule above the text is no text (it stuck to a heading below it)
			body = text
		}
	}
	if strings.HasPrefix(strings.TrimLeft(text, "\n"), "+++\n") {
		return nil, []error{&LineError{path, 1, errors.New("front matter between +++ lines (TOML) is not read: write it as YAML between --- lines (title: …)")}}
	}
	if strings.HasPrefix(text, "---\n") {
		// From the opening line's newline: an empty front matter's
		// closing --- comes right after it.
		rest := text[3:]
		end := strings.Index(rest, "\n---")
		if end < 0 {
			return nil, []error{&LineError{path, 1 + lead, errors.New("front matter is not closed by a --- line")}}
		}
		header := ""
		if end > 0 {
			// Keys read without case, as Hugo reads them (Title:, Date:
			// in its themes' archetypes: the note had been refused whole,
			// an operator run's find).
			// (Its keys only: a quoted value's line opening Note: is text,
			// a re-check's find.)
			header = keyAtLineStart.ReplaceAllStringFunc(rest[1:end], func(k string) string {
				if lower := strings.ToLower(k); frontMatterKeys[strings.TrimRight(lower, " \t:")] {
					return lower
				}
				return k
			})
		}
		body = rest[end+4:]
		if i := strings.IndexByte(body, '\n'); i >= 0 {
			body = body[i+1:]
		} else {
			body = ""
		}
		plainValueOf := "" // the key of the last unindented line, when its value is plain text
		for i, l := range strings.Split(header, "\n") {
			// title：… typed with a Chinese input method: YAML reads the
			// line as text, and its message cut the colon in two (output
			// that was no UTF-8, naming a Go type: an operator run's find).
			if m := wideColonKeyRe.FindStringSubmatch(l); m != nil {
				return nil, []error{&LineError{path, i + 2 + lead, fmt.Errorf("front matter: %q has a full-width colon \"：\": write %q", m[0], m[1]+": ")}}
			}
			// A key indented by mistake under a plain value: YAML reads it
			// as more of that value (the title had been 遴选面试技巧
			// summary：面试答题三步法), or, with ": ", asked to quote it.
			// (A plain value goes on over indented lines and blank ones:
			// the key after them is still read into it.)
			switch m := indentedKeyRe.FindStringSubmatch(l); {
			case m != nil && plainValueOf != "" && frontMatterKeys[m[1]]:
				return nil, []error{&LineError{path, i + 2 + lead, fmt.Errorf("front matter: %q is indented, so it is read as more of %s's value: start its line with %q", m[1], plainValueOf, m[1])}}
			case strings.TrimSpace(l) == "" || l[0] == ' ' || l[0] == '\t':
			default:
				plainValueOf = ""
				// Not a block (|, >), a quoted text, a list or a mapping, nor
				// one with an anchor, a tag or an alias before (&s |).
				if m := plainValueRe.FindStringSubmatch(l); m != nil && !strings.ContainsAny(m[2][:1], "|>\"'[{&!*") {
					plainValueOf = m[1]
				}
			}
		}
		dec := yaml.NewDecoder(strings.NewReader(header))
		dec.KnownFields(true)
		if err := dec.Decode(&fm); err != nil && !errors.Is(err, io.EOF) {
			line := 2
			if at, _, _ := YAMLFault([]byte(header), err); at > 0 {
				line = at + 1 // the --- line comes first
			} else if m := yamlLineRe.FindStringSubmatch(err.Error()); m != nil {
				fmt.Sscan(m[1], &line)
				line++
			}
			msg := cleanYAMLError(err, 1+lead)
			if m := quotedValueRe.FindStringSubmatch(lineOf(header, line-1)); m != nil && textKeys[m[1]] {
				// [转载]…, *重要*…: YAML reads a list or an alias, and
				// said only "did not find expected key".
				msg += fmt.Sprintf(`: a value starting with %q needs quotes (%s: "%s")`, m[2][:1], m[1], m[2])
			} else if strings.Contains(msg, "mapping values are not allowed") {
				// A title with ": " in it (学习笔记: 二十大报告): YAML
				// reads a second key inside the value (an operator run's
				// find: the parser's words alone).
				example := `title: "学习笔记: 二十大报告"`
				if m := plainValueRe.FindStringSubmatch(lineOf(header, line-1)); m != nil {
					// The line's own key and value (the fixed example
					// named a title the operator did not have, at a
					// summary's line: an operator run's find).
					_, value, _ := strings.Cut(lineOf(header, line-1), ":")
					quoted, _ := yaml.Marshal(strings.TrimSpace(value))
					example = fmt.Sprintf("%s: %s", m[1], bytes.TrimSpace(quoted))
				}
				msg += fmt.Sprintf(`: a value holding ": " needs quotes (%s)`, example)
			}
			return nil, []error{&LineError{path, line + lead, fmt.Errorf("front matter: %v", msg)}}
		}
		fieldLines = frontMatterLines(header, lead)
		if unpublished(fm.Published) {
			// Jekyll's draft, kept off the site: not imported unsaid (a
			// re-check's find).
			return nil, []error{&LineError{path, fieldLines["published"], errors.New("front matter: published: false, a draft its site does not publish: set it true, or take the line out, to import it")}}
		}
		if yamlTrue(fm.Draft) {
			// Hugo's and Hexo's alike (a re-check's doubt).
			return nil, []error{&LineError{path, fieldLines["draft"], errors.New("front matter: draft: true, a draft its site does not publish: set it false, or take the line out, to import it")}}
		}
		if fm.Date == "" && fm.PublishDate != "" {
			fm.Date, dateKey = fm.PublishDate, "publishDate"
			fieldLines["date"] = fieldLines["publishdate"]
		}
		// 每日一练 #12: YAML reads " #12" as a comment, and the title was
		// 每日一练 without a word.
		for i, l := range strings.Split(header, "\n") {
			if m := commentedValueRe.FindStringSubmatch(l); m != nil && textKeys[m[1]] {
				return nil, []error{&LineError{path, i + 2 + lead, fmt.Errorf(`front matter: YAML reads what follows " #" in %s as a comment: put the value in quotes (%s: "%s")`, m[1], m[1], strings.TrimSpace(m[2]))}}
			}
		}
	}
	a := Article{ID: fm.ID, Title: fm.Title, Summary: cmp.Or(fm.Summary, fm.Description, fm.Excerpt), URL: fm.URL, Cover: fm.Cover,
		Category: fm.Category, Tags: fm.Tags, Source: fm.Source, Author: fm.Author, PublishedOn: dayOf(cmp.Or(fm.PublishedOn, fm.Date)),
		ScheduledOn: dayOf(fm.ScheduledOn)}
	if a.Category == "" && len(fm.Categories) > 0 {
		a.Category = fm.Categories[0]
	}
	if fieldLines != nil && fm.PublishedOn == "" && fm.Date != "" {
		fieldLines["published_on"] = fieldLines["date"] // a bad date is reported at its line
	}
	// The operator's --url takes the place of the file's own, as a
	// page's is (Markdown had kept its own and dropped --url without a
	// word: an operator run's find); import says so.
	if url != "" && a.URL != url {
		a.Named, a.URL = a.URL, url
	}
	if a.ID == "" && a.URL == "" {
		a.ID = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	var paras []string
	summary := ""
	refs := references(body)
	for _, p := range strings.Split(body, "\n\n") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if m := setextTitleRe.FindStringSubmatch(p); m != nil && (a.Title == "" || len(paras) == 0) {
			p = "# " + m[1] // a title underlined with ===
		}
		if h, ok := strings.CutPrefix(p, "# "); ok {
			// The heading's line: text may follow on the next line
			// without a blank line between (# 标题 then its text was
			// refused as having no title).
			h, rest, _ := strings.Cut(h, "\n")
			h = closingHashesRe.ReplaceAllString(h, "") // # 标题 # is an ATX heading too
			if h = stripMarkdown(h, refs); a.Title == "" || len(paras) == 0 && h == a.Title {
				// The title, or the front matter's title again as a
				// heading (as blogs write it): the card showed it twice.
				a.Title = h
				if p = strings.TrimSpace(rest); p == "" {
					continue
				}
			}
		}
		if summary == "" {
			// The first paragraph's text, not a heading line above it
			// (## 背景 and its text on the next line; #两会# is a tag),
			// nor a rule (---) or an image alone.
			text := p
			for mdHeadingRe.MatchString(text) || mdSetextRe.MatchString(text) {
				if mdSetextRe.MatchString(text) {
					_, text, _ = strings.Cut(text, "\n") // the heading; its underline goes below
				}
				_, text, _ = strings.Cut(text, "\n")
			}
			if t := stripMarkdown(text, refs); strings.IndexFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
				summary = t
			}
		}
		if p = stripMarkdown(p, refs); p != "" { // an image or a rule alone leaves nothing
			paras = append(paras, p)
		}
	}
	a.Body = strings.Join(paras, "\n\n")
	if a.Summary == "" {
		a.Summary = excerpt(summary, summaryRunes)
	}
	if a.Body == "" && a.Summary == "" && a.URL == "" {
		// A heading alone (a stub, # 遴选面试自我介绍模板): the follower
		// asking for it got its title back and nothing else.
		return nil, []error{&LineError{path, 1 + lead, errors.New("a title and no text: nothing for a follower to read; write the text below it, or give the article's address (url: in its front matter)")}}
	}
	if err := a.Validate(); err != nil {
		// At the line of the front matter's field at fault (a bad
		// published_on was reported at line 1).
		line, placed := 1+lead, false
		for _, fe := range FieldErrors(err) {
			if l, ok := fieldLines[fe.Field]; ok {
				line, placed = l, true
				break
			}
		}
		if at := bytes.IndexByte(data, 0); !placed && at >= 0 {
			// A NUL in the text: at its own line (an operator run's find:
			// line 1 for one on line 4).
			line = 1 + bytes.Count(data[:at], []byte("\n"))
		}
		if fm.PublishedOn == "" && fm.Date != "" {
			// Named as the file has it (an operator run's find: a bad
			// date: was reported as published_on, a key the file lacks).
			err = errors.New(strings.Replace(err.Error(), "published_on ", dateKey+" ", 1))
		}
		return nil, []error{&LineError{path, line, err}}
	}
	return []Article{a}, nil
}

// frontMatterLines maps each key of a front matter to its line in the file
// (the --- line is line 1).
func frontMatterLines(header string, lead int) map[string]int {
	var doc yaml.Node
	lines := map[string]int{}
	if yaml.Unmarshal([]byte(header), &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return lines
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		lines[m.Content[i].Value] = m.Content[i].Line + 1 + lead
	}
	return lines
}

// NotUTF8Line reports the line of data's first byte that is not UTF-8 (a
// file saved as GBK), and whether there is one.
func NotUTF8Line(data []byte) (line int, bad bool) {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return 1 + bytes.Count(data[:i], []byte("\n")), true
		}
		i += size
	}
	return 0, false
}

// cleanYAMLError puts yaml's multi-line report on one line, without the
// lines it counts from the front matter's start (the error has the file's)
// or Go's type names. Lines it names in its text (already defined at line
// 1) are made the file's: offset is the front matter's first line less one.
func cleanYAMLError(err error, offset int) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n")
	var parts []string
	for _, l := range strings.Split(msg, "\n") {
		l = yamlLinePrefixRe.ReplaceAllString(strings.TrimSpace(l), "")
		l = yamlUnknownFieldRe.ReplaceAllStringFunc(l, func(said string) string {
			name := yamlUnknownFieldRe.FindStringSubmatch(said)[1]
			if near := nearestField(name, frontMatterFields); near != "" {
				return fmt.Sprintf("unknown field %s (did you mean %s?)", name, near)
			}
			return "unknown field " + name
		})
		// A line of text where a key: value was wanted: YAML's words
		// named a Go type and cut the text mid-character (an operator
		// run's find).
		l = yamlNotMappingRe.ReplaceAllString(l, "a line of text where a key: value is wanted (title: …)")
		l = yamlAtLineRe.ReplaceAllStringFunc(l, func(at string) string {
			var n int
			fmt.Sscan(strings.TrimPrefix(at, "at line "), &n)
			return fmt.Sprintf("at line %d", n+offset)
		})
		if l != "" {
			parts = append(parts, l)
		}
	}
	return strings.ToValidUTF8(strings.Join(parts, "; "), "…")
}

var (
	yamlNotMappingRe   = regexp.MustCompile("cannot unmarshal !!str `[^`]*` into \\S+")
	yamlLinePrefixRe   = regexp.MustCompile(`^line \d+: `)
	yamlUnknownFieldRe = regexp.MustCompile(`field (\S+) not found in type \S+`)
	yamlAtLineRe       = regexp.MustCompile(`at line \d+`)
)

// setextTitleRe is a paragraph that is a title underlined with ===.
var setextTitleRe = regexp.MustCompile(`^([^\n]+)\n[ \t]*=+[ \t]*$`)

// mdHeadingRe is a Markdown heading line at the start of a paragraph.
var mdHeadingRe = regexp.MustCompile(`^#{1,6}\s`)

var mdMarkupRe = regexp.MustCompile(`(?m)^#{1,6}\s+|^\s*[-*+]\s+|^\s*>\s?|` + "`" + `|!\[[^\]]*\]\([^)]*\)`)
var mdLinkRe = regexp.MustCompile(`\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)`) // an address with one level of parentheses (…/两个确立_(政治))

var (
	mdCommentRe     = regexp.MustCompile(`(?s)<!--.*?-->`)
	mdFenceRe       = regexp.MustCompile("(?m)^[ \t]*(?:```|~~~)[^\n]*$")
	mdTableRuleRe   = regexp.MustCompile(`(?m)^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$`)
	mdTableBarsRe   = regexp.MustCompile(`(?m)^[ \t]*\|.*\|[ \t]*$`)
	mdFootnoteDefRe = regexp.MustCompile(`(?m)^[ \t]*\[\^[A-Za-z0-9-]+\]:[ \t]*`)
	mdFootnoteRe    = regexp.MustCompile(`\[\^[A-Za-z0-9-]+\]`) // not [^_^]
	mdAutolinkRe    = regexp.MustCompile(`<((?:https?|ftp)://[^<>\s]+|mailto:[^<>\s]+)>`)
	mdBreakTagRe    = regexp.MustCompile(`(?i)<br\s*/?>`)
	// An HTML tag: a known name, attributes with values (<b and y> is text).
	mdTagRe           = regexp.MustCompile(`(?i)</?(?:font|span|b|i|u|em|strong|sup|sub|div|p|a|small|big|center|mark|del|s|ins|section|table|thead|tbody|tr|td|th|ul|ol|li|h[1-6]|blockquote|code|pre|hr|br|details|summary|kbd|abbr|q|cite|ruby|rt|rp|figure|figcaption)(?:\s+[a-zA-Z-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]+))*\s*/?>`)
	mdClosingHashesRe = regexp.MustCompile(`(?m)^(#{1,6}\s.*?)\s+#+[ \t]*$`)
	mdEntityRe        = regexp.MustCompile(`&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)
	mdNoteCommentRe   = regexp.MustCompile(`(?s)(^|[^0-9%])%%.*?%%`) // not 5%%
	mdTemplateTagRe   = regexp.MustCompile(`\{%-?\s*[^%]*?-?%\}`)
	mdTOCRe           = regexp.MustCompile(`(?im)^[ \t]*\[toc\][ \t]*$`)
	mdEmbedRe         = regexp.MustCompile(`!\[\[[^\]\n]*\]\]`)
	mdWikiLinkRe      = regexp.MustCompile(`\[\[[^\]\n]+\]\]`)
	mdHighlightRe     = regexp.MustCompile(`==([^=\s](?:[^=\n]*[^=\s])?)==`) // not a == b
	mdCalloutRe       = regexp.MustCompile(`(?m)^([ \t]*>?[ \t]*)\[![A-Za-z]+\][+-]?[ \t]*`)
	mdEscapeRe        = regexp.MustCompile(`\\([\\` + "`" + `*_{}\[\]()#+\-.!|<>~])`)
)

// references is the labels of a Markdown text's reference definitions:
// every one mdRefRe matches, and mdMaybeRefRe's that the text uses.
func references(text string) map[string]bool {
	refs := map[string]bool{}
	used := map[string]bool{}
	for _, m := range mdRefUseRe.FindAllStringSubmatch(text, -1) {
		used[refLabel(m[2]+m[3])] = true
	}
	for _, m := range mdRefRe.FindAllStringSubmatch(text, -1) {
		refs[refLabel(m[1])] = true
	}
	for _, m := range mdMaybeRefRe.FindAllStringSubmatch(text, -1) {
		if l := refLabel(m[1]); used[l] {
			refs[l] = true
		}
	}
	return refs
}

// stripEmphasis drops the emphasis delimiters d (*, **, _, __, …) that open
// and close a run as CommonMark reads them: an opener is followed by no
// space, and by punctuation only after a space, punctuation or the start;
// a closer mirrors it; _ does not open or close inside a word of Latin
// letters or digits (snake_case), nor * beside a digit. So *本文转载自人民日报，版权所有。* and
// **注意\n请提交** lose theirs, while 带*号的为必答题，*号不计分, 2*3*4 and
// the blanks of 姓名____，单位____ keep them. Strong runs (**, ***) beside
// Chinese open and close as CommonMark's CJK-friendly amendment reads them:
// **材料一：**2023年 and 领悟**“两个确立”**的 are bold (a review's find:
// their ** stayed in cards, or the wrong two were paired), while a single
// * or _ keeps the strict rule (带*号的为必答题，*号不计分, 姓名__，).
func stripEmphasis(p, d string) string {
	edge := func(r rune, ok bool) (space, punct bool) {
		if !ok {
			return true, false // the paragraph's start or end reads as a space
		}
		return unicode.IsSpace(r), unicode.IsPunct(r) || unicode.IsSymbol(r)
	}
	strong := len(d) >= 2 && d[0] == '*'
	cjk := func(r rune, ok bool) bool { return ok && strong && isCJK(r) }
	// Inside a word of Latin letters or digits (snake_case, _config_.yml),
	// or for * beside a digit (2*3*4), no delimiter opens or closes.
	latin := func(r rune) bool {
		return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || d[0] == '_' && r == '.') || d[0] == '*' && unicode.IsDigit(r)
	}
	around := func(at int) (before rune, hasBefore bool, after rune, hasAfter bool) {
		if at > 0 {
			before, _ = utf8.DecodeLastRuneInString(p[:at])
			hasBefore = true
		}
		if at+len(d) < len(p) {
			after, _ = utf8.DecodeRuneInString(p[at+len(d):])
			hasAfter = true
		}
		return
	}
	opens := func(at int) bool {
		before, hb, after, ha := around(at)
		as, ap := edge(after, ha)
		bs, bp := edge(before, hb)
		if as || ap && !(bs || bp || cjk(before, hb) || cjk(after, ha)) {
			return false
		}
		return cjk(after, ha) || !latin(before) || d[0] == '*' && !unicode.IsDigit(before)
	}
	closes := func(at int) bool {
		before, hb, after, ha := around(at)
		bs, bp := edge(before, hb)
		as, ap := edge(after, ha)
		if bs || bp && !(as || ap || cjk(before, hb) || cjk(after, ha)) {
			return false
		}
		return cjk(before, hb) || !latin(after) || d[0] == '*' && !unicode.IsDigit(after)
	}
	var runs []int // where runs of exactly d begin
	for i := 0; i < len(p); {
		if p[i] != d[0] {
			i++
			continue
		}
		j := i
		for j < len(p) && p[j] == d[0] {
			j++
		}
		if j-i == len(d) && (i == 0 || p[i-1] != '\\') {
			runs = append(runs, i)
		}
		i = j
	}
	var drop []int
	for k := 0; k < len(runs); k++ {
		if !opens(runs[k]) {
			continue
		}
		// With the next run only: one that cannot close ends the opener's
		// chance (_config_.yml's second _ is no closer, and [^_^]'s _ much
		// later is no partner).
		if k+1 < len(runs) && closes(runs[k+1]) {
			drop = append(drop, runs[k], runs[k+1])
			k++
		}
	}
	if len(drop) == 0 {
		return p
	}
	var b strings.Builder
	last := 0
	for _, at := range drop {
		b.WriteString(p[last:at])
		last = at + len(d)
	}
	b.WriteString(p[last:])
	return b.String()
}

// isCJK reports whether r is a Han, kana or Hangul character, or CJK or
// full-width punctuation (：《》【】。).
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef
}

// refLabel is a reference's label as Markdown matches it: without case or
// runs of spaces.
func refLabel(l string) string { return strings.ToLower(strings.Join(strings.Fields(l), " ")) }

// stripMarkdown keeps the words of a Markdown paragraph for indexing: no
// images (Markdown's or HTML's), rules (---, * * *), markup or reference
// definitions (mdMaybeRefRe's only when refs has their label), and
// references to them read as their text.
func stripMarkdown(p string, refs map[string]bool) string {
	// What an importer run saw reach followers: HTML comments (<!-- more
	// -->), tags (<font color="red">, <br/>) and entities (&nbsp;), a code
	// fence's language, a table's rules and bars, footnotes ([^1]),
	// emphasis (*通知*, _解读_), escapes (\*), autolinks, closing #s.
	// And note apps' and blogs' own: Obsidian's [[links]], ==marks==,
	// %% comments %%, callouts, embeds; [TOC]; Hexo's {% tags %}.
	p = mdCommentRe.ReplaceAllString(p, "")
	p = mdNoteCommentRe.ReplaceAllString(p, "$1")
	p = mdTemplateTagRe.ReplaceAllString(p, "")
	p = mdTOCRe.ReplaceAllString(p, "")
	p = mdEmbedRe.ReplaceAllString(p, "")
	p = mdWikiLinkRe.ReplaceAllStringFunc(p, func(l string) string {
		target, label, ok := strings.Cut(strings.Trim(l, "[]"), "|")
		if ok {
			return label
		}
		return target
	})
	p = mdHighlightRe.ReplaceAllString(p, "$1")
	p = mdCalloutRe.ReplaceAllString(p, "$1")
	p = mdFenceRe.ReplaceAllString(p, "")
	if mdTableRuleRe.MatchString(p) { // bars are a table's only under its rule (|a|+|b|≥|a+b| is text)
		p = mdTableRuleRe.ReplaceAllString(p, "")
		p = mdTableBarsRe.ReplaceAllStringFunc(p, func(row string) string {
			return strings.Join(strings.Fields(strings.ReplaceAll(strings.Trim(strings.TrimSpace(row), "|"), "|", " ")), " ")
		})
	}
	p = mdFootnoteDefRe.ReplaceAllString(p, "")
	p = mdFootnoteRe.ReplaceAllString(p, "")
	p = mdAutolinkRe.ReplaceAllString(p, "$1")
	p = mdBreakTagRe.ReplaceAllString(p, "\n")
	p = mdTagRe.ReplaceAllString(p, "")
	p = mdClosingHashesRe.ReplaceAllString(p, "$1")
	p = mdImageRe.ReplaceAllString(p, "") // before links: ![封面](x.png) was 封面 with a ! before it
	p = mdRefRe.ReplaceAllString(p, "")
	p = mdMaybeRefRe.ReplaceAllStringFunc(p, func(def string) string {
		if refs[refLabel(mdMaybeRefRe.FindStringSubmatch(def)[1])] {
			return ""
		}
		return def
	})
	p = mdUnderlineRe.ReplaceAllString(p, "$1")
	p = mdLinkRe.ReplaceAllString(p, "$1")
	p = mdRefUseRe.ReplaceAllStringFunc(p, func(use string) string { // [枫桥经验][1]
		m := mdRefUseRe.FindStringSubmatch(use)
		if !refs[refLabel(m[2]+m[3])] || citation.MatchString(m[1]+m[3]) {
			return use // 文献[1][2], citations whatever their list says
		}
		return m[1] + m[3]
	})
	p = mdRuleRe.ReplaceAllString(p, "")
	p = mdMarkupRe.ReplaceAllString(p, "")
	for _, d := range []string{"***", "___", "**", "__", "*", "_"} {
		p = stripEmphasis(p, d)
	}
	p = mdEscapeRe.ReplaceAllString(p, "$1")
	// Entities as HTML5 reads them in text only with their ; (?id=1&timestamp=2
	// became ×tamp).
	p = mdEntityRe.ReplaceAllStringFunc(p, html.UnescapeString)
	p = strings.ReplaceAll(p, "\u00a0", " ")
	var lines []string
	for _, l := range strings.Split(p, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

var (
	// An image: inline (with one level of parentheses in its address),
	// by reference, or HTML's.
	mdImageRe = regexp.MustCompile(`!\[[^\]]*\](\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\])|(?i)<img[^>]*>`)
	// A rule line (also under text, where it makes a heading of it).
	mdRuleRe = regexp.MustCompile(`(?m)^[ \t]*([-*_=][ \t]*){3,}$`)
	// A reference's definition, its destination surely an address: a
	// scheme (https://baike.baidu.com/item/枫桥经验), a host (www.x.com,
	// baike.baidu.com/item/…), a path from / or . starting with a letter
	// (./images/截图1.png), or a file's name (images/图1.png, fig1.png; Han
	// characters only after a slash). What does not look like one is prose
	// ([主持人]: 欢迎收看, [Q]: 2024, [问]: 省考/国考哪个难？, [答]: 见附件.docx,
	// [答案]: A/C, [Q]: 5G/6G), unless it is mdMaybeRefRe's and used.
	mdRefRe = regexp.MustCompile(`(?m)^[ \t]*\[([^\]]+)\]:[ \t]*<?(?:` +
		`[a-zA-Z][a-zA-Z0-9+.-]*://[^\s<>]+|mailto:[^\s<>]+|` +
		`(?:www\.|[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*\.[a-zA-Z]{2,}/)[^\s<>]*|` + // a host: its top level in letters (not 3.5/10)
		`\.{0,2}/[a-zA-Z_.~%-][^\s<>]*|` + // a path
		`(?:[^\s<>\p{Han}]*|[^\s<>]*/[^\s<>]*)\.(?i:png|jpe?g|gif|webp|svg|bmp|pdf|docx?|xlsx?|pptx?|html?|md|txt|zip|rar|mp3|mp4|wav|csv|json)` +
		`)>?(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$`)
	// A definition that may be one or prose: an anchor (#section-2, or
	// #AI, a tag) or another path (/上传/公告, or /表示无/不适用). It is a
	// reference when the text uses its label ([见上文][8], [8][]).
	mdMaybeRefRe = regexp.MustCompile(`(?m)^[ \t]*\[([^\]]+)\]:[ \t]*<?(?:#[^\s<>]+|\.{0,2}/[^\s<>]+)>?(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$`)
	// A citation's numbers, as in 文献[1][2], [1,2][3] or [１][2]: not a
	// link's text.
	citation = regexp.MustCompile(`^[0-9０-９]+(?:\s*[,，、\-–~～]\s*[0-9０-９]+)*$`)
	// A reference used: [text][label] or [label][] (a space between allowed).
	mdRefUseRe = regexp.MustCompile(`\[([^\[\]]+)\] ?\[([^\[\]]+)\]|\[([^\[\]]+)\] ?\[\]`)
	// A Setext heading's underline, of any length: 一、报名 over --.
	mdUnderlineRe = regexp.MustCompile(`(?m)^([^\n]*\S[^\n]*)\n[ \t]*(?:-+|=+)[ \t]*$`)
	// A heading underlined (Setext): 一、报名 over ------ or ======.
	mdSetextRe = regexp.MustCompile(`^[^\n]+\n[ \t]*(-+|=+)[ \t]*(\n|$)`)
)

// summaryRunes is the length of a generated summary, as in the corpus.
const summaryRunes = 110

// excerpt cuts s to at most n characters, ending with … when cut.
func excerpt(s string, n int) string {
	s = oneLine(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// wide reports whether r is a Chinese character or full-width punctuation,
// which Chinese text sets without spaces.
func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef || r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…' || r == '·'
}

// Describe is what an article's card says under its title: its summary on
// one line, or its first paragraph when the summary says nothing of it
// (none, the title again or its start, a salutation or a heading: the
// corpus's documents open with 各位代表：, 同志们！, 一、去年 or a zero-width
// space, and each day's reading card said only that), or "" when that is
// the title. Without a body, a short summary stands.
func Describe(a Article) string {
	title := oneLine(a.Title)
	desc := oneLine(a.Summary)
	if saysNothing(desc, title) {
		if lead := oneLine(Lead(a.Body)); lead != "" || desc == title {
			desc = lead
		}
	}
	if desc == title {
		return ""
	}
	return desc
}

// saysNothing reports whether a summary describes nothing: empty, part of
// the title (政府工作报告 of 2024年中华人民共和国国务院政府工作报告), a
// salutation (各位代表：, 同志们！), a short line announcing what follows
// (論聯合政府的版本包括：) or a numbered heading (一、去年). A short summary
// that is none of these stands (国务院常务会议部署稳就业: a review's find,
// replaced by the body's first sentence).
func saysNothing(summary, title string) bool {
	if summary == "" || strings.Contains(title, summary) || salutation(summary) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(summary)
	short := utf8.RuneCountInString(summary) <= 16
	return short && (last == '：' || last == ':' || numberedHeading.MatchString(summary))
}

// numberedHeading is a heading's numbering: 一、, （二）, 第三章, 1.
var numberedHeading = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十0-9]+[章节部分篇]|[0-9]+[.、])`)
